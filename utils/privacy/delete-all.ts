/**
 * "Delete all local data" (F7): everything the extension keeps on this computer, for every
 * account — sessions, the cache, the access log, and storage.local (templates sync refused,
 * anything else). storage.sync is left alone: the personal templates there are the agent's own
 * text, which Chrome keeps on their other computers anyway.
 */
import type { CacheDb } from '../db/schema';
import { CACHE_STORES } from './account-records';

export interface DeleteAllDeps {
  db: () => Promise<CacheDb>;
  /** Signs every account out here (tokens forgotten), without revoking at Google. */
  endSessions: () => Promise<void>;
  /** browser.storage.local */
  local: { clear(): Promise<void> };
}

export async function deleteAllLocalData(deps: DeleteAllDeps): Promise<void> {
  // Sessions first: with no token left, no Google call can write to the cache once it is cleared.
  await deps.endSessions();
  const db = await deps.db();
  const tx = db.transaction(CACHE_STORES, 'readwrite');
  await Promise.all([...CACHE_STORES.map((store) => tx.objectStore(store).clear()), tx.done]);
  await deps.local.clear();
}
