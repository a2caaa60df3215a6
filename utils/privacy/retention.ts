/**
 * The retention job (F7): cached Google data older than the admin's N days, and access-log entries
 * older than six months, are removed from every account. Each store is walked in bounded
 * transactions (a chunk of records each), so a job that has not run for months never holds the
 * database for long; nothing but IndexedDB is awaited inside a transaction.
 */
import type { StoreNames } from 'idb';
import { deleteAccessLogBefore } from '../db/access-log';
import { accountKeyRange } from '../db/registry';
import type { CacheDb, CacheSchema } from '../db/schema';

/** Six months (F7): the log outlives the cache it describes, long enough to answer "who read what". */
export const ACCESS_LOG_RETENTION_DAYS = 183;
const DAY_MS = 86_400_000;
/** Records looked at per transaction. */
const CHUNK = 500;

/**
 * How each store ages; a new store must be given a rule here or this does not compile.
 * 'queue': cases and their mailbox record go together (see expireQueues). 'never': the accounts
 * store is the session, not cached data — it ends with sign-out or revocation, not with time.
 */
const AGE_RULES = {
  threads: 'fetchedAt',
  summaries: 'fetchedAt',
  histories: 'fetchedAt',
  drafts: 'fetchedAt',
  cases: 'queue',
  mailboxes: 'queue',
  accounts: 'never',
  accessLog: 'access-log',
} as const satisfies Record<StoreNames<CacheSchema>, 'fetchedAt' | 'queue' | 'never' | 'access-log'>;

type FetchedAtStore = { [S in keyof typeof AGE_RULES]: (typeof AGE_RULES)[S] extends 'fetchedAt' ? S : never }[keyof typeof AGE_RULES];
const FETCHED_AT_STORES = (Object.keys(AGE_RULES) as (keyof typeof AGE_RULES)[]).filter(
  (store): store is FetchedAtStore => AGE_RULES[store] === 'fetchedAt',
);

export interface RetentionDeps {
  db: () => Promise<CacheDb>;
  now: () => number;
  /** The admin policy's N (F9): cached Google data older than this many days is removed. */
  retentionDays: () => number;
}

/** Records removed per store, for the log. */
export type RetentionCounts = Partial<Record<StoreNames<CacheSchema>, number>>;

export function createRetention(deps: RetentionDeps) {
  return async function runRetention(): Promise<RetentionCounts> {
    const db = await deps.db();
    const now = deps.now();
    const cutoff = now - deps.retentionDays() * DAY_MS;
    const counts: RetentionCounts = {};
    for (const store of FETCHED_AT_STORES) counts[store] = await expireByFetchedAt(db, store, cutoff);
    Object.assign(counts, await expireQueues(db, cutoff));
    counts.accessLog = await deleteAccessLogBefore(db, now - ACCESS_LOG_RETENTION_DAYS * DAY_MS);
    return counts;
  };
}

export function removedAnything(counts: RetentionCounts): boolean {
  return Object.values(counts).some((count) => count > 0);
}

/** Fresh means fetched at or after the cutoff; a record without a usable time cannot prove it is. */
const isOld = (at: unknown, cutoff: number) => !(typeof at === 'number' && at >= cutoff);

/** Walks the whole store (every account) a chunk per transaction, resuming after the last key seen. */
async function expireByFetchedAt(db: CacheDb, store: FetchedAtStore, cutoff: number): Promise<number> {
  let removed = 0;
  let after: IDBValidKey | null = null;
  for (;;) {
    const tx = db.transaction(store, 'readwrite');
    let cursor = await tx.store.openCursor(after === null ? null : IDBKeyRange.lowerBound(after, true));
    for (let seen = 0; cursor && seen < CHUNK; seen++) {
      if (isOld(cursor.value.fetchedAt, cutoff)) {
        await cursor.delete();
        removed++;
      }
      after = cursor.key;
      cursor = await cursor.continue();
    }
    await tx.done;
    if (!cursor) return removed;
  }
}

/**
 * The queue's age is its mailbox's syncedAt, not each case's fetchedAt: an incremental sync confirms
 * unchanged cases without rewriting them. So an account's cases go only together with its mailbox
 * record (the cursor): cases removed alone would leave a cursor claiming a queue in step with Gmail
 * while it misses cases. Before a first sync completes (syncedAt null, or no mailbox record) the
 * cases' own times decide, all of them old.
 */
async function expireQueues(db: CacheDb, cutoff: number): Promise<{ cases: number; mailboxes: number }> {
  const keys = db.transaction(['cases', 'mailboxes'], 'readonly');
  const [caseKeys, mailboxKeys] = await Promise.all([keys.objectStore('cases').getAllKeys(), keys.objectStore('mailboxes').getAllKeys()]);
  await keys.done;
  const accounts = new Set([...caseKeys, ...mailboxKeys].map(([account]) => account));
  const removed = { cases: 0, mailboxes: 0 };
  for (const account of accounts) {
    const tx = db.transaction(['cases', 'mailboxes'], 'readwrite');
    const cases = tx.objectStore('cases');
    const mailboxes = tx.objectStore('mailboxes');
    const mailbox = await mailboxes.get([account]);
    const syncedAt = mailbox?.syncedAt;
    const expired =
      typeof syncedAt === 'number' ? syncedAt < cutoff : (await cases.getAll(accountKeyRange(account))).every((record) => isOld(record.fetchedAt, cutoff));
    if (expired) {
      removed.cases += await cases.count(accountKeyRange(account));
      removed.mailboxes += mailbox ? 1 : 0;
      await Promise.all([cases.delete(accountKeyRange(account)), mailboxes.delete([account])]);
    }
    await tx.done;
  }
  return removed;
}
