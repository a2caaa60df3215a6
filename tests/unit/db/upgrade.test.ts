import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { readThread } from '../../../utils/db/repositories';
import { DB_NAME, DB_VERSION } from '../../../utils/db/schema';
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
    expect([...db.objectStoreNames].sort()).toEqual(['accounts', 'cases', 'drafts', 'histories', 'mailboxes', 'summaries', 'threads']);
    expect((await readThread(db, 'a@x.com', THREAD_A))?.conversation).toEqual(conversation(THREAD_A));
  });
});
