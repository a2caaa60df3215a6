/**
 * The access log's reads and writes (F7). Keys are [account, at, id], so one account's log in time
 * order is one key range; the 'by-at' index reaches every account's old entries for retention.
 */
import { accessLogRecordSchema } from './record-schemas';
import { accountKeyRange } from './registry';
import type { AccessLogRecord, CacheDb } from './schema';

/** Several entries in one transaction: the recorder flushes a batch of calls at once. */
export async function writeAccessLog(db: CacheDb, entries: readonly AccessLogRecord[]): Promise<void> {
  if (entries.length === 0) return;
  const tx = db.transaction('accessLog', 'readwrite');
  await Promise.all([...entries.map((entry) => tx.store.put(entry)), tx.done]);
}

/** Every entry of one account, oldest first; an entry that no longer matches the schema is skipped. */
export async function readAccessLog(db: CacheDb, account: string): Promise<AccessLogRecord[]> {
  const records = await db.getAll('accessLog', accountKeyRange(account));
  return records.filter(isValid);
}

export interface AccessLogPage {
  entries: AccessLogRecord[];
  /** Whether older entries remain: the next page starts before the last entry's `at`. */
  more: boolean;
}

/**
 * One page of an account's log, newest first: entries with `at < before` (the newest when null).
 * Paging by time rather than by key: entries sharing the last page's millisecond are rare (one
 * batch flush), and `before` is what the panel can hold without knowing the key's layout.
 */
export async function readAccessLogPage(db: CacheDb, account: string, before: number | null, limit: number): Promise<AccessLogPage> {
  // [account, before] sorts before every [account, before, id]: the upper bound excludes `before` itself.
  const range = before === null ? accountKeyRange(account) : IDBKeyRange.bound([account], [account, before], false, true);
  const entries: AccessLogRecord[] = [];
  const tx = db.transaction('accessLog', 'readonly');
  let cursor = await tx.store.openCursor(range, 'prev');
  while (cursor) {
    if (isValid(cursor.value)) {
      // The next page starts before the last entry's time, so a page never ends inside a
      // millisecond: entries of one batch share it, and splitting them would skip some.
      if (entries.length >= limit && cursor.value.at !== entries[entries.length - 1]?.at) break;
      entries.push(cursor.value);
    }
    cursor = await cursor.continue();
  }
  const more = cursor !== null;
  await tx.done;
  return { entries, more };
}

/** Entries removed per transaction, so a long-unrun retention never holds one huge transaction. */
const DELETE_CHUNK = 500;

/** Removes every account's entries older than `cutoff` (epoch ms); returns how many went. */
export async function deleteAccessLogBefore(db: CacheDb, cutoff: number): Promise<number> {
  const range = IDBKeyRange.upperBound(cutoff, true);
  let removed = 0;
  for (;;) {
    const tx = db.transaction('accessLog', 'readwrite');
    const keys = await tx.store.index('by-at').getAllKeys(range, DELETE_CHUNK);
    await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
    removed += keys.length;
    if (keys.length < DELETE_CHUNK) return removed;
  }
}

function isValid(record: AccessLogRecord): boolean {
  return accessLogRecordSchema.safeParse(record).success;
}
