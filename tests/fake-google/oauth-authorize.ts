/**
 * accounts.google.com/o/oauth2/v2/auth, the implicit flow a Chrome extension drives through
 * launchWebAuthFlow. Invalid requests get Google's error page (no redirect); otherwise the answer
 * is a 302 to the chromiumapp.org redirect URI with the result in the fragment: a token, or
 * error=consent_required|interaction_required|login_required (prompt=none) or access_denied.
 */
import { TOKEN_LIFETIME_S } from './auth-store.ts';
import { emptyMeta, redirect, type FakeRequest, type FakeResponse, type HandledResponse } from './http-types.ts';
import type { Mailbox } from './mailbox.ts';
import { accountChooserPage, authErrorPage, consentPage } from './oauth-pages.ts';
import { normaliseScopes, union } from './scopes.ts';
import type { FakeState } from './state.ts';
import { randomToken } from './ids.ts';

export interface AuthRequest {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | null;
  loginHint: string | null;
  prompt: string[];
  includeGrantedScopes: boolean;
  query: URLSearchParams;
}

export interface PendingConsent {
  request: AuthRequest;
  accountEmail: string;
}

const CLIENT_ID = /^\d+-[a-z0-9]+\.apps\.googleusercontent\.com$/;
const EXTENSION_REDIRECT = /^https:\/\/[a-p]{32}\.chromiumapp\.org\//;

function parseAuthRequest(query: URLSearchParams): AuthRequest | FakeResponse {
  const clientId = query.get('client_id');
  if (clientId === null || clientId === '') return authErrorPage(400, 'invalid_request', 'Missing required parameter: client_id');
  if (!CLIENT_ID.test(clientId)) return authErrorPage(401, 'invalid_client', 'The OAuth client was not found.');
  const redirectUri = query.get('redirect_uri');
  if (redirectUri === null || redirectUri === '') return authErrorPage(400, 'invalid_request', 'Missing required parameter: redirect_uri');
  if (!EXTENSION_REDIRECT.test(redirectUri)) {
    return authErrorPage(400, 'redirect_uri_mismatch', `You can’t sign in to this app because it doesn’t comply with Google’s OAuth 2.0 policy. redirect_uri=${redirectUri}`);
  }
  const responseType = query.get('response_type');
  if (responseType === null || responseType === '') return authErrorPage(400, 'invalid_request', 'Missing required parameter: response_type');
  if (responseType !== 'token') return authErrorPage(400, 'unsupported_response_type', `Invalid response_type: ${responseType}`);
  const scope = query.get('scope');
  if (scope === null || scope.trim() === '') return authErrorPage(400, 'invalid_request', 'Missing required parameter: scope');
  const { valid, invalid } = normaliseScopes(scope);
  if (invalid.length > 0) {
    return authErrorPage(400, 'invalid_scope', `Some requested scopes were invalid. {valid=[${valid.join(', ')}], invalid=[${invalid.join(', ')}]}`);
  }
  return {
    clientId,
    redirectUri,
    scopes: valid,
    state: query.get('state'),
    loginHint: query.get('login_hint'),
    prompt: (query.get('prompt') ?? '').split(/\s+/).filter((p) => p !== ''),
    includeGrantedScopes: query.get('include_granted_scopes') === 'true',
    query,
  };
}

function fragment(params: [string, string | null][]): string {
  return params
    .filter((p): p is [string, string] => p[1] !== null)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

export function redirectError(request: AuthRequest, error: string): FakeResponse {
  return redirect(`${request.redirectUri}#${fragment([['error', error], ['state', request.state]])}`);
}

export function redirectWithToken(state: FakeState, request: AuthRequest, accountEmail: string, promptShown: boolean): FakeResponse {
  const grant = state.auth.grant(accountEmail, request.clientId);
  const scopes = request.includeGrantedScopes ? union(grant?.scopes ?? [], request.scopes) : request.scopes;
  const token = state.auth.issue(accountEmail, request.clientId, scopes);
  return redirect(
    `${request.redirectUri}#${fragment([
      ['access_token', token.token],
      ['token_type', 'Bearer'],
      ['expires_in', String(TOKEN_LIFETIME_S)],
      ['scope', scopes.join(' ')],
      ['state', request.state],
      ['authuser', String(state.authUserIndex(accountEmail))],
      ['prompt', promptShown ? 'consent' : 'none'],
    ])}`,
  );
}

function chooseAccount(state: FakeState, request: AuthRequest): Mailbox | 'choose' | 'login_required' {
  const accounts = [...state.mailboxes.values()];
  if (request.prompt.includes('select_account')) return 'choose';
  if (request.loginHint !== null) {
    return state.mailboxes.get(request.loginHint.toLowerCase()) ?? 'login_required';
  }
  if (accounts.length === 1 && accounts[0] !== undefined) return accounts[0];
  return accounts.length === 0 ? 'login_required' : 'choose';
}

export function handleAuthorize(state: FakeState, request: FakeRequest): HandledResponse {
  const meta = emptyMeta();
  const parsed = parseAuthRequest(request.query);
  if (!('clientId' in parsed)) return { response: parsed, meta };
  const silent = parsed.prompt.includes('none');
  const account = chooseAccount(state, parsed);
  if (account === 'login_required') return { response: silent ? redirectError(parsed, 'login_required') : accountChooser(state, parsed), meta };
  // With several signed-in accounts and no hint Google must ask which one.
  if (account === 'choose') return { response: silent ? redirectError(parsed, 'interaction_required') : accountChooser(state, parsed), meta };
  meta.account = account.email;

  const grant = state.auth.grant(account.email, parsed.clientId);
  const covered = parsed.scopes.every((s) => grant?.scopes.includes(s) === true);
  if (silent) {
    return { response: covered ? redirectWithToken(state, parsed, account.email, false) : redirectError(parsed, 'consent_required'), meta };
  }
  if (covered && !parsed.prompt.includes('consent')) return { response: redirectWithToken(state, parsed, account.email, false), meta };
  if (state.consentMode === 'auto-allow') return { response: allow(state, { request: parsed, accountEmail: account.email }), meta };
  if (state.consentMode === 'auto-deny') return { response: redirectError(parsed, 'access_denied'), meta };
  const consentId = randomToken(18);
  state.pendingConsents.set(consentId, { request: parsed, accountEmail: account.email });
  const switchQuery = new URLSearchParams(parsed.query);
  switchQuery.delete('login_hint');
  switchQuery.set('prompt', 'select_account');
  const switchAccountHref = `/o/oauth2/v2/auth?${switchQuery.toString()}`;
  const page = consentPage({ consentId, accountEmail: account.email, accountName: account.name, scopes: parsed.scopes, switchAccountHref });
  return { response: page, meta };
}

function accountChooser(state: FakeState, request: AuthRequest): FakeResponse {
  const links = [...state.mailboxes.values()].map((m) => {
    const query = new URLSearchParams(request.query);
    query.set('login_hint', m.email);
    query.delete('prompt');
    return { name: m.name, email: m.email, href: `/o/oauth2/v2/auth?${query.toString()}` };
  });
  return accountChooserPage(links);
}

function allow(state: FakeState, pending: PendingConsent): FakeResponse {
  state.auth.addGrant(pending.accountEmail, pending.request.clientId, pending.request.scopes);
  return redirectWithToken(state, pending.request, pending.accountEmail, true);
}

/** The consent form posts here: Allow stores the grant and redirects with a token. */
export function handleConsent(state: FakeState, request: FakeRequest): HandledResponse {
  const form = new URLSearchParams(request.body.toString('utf8'));
  const pending = state.pendingConsents.get(form.get('consent_id') ?? '');
  if (pending === undefined) return { response: authErrorPage(400, 'invalid_request', 'This consent request has expired. Start again.'), meta: emptyMeta() };
  state.pendingConsents.delete(form.get('consent_id') ?? '');
  const meta = { ...emptyMeta(), account: pending.accountEmail };
  if (form.get('decision') !== 'allow') return { response: redirectError(pending.request, 'access_denied'), meta };
  return { response: allow(state, pending), meta };
}
