/**
 * Every Gmail DOM marker the extension relies on, in one place (google-facts.md): Gmail changes its
 * markup without notice, and a change should be a one-line fix here.
 */
/** The open conversation's subject heading carries the thread ids. List rows use spans, not h2. */
export const OPEN_THREAD_SUBJECT = 'h2[data-legacy-thread-id], h2[data-thread-perm-id]';
export const LEGACY_THREAD_ID_ATTR = 'data-legacy-thread-id';
export const PERM_THREAD_ID_ATTR = 'data-thread-perm-id';
/** Attributes worth a re-check when they change (Gmail adds ids once a thread syncs). */
export const WATCHED_ATTRIBUTES = [LEGACY_THREAD_ID_ATTR, PERM_THREAD_ID_ATTR];
/** A message's sender in the open conversation: `<span class="gD" email="…" name="…">`. */
export const MESSAGE_SENDER = 'span.gD[email]';
export const SENDER_EMAIL_ATTR = 'email';
