/** Google's production endpoints. The tests map these hosts to a fake on loopback; the code never changes. */
export const GOOGLE_AUTHORIZE_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
export const GOOGLE_REVOKE_URL = 'https://oauth2.googleapis.com/revoke';
export const GOOGLE_USERINFO_URL = 'https://www.googleapis.com/oauth2/v3/userinfo';
export const GMAIL_API_BASE = 'https://gmail.googleapis.com/gmail/v1/users/me';
export const GMAIL_BATCH_URL = 'https://gmail.googleapis.com/batch/gmail/v1';
export const GOOGLE_PERMISSIONS_PAGE = 'https://myaccount.google.com/permissions';
export const GMAIL_WEB_ORIGIN = 'https://mail.google.com';

/**
 * A conversation in Gmail's web UI, in the given account (`/mail/u/1`, `/mail/b/<id>/u/0`). Gmail
 * opens `#all/<hex thread id>` whatever folder the thread is in.
 */
export function gmailThreadUrl(accountPath: string, threadId: string): string {
  return `${GMAIL_WEB_ORIGIN}${accountPath}/#all/${threadId}`;
}
