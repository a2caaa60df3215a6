/** Google's production endpoints. The tests map these hosts to a fake on loopback; the code never changes. */
export const GOOGLE_AUTHORIZE_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
export const GOOGLE_REVOKE_URL = 'https://oauth2.googleapis.com/revoke';
export const GOOGLE_USERINFO_URL = 'https://www.googleapis.com/oauth2/v3/userinfo';
export const GMAIL_API_BASE = 'https://gmail.googleapis.com/gmail/v1/users/me';
export const GMAIL_BATCH_URL = 'https://gmail.googleapis.com/batch/gmail/v1';
export const GOOGLE_PERMISSIONS_PAGE = 'https://myaccount.google.com/permissions';
export const GMAIL_WEB_ORIGIN = 'https://mail.google.com';

/** Gmail's account paths and thread ids, as the messaging protocol accepts them. */
const ACCOUNT_PATH = /^\/mail(\/b\/[A-Za-z0-9_-]{1,64})?\/u\/\d{1,2}$/;
const THREAD_ID = /^[0-9a-f]{1,32}$/;

/**
 * A conversation in Gmail's web UI, in the given account (`/mail/u/1`, `/mail/b/<id>/u/0`). Gmail
 * opens `#all/<hex thread id>` whatever folder the thread is in. The panel puts this in an href,
 * so it is always https on mail.google.com (issue 7): a path such as `@evil.example` or `//x`
 * would change the host, so anything but an account path and a hex id gives Gmail's start page.
 */
export function gmailThreadUrl(accountPath: string, threadId: string): string {
  if (!ACCOUNT_PATH.test(accountPath) || !THREAD_ID.test(threadId)) return `${GMAIL_WEB_ORIGIN}/mail/`;
  return `${GMAIL_WEB_ORIGIN}${accountPath}/#all/${threadId}`;
}
