import { deleteDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { countAccountRecords, purgeAccount } from '../../../utils/db/purge';
import { GOOGLE_DATA_STORES, STORE_REGISTRY, accountKeyRange } from '../../../utils/db/registry';
import { type CacheDb, DB_NAME, createDbConnection } from '../../../utils/db/schema';
import { freshDb, keyFieldsOf, recordFor, resetDb, untyped } from './db-helpers';

beforeEach(resetDb);

const RECORDS_PER_STORE = 3;

async function fill(db: CacheDb, accounts: string[]): Promise<void> {
  const raw = untyped(db);
  for (const store of GOOGLE_DATA_STORES) {
    const fields = keyFieldsOf(db, store);
    // The first key field must be the account, or a key range cannot reach an account's records.
    expect(fields[0]).toBe('account');
    const count = fields.length === 1 ? 1 : RECORDS_PER_STORE;
    for (const account of accounts) {
      for (let n = 0; n < count; n++) await raw.put(store, recordFor(fields, account, n));
    }
  }
}

async function perStoreCount(db: CacheDb, account: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const store of GOOGLE_DATA_STORES) counts[store] = await db.count(store, accountKeyRange(account));
  return counts;
}

describe('store registry', () => {
  it('names exactly the stores the schema creates', async () => {
    const db = await freshDb();
    expect([...db.objectStoreNames].sort()).toEqual(Object.keys(STORE_REGISTRY).sort());
  });

  it('marks every store as holding Google data or local settings', () => {
    for (const entry of Object.values(STORE_REGISTRY)) expect(['google-data', 'access-log']).toContain(entry.holds);
  });
});

describe('purgeAccount', () => {
  it("empties every Google-data store of one account's records and leaves the other's", async () => {
    const db = await freshDb();
    await fill(db, ['a@x.com', 'b@x.com']);
    const before = await perStoreCount(db, 'b@x.com');
    expect(Object.values(before).every((n) => n > 0)).toBe(true);
    expect(await countAccountRecords(db, 'a@x.com')).toBe(await countAccountRecords(db, 'b@x.com'));

    await purgeAccount(db, 'a@x.com');

    expect(await countAccountRecords(db, 'a@x.com')).toBe(0);
    expect(await perStoreCount(db, 'b@x.com')).toEqual(before);
  });

  it.each([
    ['a longer address it is a prefix of', 'a@x.com', 'a@x.com.br'],
    ['a shorter address that is its prefix', 'a@x.com.br', 'a@x.com'],
    ['an address differing in case', 'a@x.com', 'A@x.com'],
  ])('does not touch %s', async (_, purged, kept) => {
    const db = await freshDb();
    await fill(db, [purged, kept]);
    const before = await countAccountRecords(db, kept);
    await purgeAccount(db, purged);
    expect(await countAccountRecords(db, purged)).toBe(0);
    expect(await countAccountRecords(db, kept)).toBe(before);
  });

  it('is a no-op for an account with no records', async () => {
    const db = await freshDb();
    await fill(db, ['b@x.com']);
    await purgeAccount(db, 'a@x.com');
    expect(await countAccountRecords(db, 'b@x.com')).toBeGreaterThan(0);
  });
});

describe('createDbConnection', () => {
  it('shares one connection between callers', async () => {
    const connect = createDbConnection();
    const [first, second] = await Promise.all([connect(), connect()]);
    expect(first).toBe(second);
    first.close();
  });

  it("lets a purge's deleteDB through and reopens afterwards", async () => {
    const connect = createDbConnection();
    const first = await connect();
    await fill(first, ['a@x.com']);
    const deleted = deleteDB(DB_NAME);
    const hung = new Promise((_, reject) => setTimeout(() => reject(new Error('deleteDB hung')), 2_000));
    await Promise.race([deleted, hung]);

    const second = await connect();
    expect(second).not.toBe(first);
    expect(await countAccountRecords(second, 'a@x.com')).toBe(0);
    await fill(second, ['a@x.com']);
    expect(await countAccountRecords(second, 'a@x.com')).toBeGreaterThan(0);
    second.close();
  });
});
