import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readAccessLog } from '../../../utils/db/access-log';
import type { CacheDb } from '../../../utils/db/schema';
import { type AccessCall, createAccessRecorder } from '../../../utils/privacy/access-log';
import { freshDb, resetDb } from '../db/db-helpers';

beforeEach(async () => {
  await resetDb();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => vi.useRealTimers());

const ACCOUNT = 'agent@acme.com';
const read: AccessCall = { category: 'message-metadata', method: 'gmail.users.threads.get', items: 3, ok: true, status: 200 };

function setup(db: () => Promise<CacheDb> = freshDb) {
  let ids = 0;
  const log = vi.fn();
  const recorder = createAccessRecorder({ db, now: () => 5_000, newId: () => `id-${++ids}`, log, delayMs: 100 });
  return { recorder, log };
}

describe('the access recorder', () => {
  it('writes a burst of calls once, after a short delay, in one transaction', async () => {
    const db = await freshDb();
    const transaction = vi.spyOn(db, 'transaction');
    const { recorder } = setup(async () => db);
    for (let n = 0; n < 100; n++) recorder.record(ACCOUNT, 'queue', read);
    expect(await db.count('accessLog')).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(await db.count('accessLog')).toBe(100);
    expect(transaction.mock.calls.filter(([, mode]) => mode === 'readwrite')).toHaveLength(1);
  });

  it('records the account, time, feature and the call, and nothing else', async () => {
    const db = await freshDb();
    const { recorder } = setup(async () => db);
    const withExtra = { ...read, customer: 'bob@customer.example', subject: 'Refund' } as AccessCall;
    recorder.record(ACCOUNT, 'conversation', withExtra);
    await recorder.flush();
    expect(await readAccessLog(db, ACCOUNT)).toEqual([{ account: ACCOUNT, at: 5_000, id: 'id-1', feature: 'conversation', ...read }]);
  });

  it('starts a new batch after a flush', async () => {
    const db = await freshDb();
    const { recorder } = setup(async () => db);
    recorder.record(ACCOUNT, 'history', read);
    await vi.advanceTimersByTimeAsync(100);
    recorder.record(ACCOUNT, 'history', read);
    await vi.advanceTimersByTimeAsync(100);
    expect((await readAccessLog(db, ACCOUNT)).map((entry) => entry.id)).toEqual(['id-1', 'id-2']);
  });

  it('logs a failed write and never throws, to the caller or the timer', async () => {
    const { recorder, log } = setup(() => Promise.reject(new Error('disk full')));
    expect(() => recorder.record(ACCOUNT, 'drafts', read)).not.toThrow();
    await vi.advanceTimersByTimeAsync(100);
    expect(log).toHaveBeenCalledWith('access log write failed', { error: 'Error: disk full', entries: 1 });
    await expect(recorder.flush()).resolves.toBeUndefined();
  });

  it('writes nothing when nothing was recorded', async () => {
    const db = await freshDb();
    const transaction = vi.spyOn(db, 'transaction');
    const { recorder } = setup(async () => db);
    await recorder.flush();
    expect(transaction).not.toHaveBeenCalled();
  });
});
