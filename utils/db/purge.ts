/**
 * Deletes every cached byte of one account's Google data (F8): one transaction over every
 * 'google-data' store in the registry, a key-range delete each — no cursor, no scan.
 */
import type { CacheDb } from './schema';
import { GOOGLE_DATA_STORES, accountKeyRange } from './registry';

export async function purgeAccount(db: CacheDb, account: string): Promise<void> {
  const tx = db.transaction(GOOGLE_DATA_STORES, 'readwrite');
  const range = accountKeyRange(account);
  await Promise.all([...GOOGLE_DATA_STORES.map((store) => tx.objectStore(store).delete(range)), tx.done]);
}

export async function countAccountRecords(db: CacheDb, account: string): Promise<number> {
  const tx = db.transaction(GOOGLE_DATA_STORES, 'readonly');
  const range = accountKeyRange(account);
  const counts = await Promise.all(GOOGLE_DATA_STORES.map((store) => tx.objectStore(store).count(range)));
  return counts.reduce((sum, count) => sum + count, 0);
}
