/**
 * The HTML accounts.google.com shows during the implicit flow: the consent screen (buttons
 * named Allow and Cancel, posting back), the account chooser, and the "Access blocked" error
 * pages Google shows instead of redirecting when the request itself is invalid.
 */
import { escapeHtml, htmlResponse, type FakeResponse } from './http-types.ts';
import { SCOPE_DESCRIPTIONS } from './scopes.ts';

/** The name the consent screen shows for the OAuth client (the OAuth consent screen's app name). */
export const APP_NAME = 'iCustomer Mail';

const STYLE = `
body{margin:0;font-family:Roboto,Arial,sans-serif;background:#f0f4f9;color:#1f1f1f}
main{max-width:450px;margin:48px auto;background:#fff;border-radius:28px;padding:36px 40px}
.logo{font-size:22px;font-weight:500;color:#4285f4;margin-bottom:16px}
h1{font-size:24px;font-weight:400;margin:0 0 16px}
.account{display:inline-block;border:1px solid #c4c7c5;border-radius:16px;padding:4px 12px;font-size:14px;margin-bottom:24px}
ul{padding-left:20px;line-height:1.6}
.actions{display:flex;justify-content:flex-end;gap:8px;margin-top:32px}
button{font:inherit;border-radius:20px;padding:10px 24px;border:0;cursor:pointer}
.primary{background:#0b57d0;color:#fff}.secondary{background:none;color:#0b57d0}
.error h1{color:#b3261e}a.choice{display:block;padding:12px 0;border-top:1px solid #e3e3e3;color:inherit;text-decoration:none}
small{color:#444746}`;

function page(title: string, content: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${content}</main></body></html>
`;
}

/** `switchAccountHref`: Google's account chip lets the user pick another account (the account chooser). */
export function consentPage(options: {
  consentId: string;
  accountEmail: string;
  accountName: string;
  scopes: string[];
  switchAccountHref: string;
}): FakeResponse {
  const items = options.scopes
    .map((scope) => SCOPE_DESCRIPTIONS[scope])
    .filter((text): text is string => text !== undefined)
    .map((text) => `<li>${escapeHtml(text)}</li>`)
    .join('');
  const content = `<div class="logo">Google</div>
<h1>${APP_NAME} wants to access your Google Account</h1>
<div class="account" data-email="${escapeHtml(options.accountEmail)}">${escapeHtml(options.accountName)} · ${escapeHtml(options.accountEmail)}</div>
<p><a href="${escapeHtml(options.switchAccountHref)}">Use another account</a></p>
<p>This will allow ${APP_NAME} to:</p>
<ul>${items}</ul>
<h2>Make sure you trust ${APP_NAME}</h2>
<p><small>You may be sharing sensitive info with this site or app. You can always see or remove access in your Google Account.</small></p>
<form method="post" action="/o/oauth2/v2/auth/consent">
<input type="hidden" name="consent_id" value="${escapeHtml(options.consentId)}">
<div class="actions">
<button type="submit" class="secondary" name="decision" value="deny">Cancel</button>
<button type="submit" class="primary" name="decision" value="allow">Allow</button>
</div>
</form>`;
  return htmlResponse(200, page('Sign in - Google Accounts', content));
}

export function accountChooserPage(links: { name: string; email: string; href: string }[]): FakeResponse {
  const choices = links
    .map((l) => `<a class="choice" href="${escapeHtml(l.href)}">${escapeHtml(l.name)}<br><small>${escapeHtml(l.email)}</small></a>`)
    .join('');
  return htmlResponse(200, page('Sign in - Google Accounts', `<div class="logo">Google</div><h1>Choose an account</h1><p>to continue to ${APP_NAME}</p>${choices}`));
}

/** Google's "Access blocked" page, e.g. "Error 400: redirect_uri_mismatch". */
export function authErrorPage(status: number, error: string, detail: string): FakeResponse {
  const content = `<div class="error"><div class="logo">Google</div>
<h1>Access blocked: ${status === 401 ? 'Authorization Error' : 'This app’s request is invalid'}</h1>
<p><b>Error ${status}: ${escapeHtml(error)}</b></p>
<p>${escapeHtml(detail)}</p></div>`;
  return htmlResponse(status, page(`Error ${status}: ${error}`, content));
}
