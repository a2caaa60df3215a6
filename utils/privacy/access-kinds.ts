/**
 * The words of the access log (F7): which feature called Google and which kind of data it touched.
 * Apart from the database schema so that the panel, which shows them, never bundles idb.
 */
/** The feature on whose behalf Google was called. */
export const ACCESS_FEATURES = ['sign-in', 'conversation', 'history', 'cases', 'queue', 'drafts'] as const;
export type AccessFeature = (typeof ACCESS_FEATURES)[number];
/** What kind of Google data the call read or wrote. */
export const ACCESS_CATEGORIES = ['profile', 'message-metadata', 'labels', 'drafts', 'mailbox-changes'] as const;
export type AccessCategory = (typeof ACCESS_CATEGORIES)[number];
