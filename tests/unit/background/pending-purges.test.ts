/**
 * Issue 7: an end of access that Chrome interrupts by stopping the worker is finished at the next
 * start, before anything reads the cache. Each "worker" is a fresh createPendingPurges over the same
 * storage.local, storage.session and IndexedDB, as a restarted service worker would find them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type PendingPurgesDeps, createPendingPurges } from '../../../utils/background/pending-purges';
import { countAccountRecords } from '../../../utils/db/purge';
import type { CacheDb } from '../../../utils/db/schema';
import { freshDb, resetDb } from '../db/db-helpers';
import { ACCOUNT, OTHER_ACCOUNT, customerData, seed } from '../privacy/cache-fixtures';

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDb();
});

const MARIA = { name: 'Maria', email: 'maria@cliente.com.br' };
const never = () => new Promise<never>(() => {});

async function seededDb(): Promise<CacheDb> {
  const db = await freshDb();
  await seed(db, customerData(ACCOUNT, MARIA, ['a1', 'a2']), customerData(OTHER_ACCOUNT, MARIA, ['b1']), {
    accounts: [{ account: ACCOUNT, name: 'Agent', signedInAt: 1 }, { account: OTHER_ACCOUNT, name: 'Lead', signedInAt: 1 }],
  });
  return db;
}

/** One worker's purges; `overrides` stand for what that worker was doing when Chrome stopped it. */
function worker(db: CacheDb, overrides: Partial<PendingPurgesDeps> = {}) {
  const deps = {
    local: fakeBrowser.storage.local,
    session: fakeBrowser.storage.session,
    db: vi.fn(async () => db),
    revoke: vi.fn(async () => undefined),
    forget: vi.fn(async (account: string) => fakeBrowser.storage.session.remove(`token:${account}`)),
    log: vi.fn(),
    ...overrides,
  };
  return { deps, purges: createPendingPurges(deps) };
}

const journal = async () => Object.keys(await fakeBrowser.storage.local.get(null));
const reasonOf = async (account: string) => (await fakeBrowser.storage.session.get(`signedOut:${account}`))[`signedOut:${account}`];

describe('ending access', () => {
  it('writes the entry before the token is forgotten and removes it once the cache is purged', async () => {
    const db = await seededDb();
    let journalAtForget: string[] = [];
    const { purges } = worker(db, { forget: async () => void (journalAtForget = await journal()) });
    await purges.run(ACCOUNT, { reason: 'signed-out', revoke: false });
    expect(journalAtForget).toEqual([`purgePending:${ACCOUNT}`]);
    expect(await journal()).toEqual([]);
    expect(await countAccountRecords(db, ACCOUNT)).toBe(0);
    expect(await countAccountRecords(db, OTHER_ACCOUNT)).toBeGreaterThan(0);
    expect(await reasonOf(ACCOUNT)).toBe('signed-out');
  });

  it('revokes at Google before purging when asked', async () => {
    const db = await seededDb();
    const order: string[] = [];
    const { purges } = worker(db, { revoke: async () => void order.push('revoke'), forget: async () => void order.push('forget') });
    await purges.run(ACCOUNT, { reason: 'signed-out', revoke: true });
    expect(order).toEqual(['revoke', 'forget']);
  });

  it('leaves no entry behind when two ends of one account meet (a sign-out and a 401 in flight)', async () => {
    const { purges } = worker(await seededDb());
    await Promise.all([purges.run(ACCOUNT, { reason: 'signed-out', revoke: true }), purges.run(ACCOUNT, { reason: 'revoked', revoke: false })]);
    expect(await journal()).toEqual([]);
  });
});

describe('a worker stopped half-way', () => {
  it('after the token was forgotten: the next worker purges before it hands out the cache', async () => {
    const db = await seededDb();
    const stopped = worker(db, { db: never });
    void stopped.purges.run(ACCOUNT, { reason: 'signed-out', revoke: false });
    await vi.waitFor(() => expect(stopped.deps.forget).toHaveBeenCalled());
    expect(await countAccountRecords(db, ACCOUNT)).toBeGreaterThan(0);

    const next = worker(db);
    const handedOut = await next.purges.db();
    expect(await countAccountRecords(handedOut, ACCOUNT)).toBe(0);
    expect(await countAccountRecords(handedOut, OTHER_ACCOUNT)).toBeGreaterThan(0);
    expect(await reasonOf(ACCOUNT)).toBe('signed-out');
    await next.purges.resume();
    expect(await journal()).toEqual([]);
    expect(next.deps.revoke).not.toHaveBeenCalled();
  });

  it('while revoking at Google: the cache is purged at once, the revoke sent again, the entry removed after it', async () => {
    const db = await seededDb();
    const stopped = worker(db, { revoke: vi.fn(never) });
    void stopped.purges.run(ACCOUNT, { reason: 'signed-out', revoke: true });
    await vi.waitFor(() => expect(stopped.deps.revoke).toHaveBeenCalled());

    let answer: () => void = () => {};
    const next = worker(db, { revoke: vi.fn(() => new Promise<void>((resolve) => (answer = resolve))) });
    const resumed = next.purges.resume();
    expect(await countAccountRecords(await next.purges.db(), ACCOUNT)).toBe(0);
    expect(await journal()).toEqual([`purgePending:${ACCOUNT}`]);
    answer();
    await resumed;
    expect(next.deps.revoke).toHaveBeenCalledWith(ACCOUNT);
    expect(await journal()).toEqual([]);
  });

  it('an entry that does not parse still purges its account', async () => {
    const db = await seededDb();
    await fakeBrowser.storage.local.set({ [`purgePending:${ACCOUNT}`]: 'garbled' });
    const { purges } = worker(db);
    await purges.resume();
    expect(await countAccountRecords(db, ACCOUNT)).toBe(0);
    expect(await journal()).toEqual([]);
  });

  it('a purge failing at start-up is logged and kept for the next start; the cache is still handed out', async () => {
    const db = await seededDb();
    await fakeBrowser.storage.local.set({ [`purgePending:${ACCOUNT}`]: { reason: 'revoked', revoke: false } });
    const failing = worker(db, { forget: async () => Promise.reject(new Error('storage unavailable')) });
    await failing.purges.resume();
    expect(await failing.purges.db()).toBe(db);
    expect(failing.deps.log).toHaveBeenCalledWith('pending purge failed', { error: 'Error: storage unavailable' });
    expect(await journal()).toEqual([`purgePending:${ACCOUNT}`]);

    await worker(db).purges.resume();
    expect(await countAccountRecords(db, ACCOUNT)).toBe(0);
    expect(await reasonOf(ACCOUNT)).toBe('revoked');
  });
});
