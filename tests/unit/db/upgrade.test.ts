import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { readAccessLog } from '../../../utils/db/access-log';
import { readAccount, readDraft, readMailbox, readThread } from '../../../utils/db/repositories';
import { DB_NAME, DB_VERSION, type DraftRecord, type MailboxRecord } from '../../../utils/db/schema';
import { THREAD_A, conversation } from '../panel/fixtures';
import { freshDb, resetDb } from './db-helpers';

beforeEach(resetDb);

describe('the upgrade ladder', () => {
  it('takes a version 1 database (issue 2) to the current version, keeping what it held', async () => {
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(database) {
        database.createObjectStore('threads', { keyPath: ['account', 'threadId'] });
        database.createObjectStore('accounts', { keyPath: ['account'] });
      },
    });
    await v1.put('threads', { account: 'a@x.com', threadId: THREAD_A, conversation: conversation(THREAD_A), fetchedAt: 1 });
    v1.close();

    const db = await freshDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['accessLog', 'accounts', 'cases', 'drafts', 'histories', 'mailboxes', 'summaries', 'threads']);
    expect((await readThread(db, 'a@x.com', THREAD_A))?.conversation).toEqual(conversation(THREAD_A));
  });

  it('takes a version 4 database (issue 5) to version 5, adding the access log and keeping every store', async () => {
    const v4 = await openDB(DB_NAME, 4, {
      upgrade(database) {
        database.createObjectStore('threads', { keyPath: ['account', 'threadId'] });
        database.createObjectStore('accounts', { keyPath: ['account'] });
        database.createObjectStore('summaries', { keyPath: ['account', 'threadId'] });
        database.createObjectStore('histories', { keyPath: ['account', 'customer'] });
        database.createObjectStore('cases', { keyPath: ['account', 'threadId'] });
        database.createObjectStore('mailboxes', { keyPath: ['account'] });
        database.createObjectStore('drafts', { keyPath: ['account', 'threadId'] });
      },
    });
    const draft: DraftRecord = { account: 'a@x.com', threadId: THREAD_A, draftId: 'r-1', messageId: '18c0a1b2c3d50009', fetchedAt: 4 };
    const mailbox: MailboxRecord = { account: 'a@x.com', historyId: '7', labels: [], unread: [], syncedAt: 3, revision: 1 };
    await v4.put('threads', { account: 'a@x.com', threadId: THREAD_A, conversation: conversation(THREAD_A), fetchedAt: 1 });
    await v4.put('accounts', { account: 'a@x.com', name: 'Ana', signedInAt: 2 });
    await v4.put('mailboxes', mailbox);
    await v4.put('drafts', draft);
    v4.close();

    const db = await freshDb();
    expect(db.version).toBe(5);
    expect((await readThread(db, 'a@x.com', THREAD_A))?.fetchedAt).toBe(1);
    expect(await readAccount(db, 'a@x.com')).toEqual({ account: 'a@x.com', name: 'Ana', signedInAt: 2 });
    expect(await readMailbox(db, 'a@x.com')).toEqual(mailbox);
    expect(await readDraft(db, 'a@x.com', THREAD_A)).toEqual(draft);
    expect(await readAccessLog(db, 'a@x.com')).toEqual([]);
    expect([...db.transaction('accessLog').store.indexNames]).toEqual(['by-at']);
  });
});
