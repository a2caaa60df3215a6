/**
 * OAuth scopes, asked for incrementally (F1): each feature names the scopes it needs, and sign-in
 * asks only for those of the features used so far. Never `gmail.metadata` next to broader Gmail
 * scopes: Gmail then refuses `q` searches and full formats (google-facts.md).
 */
export const IDENTITY_SCOPES = ['openid', 'email', 'profile'] as const;
export const GMAIL_READ_SCOPE = 'https://www.googleapis.com/auth/gmail.readonly';
/**
 * Case statuses are labels (F4): creating a label and changing a thread's labels need modify.
 * `gmail.labels` alone can create labels but not apply them, so it would not do.
 */
export const GMAIL_MODIFY_SCOPE = 'https://www.googleapis.com/auth/gmail.modify';
/**
 * Reply templates become drafts (F6): drafts.create/get/update need compose (or modify, which an
 * agent who set a case status has already granted). Compose also allows sending, and Google's
 * window says so; the extension never sends.
 */
export const GMAIL_COMPOSE_SCOPE = 'https://www.googleapis.com/auth/gmail.compose';
const FULL_MAIL_SCOPE = 'https://mail.google.com/';

/** What each feature asks for on top of reading, the first time the agent uses it. */
export const FEATURE_SCOPES = { cases: [GMAIL_MODIFY_SCOPE], drafts: [GMAIL_COMPOSE_SCOPE] } as const;
export type ScopedFeature = keyof typeof FEATURE_SCOPES;

/** Google answers the short identity scopes with their long names; compare in one form. */
const LONG_NAMES: Record<string, string> = {
  email: 'https://www.googleapis.com/auth/userinfo.email',
  profile: 'https://www.googleapis.com/auth/userinfo.profile',
};

export function normalizeScope(scope: string): string {
  return LONG_NAMES[scope] ?? scope;
}

/** Scopes that subsume another (a token with gmail.modify may read). */
const IMPLIED_BY: Record<string, string[]> = {
  [GMAIL_READ_SCOPE]: [GMAIL_MODIFY_SCOPE, FULL_MAIL_SCOPE],
  [GMAIL_MODIFY_SCOPE]: [FULL_MAIL_SCOPE],
  // Only for the drafts methods, which accept modify: compose does not imply reading or modify.
  [GMAIL_COMPOSE_SCOPE]: [GMAIL_MODIFY_SCOPE, FULL_MAIL_SCOPE],
};

export function hasScopes(granted: readonly string[], needed: readonly string[]): boolean {
  const have = new Set(granted.map(normalizeScope));
  return needed.every((scope) => {
    const long = normalizeScope(scope);
    return have.has(long) || (IMPLIED_BY[long] ?? []).some((broader) => have.has(broader));
  });
}
