/**
 * Account sessions (F1, F8): who is signed in, signing in from a tab, signing out, and what happens
 * when Google withdraws access elsewhere. An account is signed in while its record is in the
 * cache; any end of access purges that account's Google data and tells its panels.
 */
import type { AuthService, SignInFailure } from '../auth/auth-service';
import type { SessionArea } from '../auth/token-store';
import type { CacheDb } from '../db/schema';
import { purgeAccount } from '../db/purge';
import { readAccount, writeAccount } from '../db/repositories';
import { FEATURE_SCOPES, GMAIL_READ_SCOPE, IDENTITY_SCOPES, type ScopedFeature } from '../google/scopes';
import type { AppError, Result, SignInResult, TabState } from '../messaging/protocol';
import type { TabContexts } from './tab-contexts';

/** What the panel's features need today; later features ask for more incrementally. */
export const BASE_SCOPES = [...IDENTITY_SCOPES, GMAIL_READ_SCOPE] as const;

export type SignedOutReason = NonNullable<TabState['signedOutReason']>;

export interface SessionsDeps {
  auth: AuthService;
  db: () => Promise<CacheDb>;
  contexts: TabContexts;
  session: SessionArea;
  now: () => number;
  /** Called after an account's session began or ended, to refresh its panels. */
  onAccountChanged: (account: string) => void;
}

const reasonKey = (account: string) => `signedOut:${account}`;

export function createSessions(deps: SessionsDeps) {
  async function end(account: string, reason: SignedOutReason): Promise<void> {
    await deps.auth.forget(account);
    await purgeAccount(await deps.db(), account);
    await deps.session.set({ [reasonKey(account)]: reason });
    deps.onAccountChanged(account);
  }

  return {
    async current(account: string): Promise<{ email: string; name: string } | null> {
      const record = await readAccount(await deps.db(), account);
      return record && { email: record.account, name: record.name };
    },

    async signedOutReason(account: string): Promise<SignedOutReason | null> {
      const value = (await deps.session.get(reasonKey(account)))[reasonKey(account)];
      return value === 'revoked' || value === 'signed-out' || value === 'policy' ? value : null;
    },

    async signIn(tabId: number): Promise<Result<SignInResult>> {
      const { context, account: expected } = await deps.contexts.resolve(tabId);
      if (!context) return { ok: false, error: { code: 'not-gmail-tab' } };
      const outcome = await deps.auth.signIn(expected, BASE_SCOPES);
      if (!outcome.ok) return { ok: false, error: signInError(outcome.failure) };
      await writeAccount(await deps.db(), { account: outcome.email, name: outcome.name, signedInAt: deps.now() });
      await deps.contexts.rememberAccountPath(context.accountPath, outcome.email);
      await deps.session.remove(reasonKey(outcome.email));
      deps.onAccountChanged(outcome.email);
      return { ok: true, data: { email: outcome.email, name: outcome.name } };
    },

    /**
     * Incremental consent (issue 4 › 2): Google's window asks for the feature's scopes on top of
     * those granted (include_granted_scopes), for the tab's signed-in account only.
     */
    async grant(tabId: number, feature: ScopedFeature): Promise<Result<null>> {
      const { account } = await deps.contexts.resolve(tabId);
      if (!account || !(await readAccount(await deps.db(), account))) return { ok: false, error: { code: 'not-signed-in' } };
      const outcome = await deps.auth.signIn(account, [...BASE_SCOPES, ...FEATURE_SCOPES[feature]]);
      if (!outcome.ok) return { ok: false, error: signInError(outcome.failure) };
      deps.onAccountChanged(account);
      return { ok: true, data: null };
    },

    /** "Sign out and revoke access": revoke at Google, then purge whatever the answer. */
    async signOut(account: string): Promise<void> {
      await deps.auth.revoke(account, BASE_SCOPES);
      await end(account, 'signed-out');
    },

    /** Google withdrew access elsewhere (permissions page, admin): purge and sign out. */
    revoked(account: string): Promise<void> {
      return end(account, 'revoked');
    },
  };
}

function signInError(failure: SignInFailure): AppError {
  if (failure.kind === 'cancelled') return { code: 'sign-in-cancelled' };
  if (failure.kind === 'mismatch') return { code: 'account-mismatch', detail: failure.signedInAs };
  return { code: 'sign-in-failed', detail: failure.detail };
}

export type Sessions = ReturnType<typeof createSessions>;
