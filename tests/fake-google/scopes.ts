/**
 * OAuth scopes Google knows (the ones a Gmail extension can ask for), the plain words the consent
 * screen uses for them, and the short-form expansion Google applies (`email` →
 * userinfo.email + openid).
 */
const AUTH = 'https://www.googleapis.com/auth/';

export const SCOPES = {
  mail: 'https://mail.google.com/',
  readonly: `${AUTH}gmail.readonly`,
  modify: `${AUTH}gmail.modify`,
  metadata: `${AUTH}gmail.metadata`,
  labels: `${AUTH}gmail.labels`,
  compose: `${AUTH}gmail.compose`,
  /**
   * A Gmail add-on's compose action. Only the add-on framework grants it, so it has no consent
   * wording below and the fake's OAuth flow refuses it; the drafts routes still list it as accepted.
   */
  addonsCompose: `${AUTH}gmail.addons.current.action.compose`,
  send: `${AUTH}gmail.send`,
  insert: `${AUTH}gmail.insert`,
  settingsBasic: `${AUTH}gmail.settings.basic`,
  email: `${AUTH}userinfo.email`,
  profile: `${AUTH}userinfo.profile`,
  openid: 'openid',
} as const;

/** Consent-screen wording per scope. */
export const SCOPE_DESCRIPTIONS: Record<string, string> = {
  [SCOPES.mail]: 'Read, compose, send, and permanently delete all your email from Gmail',
  [SCOPES.readonly]: 'View your email messages and settings',
  [SCOPES.modify]: 'Read, compose, and send emails from your Gmail account',
  [SCOPES.metadata]: 'View your email message metadata such as labels and headers, but not the email body',
  [SCOPES.labels]: 'See and edit your email labels',
  [SCOPES.compose]: 'Manage drafts and send emails',
  [SCOPES.send]: 'Send email on your behalf',
  [SCOPES.insert]: 'Add emails into your Gmail mailbox',
  [SCOPES.settingsBasic]: 'See, edit, create, or change your email settings and filters in Gmail',
  [SCOPES.email]: 'See your primary Google Account email address',
  [SCOPES.profile]: "See your personal info, including any personal info you've made publicly available",
  [SCOPES.openid]: 'Associate you with your personal info on Google',
};

/** Full-URL form of a requested scope; undefined when Google would call it invalid. */
function expand(scope: string): string[] | undefined {
  if (scope === 'email') return [SCOPES.email, SCOPES.openid];
  if (scope === 'profile') return [SCOPES.profile, SCOPES.openid];
  if (scope in SCOPE_DESCRIPTIONS) return [scope];
  return undefined;
}

export function normaliseScopes(requested: string): { valid: string[]; invalid: string[] } {
  const valid = new Set<string>();
  const invalid: string[] = [];
  for (const scope of requested.split(/\s+/).filter((s) => s !== '')) {
    const expanded = expand(scope);
    if (expanded === undefined) invalid.push(scope);
    else expanded.forEach((s) => valid.add(s));
  }
  return { valid: [...valid], invalid };
}

export function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
