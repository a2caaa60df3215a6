/**
 * Sign-in, silent refresh and revocation for one browser profile's Google accounts (F1, F8).
 * Background only. Dependencies are passed in so the rules can be tested without a browser.
 */
import * as z from 'zod/mini';
import { GOOGLE_REVOKE_URL, GOOGLE_USERINFO_URL } from '../google/endpoints';
import { hasScopes } from '../google/scopes';
import type { AccessCall } from '../privacy/access-log';
import { type AuthorizeError, type IssuedToken, buildAuthorizeUrl, parseAuthorizeRedirect } from './oauth-flow';
import type { TokenStore } from './token-store';

export interface WebAuthFlowDetails {
  url: string;
  interactive: boolean;
  abortOnLoadForNonInteractive?: boolean;
  timeoutMsForNonInteractive?: number;
}

export interface AuthDeps {
  clientId: string;
  redirectUri: string;
  launchWebAuthFlow: (details: WebAuthFlowDetails) => Promise<string | undefined>;
  fetch: typeof fetch;
  tokens: TokenStore;
  now: () => number;
  newState: () => string;
  /** Each userinfo read, for the access log (F7), filed under the account whose profile it read. */
  onUserInfo?: (account: string, call: AccessCall) => void;
}

/** Why there is no token: the grant is gone (purge), or Google needs the user (sign in again). */
export class AuthLostError extends Error {
  override readonly name = 'AuthLostError';
  constructor(
    readonly reason: 'revoked' | 'needs-interaction',
    message: string,
  ) {
    super(message);
  }
}

export type SignInFailure =
  | { kind: 'cancelled' }
  | { kind: 'mismatch'; signedInAs: string }
  | { kind: 'failed'; detail: string };

export type SignInOutcome = { ok: true; email: string; name: string } | { ok: false; failure: SignInFailure };

/** The OAuth2 API's method id for the userinfo endpoint, as the access log names methods. */
const USERINFO_METHOD = 'oauth2.userinfo.get';
const userInfoSchema = z.object({ email: z.email(), name: z.optional(z.string()) });

/** A token this close to expiry is refreshed before use rather than sent and refused. */
const EXPIRY_MARGIN_MS = 60_000;
const SILENT_TIMEOUT_MS = 10_000;

export function createAuthService(deps: AuthDeps) {
  const refreshing = new Map<string, Promise<IssuedToken>>();

  async function runFlow(scopes: readonly string[], loginHint: string | null, interactive: boolean) {
    const state = deps.newState();
    const url = buildAuthorizeUrl({
      clientId: deps.clientId,
      redirectUri: deps.redirectUri,
      scopes,
      loginHint,
      interactive,
      state,
    });
    const redirect = await deps.launchWebAuthFlow(
      interactive
        ? { url, interactive }
        : { url, interactive, abortOnLoadForNonInteractive: true, timeoutMsForNonInteractive: SILENT_TIMEOUT_MS },
    );
    if (!redirect) return { ok: false as const, error: 'invalid_response' as AuthorizeError, detail: 'no redirect' };
    return parseAuthorizeRedirect(redirect, state, deps.now());
  }

  /** `expectedEmail` files a failed read; without it a failure names no account and is not logged. */
  async function fetchUserInfo(accessToken: string, expectedEmail: string | null) {
    const response = await deps.fetch(GOOGLE_USERINFO_URL, { headers: { Authorization: `Bearer ${accessToken}` } });
    const parsed = userInfoSchema.safeParse(response.ok ? await response.json().catch(() => null) : null);
    const account = parsed.success ? parsed.data.email.toLowerCase() : expectedEmail?.toLowerCase();
    const ok = parsed.success;
    if (account) deps.onUserInfo?.(account, { method: USERINFO_METHOD, category: 'profile', items: ok ? 1 : 0, ok, status: response.status });
    if (!parsed.success) throw new Error(`Google did not confirm the account (HTTP ${response.status})`);
    return { email: parsed.data.email.toLowerCase(), name: parsed.data.name ?? '' };
  }

  /** Interactive: Google's window opens with the Gmail tab's account preselected. */
  async function signIn(expectedEmail: string | null, scopes: readonly string[]): Promise<SignInOutcome> {
    let outcome;
    try {
      outcome = await runFlow(scopes, expectedEmail, true);
    } catch {
      // launchWebAuthFlow rejects when the user closes Google's window.
      return { ok: false, failure: { kind: 'cancelled' } };
    }
    if (!outcome.ok) {
      return outcome.error === 'access_denied'
        ? { ok: false, failure: { kind: 'cancelled' } }
        : { ok: false, failure: { kind: 'failed', detail: outcome.detail } };
    }
    let user;
    try {
      user = await fetchUserInfo(outcome.token.accessToken, expectedEmail);
    } catch (error) {
      return { ok: false, failure: { kind: 'failed', detail: String(error instanceof Error ? error.message : error) } };
    }
    // Never silently use another account than the Gmail tab's (F1): its token is dropped.
    if (expectedEmail && user.email !== expectedEmail.toLowerCase()) {
      return { ok: false, failure: { kind: 'mismatch', signedInAs: user.email } };
    }
    await deps.tokens.set(user.email, outcome.token);
    return { ok: true, email: user.email, name: user.name };
  }

  async function refreshSilently(email: string, scopes: readonly string[]): Promise<IssuedToken> {
    let outcome;
    try {
      outcome = await runFlow(scopes, email, false);
    } catch (error) {
      // Non-interactive launchWebAuthFlow rejects when Google wants to show a page (or times out).
      throw new AuthLostError('needs-interaction', error instanceof Error ? error.message : String(error));
    }
    if (!outcome.ok) {
      const revoked = outcome.error === 'consent_required' || outcome.error === 'access_denied';
      throw new AuthLostError(revoked ? 'revoked' : 'needs-interaction', outcome.detail);
    }
    await deps.tokens.set(email, outcome.token);
    return outcome.token;
  }

  /** A valid token for `email` with `scopes`; silent refresh when missing, expiring or forced. */
  async function getAccessToken(email: string, scopes: readonly string[], forceRefresh: boolean): Promise<string> {
    const stored = await deps.tokens.get(email);
    const fresh = stored && stored.expiresAt - EXPIRY_MARGIN_MS > deps.now() && hasScopes(stored.scopes, scopes);
    if (stored && fresh && !forceRefresh) return stored.accessToken;
    // Concurrent callers needing the same scopes share one refresh instead of opening several flows.
    const key = `${email} ${[...scopes].sort().join(' ')}`;
    let pending = refreshing.get(key);
    if (!pending) {
      pending = refreshSilently(email, scopes).finally(() => refreshing.delete(key));
      refreshing.set(key, pending);
    }
    return (await pending).accessToken;
  }

  /**
   * Revokes the grant at Google and forgets the token. After a browser restart the session holds no
   * token, so one is fetched silently first. Best effort: offline must not keep the user signed in.
   */
  async function revoke(email: string, scopes: readonly string[]): Promise<{ revokedAtGoogle: boolean }> {
    const stored = await deps.tokens.get(email);
    const token = stored?.accessToken ?? (await refreshSilently(email, scopes).then((t) => t.accessToken, () => null));
    await deps.tokens.remove(email);
    if (!token) return { revokedAtGoogle: false };
    try {
      const response = await deps.fetch(GOOGLE_REVOKE_URL, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }),
      });
      return { revokedAtGoogle: response.ok };
    } catch {
      return { revokedAtGoogle: false };
    }
  }

  /** Whether the token held for `email` carries `scopes` (no Google call; false without a token). */
  async function holdsScopes(email: string, scopes: readonly string[]): Promise<boolean> {
    const stored = await deps.tokens.get(email);
    return stored !== null && hasScopes(stored.scopes, scopes);
  }

  return { signIn, getAccessToken, holdsScopes, revoke, forget: (email: string) => deps.tokens.remove(email) };
}

export type AuthService = ReturnType<typeof createAuthService>;
