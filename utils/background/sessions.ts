/**
 * Account sessions (F1, F8): who is signed in, signing in from a tab, signing out, and what happens
 * when Google withdraws access elsewhere. An account is signed in while its record is in the
 * cache; any end of access purges that account's Google data and tells its panels.
 */
import type { AuthService, SignInFailure } from '../auth/auth-service';
import type { SessionArea } from '../auth/token-store';
import type { CacheDb } from '../db/schema';
import { readAccount, readAccounts, writeAccount } from '../db/repositories';
import { FEATURE_SCOPES, GMAIL_READ_SCOPE, IDENTITY_SCOPES, type ScopedFeature } from '../google/scopes';
import type { AppError, Result, SignInResult } from '../messaging/protocol';
import { type AllowedDomains, isAllowedAccount } from '../policy/domains';
import { type AccessEnd, type SignedOutReason, signedOutKey } from './pending-purges';
import type { TabContexts } from './tab-contexts';

/** What the panel's features need today; later features ask for more incrementally. */
export const BASE_SCOPES = [...IDENTITY_SCOPES, GMAIL_READ_SCOPE] as const;

export interface SessionsDeps {
  auth: AuthService;
  db: () => Promise<CacheDb>;
  contexts: TabContexts;
  session: SessionArea;
  now: () => number;
  /** The admin policy's allowed domains (F9), as currently read. */
  allowedDomains: () => Promise<AllowedDomains>;
  /** Called after an account's session began or ended, to refresh its panels. */
  onAccountChanged: (account: string) => void;
  /** Revokes if asked, forgets the token, purges the cache, keeps the reason: journalled (pending-purges.ts). */
  endAccess: (account: string, end: AccessEnd) => Promise<void>;
}

export function createSessions(deps: SessionsDeps) {
  async function storedReason(account: string): Promise<SignedOutReason | null> {
    const value = (await deps.session.get(signedOutKey(account)))[signedOutKey(account)];
    return value === 'revoked' || value === 'signed-out' || value === 'policy' ? value : null;
  }

  async function end(account: string, reason: SignedOutReason, revoke = false): Promise<void> {
    // The policy's removal revokes the grant itself; calls in flight then meet a 401 and report a
    // revocation, which must not hide the real reason from the agent.
    const shown = reason === 'revoked' && (await storedReason(account)) === 'policy' ? 'policy' : reason;
    await deps.endAccess(account, { reason: shown, revoke });
    deps.onAccountChanged(account);
  }

  return {
    async current(account: string): Promise<{ email: string; name: string } | null> {
      const record = await readAccount(await deps.db(), account);
      return record && { email: record.account, name: record.name };
    },

    signedOutReason: storedReason,

    async signIn(tabId: number): Promise<Result<SignInResult>> {
      const { context, account: expected } = await deps.contexts.resolve(tabId);
      if (!context) return { ok: false, error: { code: 'not-gmail-tab' } };
      const allowed = await deps.allowedDomains();
      // Refused before Google is even asked when the tab already shows whose mailbox it is.
      if (expected && !isAllowedAccount(allowed, expected)) return notAllowed(allowed);
      const outcome = await deps.auth.signIn(expected, BASE_SCOPES);
      if (!outcome.ok) return { ok: false, error: signInError(outcome.failure) };
      if (!isAllowedAccount(allowed, outcome.email)) {
        // Google said who it is only now: give the token back rather than keep a grant we refuse.
        await deps.auth.revoke(outcome.email, BASE_SCOPES);
        return notAllowed(allowed);
      }
      await writeAccount(await deps.db(), { account: outcome.email, name: outcome.name, signedInAt: deps.now() });
      await deps.contexts.rememberAccountPath(context.accountPath, outcome.email);
      await deps.session.remove(signedOutKey(outcome.email));
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
    signOut(account: string): Promise<void> {
      return end(account, 'signed-out', true);
    },

    /** Google withdrew access elsewhere (permissions page, admin): purge and sign out. */
    revoked(account: string): Promise<void> {
      return end(account, 'revoked');
    },

    /**
     * "Delete all local data" (F7): every account signed out on this computer, tokens forgotten.
     * Not revoked at Google: the agent asked to clean this computer, not to withdraw the grant.
     */
    async endAll(): Promise<void> {
      for (const { account } of await readAccounts(await deps.db())) await end(account, 'signed-out');
    },

    /** The admin's policy no longer allows the account (F9): give the grant back, purge, sign out. */
    async disallowed(account: string): Promise<void> {
      await deps.session.set({ [signedOutKey(account)]: 'policy' });
      await end(account, 'policy', true);
    },
  };
}

/** `detail`: the allowed domains, for the panel to name; empty when the policy allows none. */
function notAllowed(allowed: AllowedDomains): Result<never> {
  return { ok: false, error: { code: 'account-not-allowed', detail: (allowed ?? []).join(', ') } };
}

function signInError(failure: SignInFailure): AppError {
  if (failure.kind === 'cancelled') return { code: 'sign-in-cancelled' };
  if (failure.kind === 'mismatch') return { code: 'account-mismatch', detail: failure.signedInAs };
  return { code: 'sign-in-failed', detail: failure.detail };
}

export type Sessions = ReturnType<typeof createSessions>;
