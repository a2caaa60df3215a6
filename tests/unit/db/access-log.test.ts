import { beforeEach, describe, expect, it } from 'vitest';
import { deleteAccessLogBefore, readAccessLog, readAccessLogPage, writeAccessLog } from '../../../utils/db/access-log';
import type { AccessLogRecord } from '../../../utils/db/schema';
import { freshDb, resetDb, untyped } from './db-helpers';

beforeEach(resetDb);

const A = 'a@x.com';
const B = 'b@x.com';

function entry(account: string, at: number, id = `id-${at}`): AccessLogRecord {
  return { account, at, id, feature: 'conversation', category: 'message-metadata', method: 'gmail.users.threads.get', items: 2, ok: true, status: 200 };
}

/** `count` entries of `account` at 1000, 2000, …, written in shuffled order. */
async function seed(account: string, count: number) {
  const db = await freshDb();
  const entries = Array.from({ length: count }, (_, n) => entry(account, (n + 1) * 1000)).reverse();
  await writeAccessLog(db, entries);
  return db;
}

const times = (entries: AccessLogRecord[]) => entries.map((record) => record.at);

describe('readAccessLog', () => {
  it("returns one account's entries oldest first, nothing of another account", async () => {
    const db = await seed(A, 3);
    await writeAccessLog(db, [entry(B, 1500), entry('a@x.com.br', 1500), entry('A@x.com', 1500)]);
    expect(times(await readAccessLog(db, A))).toEqual([1000, 2000, 3000]);
    expect(await readAccessLog(db, B)).toEqual([entry(B, 1500)]);
  });

  it('keeps two entries of the same millisecond apart by id', async () => {
    const db = await freshDb();
    await writeAccessLog(db, [entry(A, 1000, 'one'), entry(A, 1000, 'two')]);
    expect((await readAccessLog(db, A)).map((record) => record.id)).toEqual(['one', 'two']);
  });

  it('skips an entry that does not match the schema', async () => {
    const db = await seed(A, 2);
    await untyped(db).put('accessLog', { ...entry(A, 1500), items: -1 });
    await untyped(db).put('accessLog', { ...entry(A, 1600), feature: 'spying' });
    expect(times(await readAccessLog(db, A))).toEqual([1000, 2000]);
  });

  it('writes nothing for an empty list', async () => {
    const db = await freshDb();
    await writeAccessLog(db, []);
    expect(await db.count('accessLog')).toBe(0);
  });
});

describe('readAccessLogPage', () => {
  it('pages newest first until no older entry remains', async () => {
    const db = await seed(A, 5);
    const first = await readAccessLogPage(db, A, null, 2);
    expect([times(first.entries), first.more]).toEqual([[5000, 4000], true]);
    const second = await readAccessLogPage(db, A, 4000, 2);
    expect([times(second.entries), second.more]).toEqual([[3000, 2000], true]);
    const last = await readAccessLogPage(db, A, 2000, 2);
    expect([times(last.entries), last.more]).toEqual([[1000], false]);
  });

  it('says there is no more when the page ends exactly at the oldest entry', async () => {
    const db = await seed(A, 2);
    expect(await readAccessLogPage(db, A, null, 2)).toMatchObject({ more: false });
  });

  it('excludes entries at exactly `before`, whatever their id', async () => {
    const db = await seed(A, 2);
    await writeAccessLog(db, [entry(A, 2000, 'zzz'), entry(A, 2000, '')]);
    expect(times((await readAccessLogPage(db, A, 2000, 10)).entries)).toEqual([1000]);
  });

  it("never reaches another account's entries, before or after in key order", async () => {
    const db = await seed(A, 2);
    await writeAccessLog(db, [entry('a@x.co', 9000), entry('a@x.com.br', 9000), entry('a@x.com.br', 500)]);
    const page = await readAccessLogPage(db, A, null, 10);
    expect([times(page.entries), page.more]).toEqual([[2000, 1000], false]);
  });

  it('skips invalid entries without counting them against the limit', async () => {
    const db = await seed(A, 3);
    await untyped(db).put('accessLog', { ...entry(A, 2500), ok: 'yes' });
    const page = await readAccessLogPage(db, A, null, 2);
    expect([times(page.entries), page.more]).toEqual([[3000, 2000], true]);
  });

  it('never ends a page inside a millisecond, so paging by time skips none of a batch', async () => {
    const db = await freshDb();
    await writeAccessLog(db, [entry(A, 10), entry(A, 20, 'a'), entry(A, 20, 'b'), entry(A, 20, 'c'), entry(A, 30)]);
    const first = await readAccessLogPage(db, A, null, 2);
    expect(first.entries.map(({ at, id }) => `${at}${id}`)).toEqual(['30id-30', '20c', '20b', '20a']);
    const second = await readAccessLogPage(db, A, first.entries.at(-1)!.at, 2);
    expect(second).toEqual({ entries: [entry(A, 10)], more: false });
  });

  it('is empty for an account without entries', async () => {
    const db = await seed(A, 1);
    expect(await readAccessLogPage(db, B, null, 10)).toEqual({ entries: [], more: false });
  });
});

describe('deleteAccessLogBefore', () => {
  it("removes every account's entries older than the cutoff and keeps those at or after it", async () => {
    const db = await seed(A, 3);
    await writeAccessLog(db, [entry(B, 1999), entry(B, 2000), entry(B, 2001)]);
    expect(await deleteAccessLogBefore(db, 2000)).toBe(2);
    expect(times(await readAccessLog(db, A))).toEqual([2000, 3000]);
    expect(times(await readAccessLog(db, B))).toEqual([2000, 2001]);
  });

  it('removes more entries than one transaction takes', async () => {
    const db = await seed(A, 1201);
    expect(await deleteAccessLogBefore(db, 1_201_000)).toBe(1200);
    expect(times(await readAccessLog(db, A))).toEqual([1_201_000]);
  });
});
