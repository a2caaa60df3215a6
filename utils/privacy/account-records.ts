/**
 * One account's records, store by store, read through key ranges (F10: never another account's).
 * The privacy centre (F7) measures, exports and erases from this one picture of the account.
 */
import type { IDBPTransaction, StoreNames, StoreValue } from 'idb';
import { STORE_REGISTRY, accountKeyRange } from '../db/registry';
import type { CacheSchema } from '../db/schema';

export type CacheStore = StoreNames<CacheSchema>;
/** Every store, from the registry: a store added to the schema is measured and erased too. */
export const CACHE_STORES = Object.keys(STORE_REGISTRY) as CacheStore[];

export type AccountRecords = { [S in CacheStore]: StoreValue<CacheSchema, S>[] };

type AnyTransaction = IDBPTransaction<CacheSchema, CacheStore[], IDBTransactionMode>;

/** The account's records of every store the transaction covers (the others come back empty). */
export async function readAccountRecords(tx: AnyTransaction, account: string): Promise<AccountRecords> {
  const range = accountKeyRange(account);
  const covered = new Set<string>(tx.objectStoreNames);
  const read = await Promise.all(
    CACHE_STORES.map(async (store) => [store, covered.has(store) ? await tx.objectStore(store).getAll(range) : []] as const),
  );
  return Object.fromEntries(read) as AccountRecords;
}

/** The key a record is stored under, from its store's key path: works for a store added later. */
export function keyOf(tx: AnyTransaction, store: CacheStore, record: object): IDBValidKey {
  const keyPath = tx.objectStore(store).keyPath;
  if (keyPath === null) throw new Error(`store ${store} has no key path: its records cannot be found by key`);
  const field = (name: string) => (record as Record<string, IDBValidKey>)[name] as IDBValidKey;
  return Array.isArray(keyPath) ? keyPath.map(field) : field(keyPath);
}
