import { beforeEach, describe, expect, it } from 'vitest';
import { readAccessLog, writeAccessLog } from '../../../utils/db/access-log';
import { GOOGLE_DATA_STORES } from '../../../utils/db/registry';
import type { AccessLogRecord, CacheDb, CaseRecord, MailboxRecord } from '../../../utils/db/schema';
import { ACCESS_LOG_RETENTION_DAYS, createRetention, removedAnything } from '../../../utils/privacy/retention';
import { freshDb, keyFieldsOf, recordFor, resetDb, untyped } from '../db/db-helpers';

beforeEach(resetDb);

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;
const DAYS = 30;
const CUTOFF = NOW - DAYS * DAY;
const A = 'a@x.com';
const B = 'b@x.com';
const FETCHED_AT_STORES = ['threads', 'summaries', 'histories', 'drafts'] as const;

function run(db: CacheDb, retentionDays = DAYS) {
  return createRetention({ db: async () => db, now: () => NOW, retentionDays: () => retentionDays })();
}

/** A record for any store, with only its key fields and a time: retention reads nothing else. */
async function put(db: CacheDb, store: string, account: string, n: number, fields: Record<string, unknown>) {
  await untyped(db).put(store, { ...recordFor(keyFieldsOf(db, store), account, n), ...fields });
}

const countOf = (db: CacheDb, store: (typeof FETCHED_AT_STORES)[number] | 'cases' | 'mailboxes' | 'accounts') => db.count(store);
const caseAt = (n: number, fetchedAt: number): Partial<CaseRecord> => ({ threadId: `t${n}`, fetchedAt });
const mailboxWith = (syncedAt: number | null): Partial<MailboxRecord> => ({ historyId: '9', labels: [], unread: [], syncedAt, revision: 1 });

describe.each(FETCHED_AT_STORES)('the %s store', (store) => {
  it('removes records fetched before the cutoff and keeps those fetched at or after it', async () => {
    const db = await freshDb();
    await put(db, store, A, 1, { fetchedAt: CUTOFF - 1 });
    await put(db, store, A, 2, { fetchedAt: CUTOFF });
    await put(db, store, A, 3, { fetchedAt: NOW });
    await put(db, store, B, 4, { fetchedAt: 0 });
    await put(db, store, B, 5, { fetchedAt: CUTOFF + 1 });
    expect((await run(db))[store]).toBe(2);
    const left = (await untyped(db).getAll(store)) as { fetchedAt: number }[];
    expect(left.map((record) => record.fetchedAt).sort()).toEqual([CUTOFF, CUTOFF + 1, NOW]);
  });

  it('removes a record without a usable time', async () => {
    const db = await freshDb();
    await put(db, store, A, 1, { fetchedAt: String(NOW) });
    expect((await run(db))[store]).toBe(1);
  });
});

describe('a long-unrun job', () => {
  it('walks a store larger than one transaction takes', async () => {
    const db = await freshDb();
    const tx = untyped(db).transaction('threads', 'readwrite');
    for (let n = 0; n < 1_234; n++) void tx.store.put({ account: A, threadId: `t${String(n).padStart(4, '0')}`, fetchedAt: n % 2 ? NOW : 0 });
    await tx.done;
    expect((await run(db)).threads).toBe(617);
    expect(await countOf(db, 'threads')).toBe(617);
  });
});

describe('the queue (cases and mailboxes together)', () => {
  async function queueOf(db: CacheDb, account: string, syncedAt: number | null | 'none', caseTimes: number[]) {
    if (syncedAt !== 'none') await put(db, 'mailboxes', account, 0, mailboxWith(syncedAt));
    for (const [n, fetchedAt] of caseTimes.entries()) await put(db, 'cases', account, n, caseAt(n, fetchedAt));
  }

  it('keeps old cases of a mailbox synced at or after the cutoff: a sync confirmed them', async () => {
    const db = await freshDb();
    await queueOf(db, A, CUTOFF, [0, CUTOFF - DAY]);
    expect(await run(db)).toMatchObject({ cases: 0, mailboxes: 0 });
    expect(await countOf(db, 'cases')).toBe(2);
  });

  it('removes every case with the mailbox record when the last sync is older than the cutoff', async () => {
    const db = await freshDb();
    await queueOf(db, A, CUTOFF - 1, [NOW, CUTOFF - DAY]);
    await queueOf(db, B, NOW, [0]);
    expect(await run(db)).toMatchObject({ cases: 2, mailboxes: 1 });
    expect(await untyped(db).getAllKeys('mailboxes')).toEqual([[B]]);
    expect(await untyped(db).getAllKeys('cases')).toEqual([[B, 't0']]);
  });

  it.each([
    ['before the first sync completed', null],
    ['without a mailbox record', 'none' as const],
  ])('%s, removes the queue only when every case is old', async (_, syncedAt) => {
    const db = await freshDb();
    await queueOf(db, A, syncedAt, [CUTOFF - 1, CUTOFF]);
    await queueOf(db, B, syncedAt, [CUTOFF - 1, 0]);
    const removed = await run(db);
    expect(removed).toMatchObject({ cases: 2, mailboxes: syncedAt === null ? 1 : 0 });
    expect(await untyped(db).getAllKeys('cases')).toEqual([[A, 't0'], [A, 't1']]);
  });
});

describe('what retention never touches', () => {
  it("keeps the accounts store, the signed-in session, however old", async () => {
    const db = await freshDb();
    await untyped(db).put('accounts', { account: A, name: 'Ana', signedInAt: 0 });
    await run(db, 1);
    expect(await countOf(db, 'accounts')).toBe(1);
  });

  it('names a rule for every Google-data store except the session', async () => {
    const db = await freshDb();
    const old = { fetchedAt: 0, syncedAt: 0, signedInAt: 0 };
    for (const store of GOOGLE_DATA_STORES) await put(db, store, A, 1, old);
    const removed = await run(db);
    const expired = GOOGLE_DATA_STORES.filter((store) => (removed[store] ?? 0) > 0);
    expect(expired.sort()).toEqual(GOOGLE_DATA_STORES.filter((store) => store !== 'accounts').sort());
  });
});

describe('the access log', () => {
  const entry = (account: string, at: number): AccessLogRecord => ({
    account,
    at,
    id: String(at),
    feature: 'queue',
    category: 'labels',
    method: 'gmail.users.labels.list',
    items: 4,
    ok: true,
    status: 200,
  });
  const logCutoff = NOW - ACCESS_LOG_RETENTION_DAYS * DAY;

  it('keeps six months (183 days) of every account, whatever the cache retention', async () => {
    const db = await freshDb();
    await writeAccessLog(db, [entry(A, logCutoff - 1), entry(A, logCutoff), entry(B, logCutoff - DAY), entry(B, CUTOFF - DAY)]);
    expect((await run(db, 1)).accessLog).toBe(2);
    expect(await readAccessLog(db, A)).toEqual([entry(A, logCutoff)]);
    expect(await readAccessLog(db, B)).toEqual([entry(B, CUTOFF - DAY)]);
  });
});

describe('removedAnything', () => {
  it('tells whether the panels need to re-read', () => {
    expect(removedAnything({ threads: 0, accessLog: 0 })).toBe(false);
    expect(removedAnything({ threads: 0, cases: 1 })).toBe(true);
  });
});
