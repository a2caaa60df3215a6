/**
 * The end of an account's access (F8) as a journal entry: written before anything is done, removed
 * once everything is. Chrome may stop the worker at any moment — after the token was forgotten but
 * before the cache was purged, say — and the next start finishes the job before anyone reads the
 * cache (issue 7). The entry lives in storage.local, not .session: a pending purge must outlive a
 * browser crash too, and it holds no Google data, only the account and why its access ended.
 */
import * as z from 'zod/mini';
import type { SessionArea } from '../auth/token-store';
import { purgeAccount } from '../db/purge';
import type { CacheDb } from '../db/schema';
import type { TabState } from '../messaging/protocol';

export type SignedOutReason = NonNullable<TabState['signedOutReason']>;

export interface AccessEnd {
  reason: SignedOutReason;
  /** Give the grant back at Google first (sign-out, the admin's policy); best effort. */
  revoke: boolean;
}

export interface PendingPurgesDeps {
  /** browser.storage.local: the journal. */
  local: SessionArea;
  /** browser.storage.session: why the account was signed out, for its panels. */
  session: SessionArea;
  /** The cache itself; everyone else gets the gated `db` this module hands out. */
  db: () => Promise<CacheDb>;
  revoke: (account: string) => Promise<unknown>;
  forget: (account: string) => Promise<void>;
  log: (message: string, details: Record<string, unknown>) => void;
}

const ENTRY_PREFIX = 'purgePending:';
export const signedOutKey = (account: string) => `signedOut:${account}`;

const entrySchema = z.object({ reason: z.enum(['revoked', 'signed-out', 'policy'] satisfies SignedOutReason[]), revoke: z.boolean() });
/** An entry that does not parse still names an account whose data must go. */
const UNREADABLE_ENTRY: AccessEnd = { reason: 'signed-out', revoke: false };

export function createPendingPurges(deps: PendingPurgesDeps) {
  // One end at a time, so two ends of one account (a sign-out meeting a 401 in flight) never
  // remove each other's entry half-way.
  let queue: Promise<unknown> = Promise.resolve();
  let leftovers: Promise<[string, AccessEnd][]> | null = null;
  let resumed: Promise<void> | null = null;

  function serially<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  }

  async function purgeLocally(account: string, reason: SignedOutReason): Promise<void> {
    await deps.forget(account);
    await purgeAccount(await deps.db(), account);
    await deps.session.set({ [signedOutKey(account)]: reason });
  }

  async function journal(): Promise<[string, AccessEnd][]> {
    return Object.entries(await deps.local.get(null))
      .filter(([key]) => key.startsWith(ENTRY_PREFIX))
      .map(([key, value]) => [key.slice(ENTRY_PREFIX.length), entrySchema.safeParse(value).data ?? UNREADABLE_ENTRY]);
  }

  /** What a stopped worker left half-done, purged; a failure is logged and its entry kept for the next start. */
  function purgeLeftovers(): Promise<[string, AccessEnd][]> {
    leftovers ??= (async () => {
      const purged: [string, AccessEnd][] = [];
      const entries = await journal().catch((error: unknown) => {
        deps.log('purge journal unreadable', { error: String(error) });
        return [];
      });
      for (const [account, end] of entries) {
        try {
          await purgeLocally(account, end.reason);
          purged.push([account, end]);
        } catch (error) {
          deps.log('pending purge failed', { error: String(error) });
        }
      }
      return purged;
    })();
    return leftovers;
  }

  return {
    /** Ends the account's access: journalled, revoked if asked, token forgotten, cache purged, reason kept. */
    run(account: string, end: AccessEnd): Promise<void> {
      return serially(async () => {
        await purgeLeftovers();
        await deps.local.set({ [ENTRY_PREFIX + account]: end });
        if (end.revoke) await deps.revoke(account);
        await purgeLocally(account, end.reason);
        await deps.local.remove(ENTRY_PREFIX + account);
      });
    },

    /**
     * At start-up: the leftovers purged, then the grants given back where that was asked (Google's
     * answer is not waited for by anyone reading the cache), then their entries removed.
     */
    resume(): Promise<void> {
      resumed ??= serially(async () => {
        for (const [account, end] of await purgeLeftovers()) {
          if (end.revoke) await deps.revoke(account).catch((error: unknown) => deps.log('revoke after restart failed', { error: String(error) }));
          await deps.local.remove(ENTRY_PREFIX + account);
        }
      }).catch((error: unknown) => deps.log('pending purges not resumed', { error: String(error) }));
      return resumed;
    },

    /** The cache for everyone else, handed out once the leftovers are purged: nothing reads what should be gone. */
    async db(): Promise<CacheDb> {
      await purgeLeftovers();
      return deps.db();
    },
  };
}
