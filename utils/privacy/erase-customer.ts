/**
 * Erases or anonymises one customer in one account's cache (F7, the data subject's rights): one
 * readwrite transaction over every store reads the account's records, applies the plan
 * (erase-plan.ts) and commits, so no other write slips in between and nothing is half done. Only
 * the extension's cache changes: the mail itself stays in Gmail.
 */
import type { CacheDb } from '../db/schema';
import { CACHE_STORES, keyOf, readAccountRecords } from './account-records';
import { type EraseMode, planErasure } from './erase-plan';
import type { EraseResult } from './schemas';

export async function eraseCustomer(db: CacheDb, account: string, customer: string, mode: EraseMode): Promise<EraseResult> {
  const tx = db.transaction(CACHE_STORES, 'readwrite');
  // Only IndexedDB requests are awaited until the commit: anything else would let it close early.
  const changes = planErasure(await readAccountRecords(tx, account), customer, mode);
  const writes = changes.map(({ store, before, after }) => {
    const target = tx.objectStore(store) as unknown as IDBObjectStoreWrites;
    return after === null ? target.delete(keyOf(tx, store, before)) : target.put(after);
  });
  await Promise.all([...writes, tx.done]);
  const deleted = changes.filter((change) => change.after === null).length;
  return { deleted, anonymised: changes.length - deleted };
}

/** The two writes the plan needs, without the per-store value types the plan has already checked. */
interface IDBObjectStoreWrites {
  delete(key: IDBValidKey): Promise<void>;
  put(value: object): Promise<IDBValidKey>;
}
