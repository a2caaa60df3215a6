/**
 * What each store holds and so when it is cleared (the Bitwarden `clearOn` habit, STYLE.md).
 * 'google-data' stores are purged on revoke and subject to retention; a unit test checks that this
 * registry names every store of the schema and that purge empties every 'google-data' store.
 * 'access-log' holds no Google data (counts and method names only): it outlives a revoke, as the
 * record of what was accessed, and is kept six months (F7); "Delete all local data" removes it.
 */
import type { StoreNames } from 'idb';
import type { CacheSchema } from './schema';

export type StoreHolds = 'google-data' | 'access-log';

export const STORE_REGISTRY: Record<StoreNames<CacheSchema>, { holds: StoreHolds }> = {
  threads: { holds: 'google-data' },
  accounts: { holds: 'google-data' },
  summaries: { holds: 'google-data' },
  histories: { holds: 'google-data' },
  cases: { holds: 'google-data' },
  mailboxes: { holds: 'google-data' },
  drafts: { holds: 'google-data' },
  accessLog: { holds: 'access-log' },
};

export const GOOGLE_DATA_STORES = (Object.keys(STORE_REGISTRY) as StoreNames<CacheSchema>[]).filter(
  (store) => STORE_REGISTRY[store].holds === 'google-data',
);

/** Every key [account, …] of one account, and nothing of another. */
export function accountKeyRange(account: string): IDBKeyRange {
  return IDBKeyRange.bound([account], [account, []]);
}
