/**
 * OAuth scopes, asked for incrementally (F1): each feature names the scopes it needs, and sign-in
 * asks only for those of the features used so far. Never `gmail.metadata` next to broader Gmail
 * scopes: Gmail then refuses `q` searches and full formats (google-facts.md).
 */
export const IDENTITY_SCOPES = ['openid', 'email', 'profile'] as const;
export const GMAIL_READ_SCOPE = 'https://www.googleapis.com/auth/gmail.readonly';

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
  [GMAIL_READ_SCOPE]: ['https://www.googleapis.com/auth/gmail.modify', 'https://mail.google.com/'],
};

export function hasScopes(granted: readonly string[], needed: readonly string[]): boolean {
  const have = new Set(granted.map(normalizeScope));
  return needed.every((scope) => {
    const long = normalizeScope(scope);
    return have.has(long) || (IMPLIED_BY[long] ?? []).some((broader) => have.has(broader));
  });
}
