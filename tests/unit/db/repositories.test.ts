import { beforeEach, describe, expect, it } from 'vitest';
import { readAccount, readThread, writeAccount, writeThread } from '../../../utils/db/repositories';
import { THREAD_A, THREAD_B, conversation } from '../panel/fixtures';
import { freshDb, resetDb, untyped } from './db-helpers';

beforeEach(resetDb);

describe('threads', () => {
  it('reads back what was written, per account', async () => {
    const db = await freshDb();
    await writeThread(db, 'a@x.com', conversation(THREAD_A), 1_000);
    expect(await readThread(db, 'a@x.com', THREAD_A)).toEqual({
      account: 'a@x.com',
      threadId: THREAD_A,
      conversation: conversation(THREAD_A),
      fetchedAt: 1_000,
    });
    expect(await readThread(db, 'b@x.com', THREAD_A)).toBeNull();
    expect(await readThread(db, 'a@x.com', THREAD_B)).toBeNull();
  });

  it('replaces an older copy of the same thread', async () => {
    const db = await freshDb();
    await writeThread(db, 'a@x.com', conversation(THREAD_A, 'old'), 1_000);
    await writeThread(db, 'a@x.com', conversation(THREAD_A, 'new'), 2_000);
    expect((await readThread(db, 'a@x.com', THREAD_A))?.conversation.subject).toBe('new');
  });

  it.each([
    ['a conversation of an old shape', { subject: 'x' }, 1_000],
    ['a conversation with a bad thread id', { ...conversation(THREAD_A), threadId: 'NOT-HEX' }, 1_000],
    ['a conversation with a negative size', { ...conversation(THREAD_A), attachments: [{ filename: 'a', mimeType: 'b', size: -1, messageId: 'c' }] }, 1_000],
    ['no conversation', null, 1_000],
    ['a non-numeric fetchedAt', conversation(THREAD_A), '1000'],
  ])('treats a record with %s as a miss and deletes it', async (_, stored, fetchedAt) => {
    const db = await freshDb();
    await untyped(db).put('threads', { account: 'a@x.com', threadId: THREAD_A, conversation: stored, fetchedAt });
    expect(await readThread(db, 'a@x.com', THREAD_A)).toBeNull();
    expect(await db.get('threads', ['a@x.com', THREAD_A])).toBeUndefined();
  });
});

describe('accounts', () => {
  it('reads and overwrites account records, one per account', async () => {
    const db = await freshDb();
    expect(await readAccount(db, 'a@x.com')).toBeNull();
    await writeAccount(db, { account: 'a@x.com', name: 'A', signedInAt: 1 });
    await writeAccount(db, { account: 'b@x.com', name: 'B', signedInAt: 2 });
    await writeAccount(db, { account: 'a@x.com', name: 'A2', signedInAt: 3 });
    expect(await readAccount(db, 'a@x.com')).toEqual({ account: 'a@x.com', name: 'A2', signedInAt: 3 });
    expect(await readAccount(db, 'b@x.com')).toEqual({ account: 'b@x.com', name: 'B', signedInAt: 2 });
  });
});
