/**
 * Google's OAuth 2.0 implicit flow as chrome.identity.launchWebAuthFlow drives it: the authorize
 * URL we open, and the redirect URL Google sends back (token or error in the fragment).
 */
import { GOOGLE_AUTHORIZE_URL } from '../google/endpoints';
import { normalizeScope } from '../google/scopes';

export interface AuthorizeRequest {
  clientId: string;
  /** identity.getRedirectURL(): https://<extension-id>.chromiumapp.org/ */
  redirectUri: string;
  scopes: readonly string[];
  /** The Gmail tab's account, so Google preselects it (F1). */
  loginHint: string | null;
  /** false → prompt=none: Google answers at once, without UI, or with an error. */
  interactive: boolean;
  state: string;
}

export function buildAuthorizeUrl(request: AuthorizeRequest): string {
  const params = new URLSearchParams({
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    response_type: 'token',
    scope: request.scopes.join(' '),
    include_granted_scopes: 'true',
    state: request.state,
  });
  if (request.loginHint) params.set('login_hint', request.loginHint);
  if (!request.interactive) params.set('prompt', 'none');
  return `${GOOGLE_AUTHORIZE_URL}?${params}`;
}

export interface IssuedToken {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  scopes: string[];
}

/**
 * Errors Google puts in the redirect. consent_required and access_denied mean no grant (revoked or
 * never given); interaction_required and login_required mean Google needs the user on screen.
 */
export type AuthorizeError =
  | 'access_denied'
  | 'consent_required'
  | 'interaction_required'
  | 'login_required'
  | 'invalid_response';

export type AuthorizeOutcome = { ok: true; token: IssuedToken } | { ok: false; error: AuthorizeError; detail: string };

const KNOWN_ERRORS = new Set<string>(['access_denied', 'consent_required', 'interaction_required', 'login_required']);

export function parseAuthorizeRedirect(redirectUrl: string, expectedState: string, now: number): AuthorizeOutcome {
  let fragment: URLSearchParams;
  try {
    const url = new URL(redirectUrl);
    // Google uses the fragment for the implicit flow; errors may also arrive in the query.
    fragment = new URLSearchParams(url.hash.slice(1) || url.search.slice(1));
  } catch {
    return { ok: false, error: 'invalid_response', detail: 'the sign-in redirect was not a URL' };
  }
  if (fragment.get('state') !== expectedState) {
    return { ok: false, error: 'invalid_response', detail: 'the sign-in answer did not match our request' };
  }
  const error = fragment.get('error');
  if (error) {
    const known = KNOWN_ERRORS.has(error) ? (error as AuthorizeError) : 'invalid_response';
    return { ok: false, error: known, detail: fragment.get('error_description') ?? error };
  }
  const accessToken = fragment.get('access_token');
  const expiresIn = Number(fragment.get('expires_in'));
  if (!accessToken || !Number.isFinite(expiresIn) || expiresIn <= 0) {
    return { ok: false, error: 'invalid_response', detail: 'Google sent no usable access token' };
  }
  const scopes = (fragment.get('scope') ?? '').split(/\s+/).filter(Boolean).map(normalizeScope);
  return { ok: true, token: { accessToken, expiresAt: now + expiresIn * 1000, scopes } };
}
