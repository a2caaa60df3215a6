import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseEntry } from '../../../utils/cases/entry';
import {
  readCases,
  readMailbox,
  readThread,
  updateMailbox,
  writeCaseChanges,
  writeThread,
  writeThreadLabels,
} from '../../../utils/db/repositories';
import type { CacheDb, MailboxRecord } from '../../../utils/db/schema';
import { freshDb, resetDb, untyped } from '../db/db-helpers';
import { THREAD_A, THREAD_B, conversation } from '../panel/fixtures';

beforeEach(resetDb);

const A = 'a@x.com';
const B = 'b@x.com';

const entry = (threadId: string): CaseEntry => ({
  threadId,
  historyId: '7',
  subject: 'Refund',
  customer: { name: 'Bob', email: 'bob@customer.example' },
  labelIds: ['INBOX', 'Label_1'],
  timeline: [{ at: 1_000, fromCustomer: true }],
});

const mailbox = (account: string, historyId: string | null = '100'): MailboxRecord => ({
  account,
  historyId,
  labels: [{ id: 'Label_1', name: 'iCustomer/Status/Open' }],
  unread: [],
  syncedAt: null,
  revision: 0,
});

const threadsOf = async (db: CacheDb, account: string) => (await readCases(db, account)).map((record) => record.threadId);

describe('cases', () => {
  it('drops the account’s other cases on replaceAll, and never another account’s', async () => {
    const db = await freshDb();
    for (const account of [A, B]) {
      await writeCaseChanges(db, account, { replaceAll: false, put: [entry(THREAD_A), entry(THREAD_B)], remove: [], mailbox: () => mailbox(account), fetchedAt: 1 });
    }
    await writeCaseChanges(db, A, { replaceAll: true, put: [entry(THREAD_B)], remove: [], mailbox: () => mailbox(A, '200'), fetchedAt: 2 });
    expect(await threadsOf(db, A)).toEqual([THREAD_B]);
    expect(await threadsOf(db, B)).toEqual([THREAD_A, THREAD_B]);
    expect((await readMailbox(db, A))?.historyId).toBe('200');
    expect((await readMailbox(db, B))?.historyId).toBe('100');
  });

  it('removes the cases named and leaves the others as they were', async () => {
    const db = await freshDb();
    await writeCaseChanges(db, A, { replaceAll: false, put: [entry(THREAD_A), entry(THREAD_B)], remove: [], fetchedAt: 1 });
    await writeCaseChanges(db, A, { replaceAll: false, put: [], remove: [THREAD_A], fetchedAt: 2 });
    expect(await readCases(db, A)).toEqual([{ account: A, threadId: THREAD_B, entry: entry(THREAD_B), fetchedAt: 1 }]);
  });

  it('deletes a corrupt case record on read and keeps the valid ones', async () => {
    const db = await freshDb();
    await writeCaseChanges(db, A, { replaceAll: false, put: [entry(THREAD_B)], remove: [], fetchedAt: 1 });
    await untyped(db).put('cases', { account: A, threadId: THREAD_A, entry: { ...entry(THREAD_A), labelIds: 'Label_1' }, fetchedAt: 1 });
    expect(await threadsOf(db, A)).toEqual([THREAD_B]);
    expect(await db.get('cases', [A, THREAD_A])).toBeUndefined();
  });
});

describe('mailboxes', () => {
  it('updates the stored mailbox of each account from what is stored now', async () => {
    const db = await freshDb();
    await updateMailbox(db, A, (current) => current ?? mailbox(A));
    await updateMailbox(db, A, (current) => ({ ...mailbox(A), ...current, unread: [THREAD_A] }));
    expect(await readMailbox(db, A)).toEqual({ ...mailbox(A), unread: [THREAD_A] });
    expect(await readMailbox(db, B)).toBeNull();
  });

  it('hands an update nothing for a corrupt mailbox, and deletes a corrupt one on read', async () => {
    const db = await freshDb();
    await untyped(db).put('mailboxes', { ...mailbox(A), unread: 'all' });
    const seen: (MailboxRecord | null)[] = [];
    await updateMailbox(db, A, (current) => {
      seen.push(current);
      return mailbox(A, null);
    });
    expect(seen).toEqual([null]);
    await untyped(db).put('mailboxes', { ...mailbox(B), unread: 'all' });
    expect(await readMailbox(db, B)).toBeNull();
    expect(await db.get('mailboxes', [B])).toBeUndefined();
  });
});

describe('writeThreadLabels', () => {
  it('gives a cached thread new labels and leaves the rest of it, and creates nothing for a thread not cached', async () => {
    const db = await freshDb();
    await writeThread(db, A, conversation(THREAD_A), 1_000);
    await writeThreadLabels(db, A, THREAD_A, ['INBOX', 'Label_1']);
    await writeThreadLabels(db, A, THREAD_B, ['Label_1']);
    expect(await readThread(db, A, THREAD_A)).toEqual({
      account: A,
      threadId: THREAD_A,
      conversation: { ...conversation(THREAD_A), labelIds: ['INBOX', 'Label_1'] },
      fetchedAt: 1_000,
    });
    expect(await readThread(db, A, THREAD_B)).toBeNull();
    expect(await readThread(db, B, THREAD_A)).toBeNull();
  });
});
