import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueueSync } from '../../../utils/background/queue-sync';
import { DEFAULT_LABEL_PREFIX } from '../../../utils/cases/label-prefix';
import { DEFAULT_SLA_HOURS } from '../../../utils/cases/sla';
import { readMailbox, readThread, writeThread } from '../../../utils/db/repositories';
import { GmailError } from '../../../utils/gmail/errors';
import type { GmailThread } from '../../../utils/gmail/schemas';
import { freshDb, resetDb } from '../db/db-helpers';
import { OPEN, P1, PENDING, SOLVED, WROTE_AT, type FakeMailbox, createFakeMailbox } from './fake-mailbox';

beforeEach(resetDb);

const ACCOUNT = 'agent@acme.com';
const OTHER = 'other@acme.com';
const HOUR = 3_600_000;

function setup() {
  const mailboxes = new Map<string, FakeMailbox>([ACCOUNT, OTHER].map((account) => [account, createFakeMailbox(account)]));
  const mailboxOf = (account: string): FakeMailbox => {
    const mailbox = mailboxes.get(account);
    if (!mailbox) throw new Error(`no mailbox for ${account}`);
    return mailbox;
  };
  const db = freshDb();
  const clock = { now: WROTE_AT + HOUR };
  const queue = createQueueSync({
    db: () => db,
    gmailFor: (account) => mailboxOf(account).gmail,
    prefix: () => DEFAULT_LABEL_PREFIX,
    slaHours: () => ({ ...DEFAULT_SLA_HOURS }),
    now: () => clock.now,
  });
  const mailbox = mailboxOf(ACCOUNT);
  const rows = async (account = ACCOUNT) => (await queue.view(account))?.rows.map((row) => row.threadId);
  const cursor = async () => (await readMailbox(await db, ACCOUNT))?.historyId;
  return { queue, mailbox, gmail: mailbox.gmail, other: mailboxOf(OTHER), db, clock, rows, cursor };
}

const failures = (entries: [string, GmailError][]) => new Map<string, GmailThread | GmailError>(entries);

describe('before the first sync', () => {
  it('has no queue, no sync time and nothing overdue', async () => {
    const { queue } = setup();
    expect(await queue.view(ACCOUNT)).toBeNull();
    expect(await queue.revision(ACCOUNT)).toBeNull();
    expect(await queue.overdueCount(ACCOUNT)).toBe(0);
  });
});

describe('full sync', () => {
  it('takes the cursor before listing, lists the Open and Pending labels only, and reads what it listed', async () => {
    const { queue, mailbox, gmail, clock, cursor } = setup();
    const opened = mailbox.addThread(1, [OPEN]);
    const pending = mailbox.addThread(2, [PENDING]);
    mailbox.addThread(3, [SOLVED]);
    mailbox.addThread(4);
    const { historyId } = await gmail.getProfile();
    gmail.getProfile.mockClear();
    await queue.sync(ACCOUNT);
    expect(gmail.getProfile.mock.invocationCallOrder[0]).toBeLessThan(gmail.listLabels.mock.invocationCallOrder[0] ?? 0);
    expect(gmail.listThreadsWithLabel.mock.calls).toEqual([
      [mailbox.labelId(OPEN), undefined, 500],
      [mailbox.labelId(PENDING), undefined, 500],
    ]);
    expect(gmail.getThreadsForCase.mock.calls).toEqual([[[opened, pending]]]);
    expect(await cursor()).toBe(historyId);
    expect(await queue.view(ACCOUNT)).toMatchObject({
      rows: [
        { threadId: opened, status: 'Open', subject: 'Order 1', customer: { name: 'Bob Buyer', email: 'bob@customer.example' } },
        { threadId: pending, status: 'Pending' },
      ],
      unread: 0,
      syncedAt: clock.now,
    });
    expect(await queue.revision(ACCOUNT)).toBe(1);
    // A counter, not a time: a second sync under a clock held still is still news to the panel.
    await queue.sync(ACCOUNT);
    expect(await queue.revision(ACCOUNT)).toBe(2);
  });

  it('falls back to a full sync when Gmail no longer keeps the history from the cursor, re-reading only cases that moved', async () => {
    const { queue, mailbox, gmail, rows } = setup();
    const kept = mailbox.addThread(1, [OPEN]);
    const moved = mailbox.addThread(2, [OPEN]);
    await queue.sync(ACCOUNT);
    mailbox.relabel(moved, [mailbox.labelId(P1)], []);
    const added = mailbox.addThread(3, [OPEN]);
    mailbox.forgetHistory();
    vi.clearAllMocks();
    await queue.sync(ACCOUNT);
    expect(gmail.listHistory.mock.settledResults).toEqual([{ type: 'rejected', value: expect.objectContaining({ kind: 'not-found' }) }]);
    expect(gmail.getProfile).toHaveBeenCalledTimes(1);
    expect(gmail.getThreadsForCase.mock.calls).toEqual([[[moved, added]]]);
    expect(await rows()).toEqual([kept, moved, added]);
  });

  it.each([
    [20, 0],
    [21, 1],
  ])('after %i pages of history makes %i full syncs', async (pages, fullSyncs) => {
    const { queue, mailbox, gmail } = setup();
    await queue.sync(ACCOUNT);
    mailbox.setHistoryPageSize(1);
    for (let n = 1; n <= pages; n++) mailbox.addThread(n);
    vi.clearAllMocks();
    await queue.sync(ACCOUNT);
    expect(gmail.listHistory).toHaveBeenCalledTimes(20);
    expect(gmail.getProfile).toHaveBeenCalledTimes(fullSyncs);
  });
});

describe('incremental sync', () => {
  it('shows a new thread once a colleague marks it Open', async () => {
    const { queue, mailbox, gmail, rows } = setup();
    const first = mailbox.addThread(1, [OPEN]);
    await queue.sync(ACCOUNT);
    const cursor = (await gmail.getProfile()).historyId;
    const marked = mailbox.addThread(2);
    mailbox.relabel(marked, [mailbox.labelId(OPEN)], []);
    vi.clearAllMocks();
    await queue.sync(ACCOUNT);
    expect(gmail.listHistory.mock.calls).toEqual([[cursor, undefined]]);
    expect(gmail.getProfile).not.toHaveBeenCalled();
    expect(gmail.getThreadsForCase.mock.calls).toEqual([[[marked]]]);
    expect(await rows()).toEqual([first, marked]);
  });

  it('lists the labels again when a thread gets a label id never seen, such as the Open label a colleague just created', async () => {
    const { queue, mailbox, gmail, rows } = setup();
    mailbox.addThread(1);
    await queue.sync(ACCOUNT);
    const marked = mailbox.addThread(2, [OPEN]);
    vi.clearAllMocks();
    await queue.sync(ACCOUNT);
    expect(gmail.listLabels).toHaveBeenCalledTimes(1);
    expect(await rows()).toEqual([marked]);
  });

  it('re-reads a cached case whose Open label a colleague removed, and drops it from the queue', async () => {
    const { queue, mailbox, gmail, rows } = setup();
    const solved = mailbox.addThread(1, [OPEN]);
    const still = mailbox.addThread(2, [OPEN]);
    await queue.sync(ACCOUNT);
    mailbox.relabel(solved, [], [mailbox.labelId(OPEN)]);
    vi.clearAllMocks();
    await queue.sync(ACCOUNT);
    expect(gmail.getThreadsForCase.mock.calls).toEqual([[[solved]]]);
    expect(await rows()).toEqual([still]);
  });

  it('reads no thread for new mail that is not a case, yet moves the cursor past it', async () => {
    const { queue, mailbox, gmail, cursor } = setup();
    await queue.sync(ACCOUNT);
    mailbox.addThread(9);
    vi.clearAllMocks();
    await queue.sync(ACCOUNT);
    expect(gmail.getThreadsForCase).not.toHaveBeenCalled();
    expect(gmail.listLabels).not.toHaveBeenCalled();
    expect(await cursor()).toBe((await gmail.getProfile()).historyId);
  });

  it('reads a thread whose change Gmail reported without its labels', async () => {
    const { queue, mailbox, gmail, rows } = setup();
    const thread = mailbox.addThread(9);
    await queue.sync(ACCOUNT);
    mailbox.recordUnlabelled(thread);
    await queue.sync(ACCOUNT);
    expect(gmail.getThreadsForCase).toHaveBeenLastCalledWith([thread]);
    expect(await rows()).toEqual([]);
  });

  it('gives a cached card the labels a colleague set', async () => {
    const { queue, mailbox, db } = setup();
    const thread = mailbox.addThread(1, [OPEN]);
    await writeThread(await db, ACCOUNT, mailbox.conversation(thread), WROTE_AT);
    await queue.sync(ACCOUNT);
    mailbox.relabel(thread, [mailbox.labelId(PENDING)], [mailbox.labelId(OPEN)]);
    await queue.sync(ACCOUNT);
    expect((await readThread(await db, ACCOUNT, thread))?.conversation.labelIds).toEqual(['INBOX', mailbox.labelId(PENDING)]);
  });
});

describe('reading cases', () => {
  it('reads at most 100 threads a sync: 250 open cases take three, unread counting down', async () => {
    const { queue, mailbox, gmail } = setup();
    for (let n = 1; n <= 250; n++) mailbox.addThread(n, [OPEN]);
    const progress = [];
    for (let run = 0; run < 3; run++) {
      await queue.sync(ACCOUNT);
      const view = await queue.view(ACCOUNT);
      progress.push([gmail.getThreadsForCase.mock.lastCall?.[0].length, view?.unread, view?.rows.length]);
    }
    expect(progress).toEqual([
      [100, 150, 100],
      [100, 50, 200],
      [50, 0, 250],
    ]);
  });

  it('drops a case Gmail no longer has, and keeps a thread it failed to read for the next sync', async () => {
    const { queue, mailbox, gmail, rows } = setup();
    const deleted = mailbox.addThread(1, [OPEN]);
    const failing = mailbox.addThread(2, [OPEN]);
    await queue.sync(ACCOUNT);
    mailbox.deleteThread(deleted);
    mailbox.relabel(failing, [mailbox.labelId(P1)], []);
    gmail.getThreadsForCase.mockResolvedValueOnce(
      failures([
        [deleted, new GmailError('not-found', 'Requested entity was not found.', 404)],
        [failing, new GmailError('server', 'Backend Error', 503)],
      ]),
    );
    await queue.sync(ACCOUNT);
    expect(await queue.view(ACCOUNT)).toMatchObject({ rows: [{ threadId: failing, priority: null }], unread: 1 });
    await queue.sync(ACCOUNT);
    expect(await queue.view(ACCOUNT)).toMatchObject({ rows: [{ threadId: failing, priority: 'P1' }], unread: 0 });
    expect(await rows()).toEqual([failing]);
  });

  it('puts a thread that failed behind the others, so one that keeps failing never blocks the rest', async () => {
    const { queue, mailbox, gmail } = setup();
    const threads = Array.from({ length: 101 }, (_, n) => mailbox.addThread(n + 1, [OPEN]));
    const broken = threads[0]!;
    const brokenRead = () => failures([[broken, new GmailError('bad-response', "Gmail's answer did not have the expected shape", 200)]]);
    const readsWithout = async (threadIds: readonly string[]) => {
      const answers = await mailbox.gmail.getThreadsForCase(threadIds.filter((id) => id !== broken));
      return new Map([...answers, ...brokenRead()]);
    };
    gmail.getThreadsForCase.mockImplementationOnce(readsWithout);
    await queue.sync(ACCOUNT);
    expect((await queue.view(ACCOUNT))?.unread).toBe(2);
    await queue.sync(ACCOUNT);
    expect(gmail.getThreadsForCase.mock.lastCall?.[0]).toEqual([threads[100], broken]);
    expect((await queue.view(ACCOUNT))?.unread).toBe(0);
  });
});

describe('a sync stopped by an error', () => {
  it('leaves the cursor where it was when the history read fails, so the next sync still sees the change', async () => {
    const { queue, mailbox, gmail, rows, cursor } = setup();
    await queue.sync(ACCOUNT);
    const before = await cursor();
    const marked = mailbox.addThread(2, [OPEN]);
    const server = new GmailError('server', 'Backend Error', 503);
    gmail.listHistory.mockRejectedValueOnce(server);
    await expect(queue.sync(ACCOUNT)).rejects.toBe(server);
    expect(await cursor()).toBe(before);
    await queue.sync(ACCOUNT);
    expect(await rows()).toEqual([marked]);
  });

  it('leaves the cursor where it was when a full sync fails part-way', async () => {
    const { queue, mailbox, gmail, cursor } = setup();
    mailbox.addThread(1, [OPEN]);
    gmail.listThreadsWithLabel.mockRejectedValueOnce(new GmailError('server', 'Backend Error', 503));
    await expect(queue.sync(ACCOUNT)).rejects.toMatchObject({ kind: 'server' });
    expect(await cursor()).toBeUndefined();
    expect(await queue.view(ACCOUNT)).toBeNull();
  });

  it('throws a refused token from a thread read, and the next sync still reads that thread', async () => {
    const { queue, mailbox, gmail, rows } = setup();
    await queue.sync(ACCOUNT);
    const marked = mailbox.addThread(2, [OPEN]);
    gmail.getThreadsForCase.mockResolvedValueOnce(failures([[marked, new GmailError('unauthorized', 'Invalid Credentials', 401)]]));
    await expect(queue.sync(ACCOUNT)).rejects.toMatchObject({ kind: 'unauthorized' });
    expect((await queue.view(ACCOUNT))?.unread).toBe(1);
    await queue.sync(ACCOUNT);
    expect(await rows()).toEqual([marked]);
  });
});

describe('a change made while a sync runs', () => {
  it('is in the queue after the next sync when it came after Gmail answered the thread read', async () => {
    const { queue, mailbox, gmail, rows } = setup();
    const thread = mailbox.addThread(1, [OPEN]);
    const read = gmail.getThreadsForCase.getMockImplementation();
    if (!read) throw new Error('the fake mailbox reads threads');
    gmail.getThreadsForCase.mockImplementationOnce(async (threadIds) => {
      const answers = await read(threadIds);
      mailbox.relabel(thread, [mailbox.labelId(SOLVED)], [mailbox.labelId(OPEN)]);
      return answers;
    });
    await queue.sync(ACCOUNT);
    expect(await rows()).toEqual([thread]);
    await queue.sync(ACCOUNT);
    expect(await rows()).toEqual([]);
  });
});

describe('accounts and callers', () => {
  it('shares one run between concurrent syncs of one account', async () => {
    const { queue, mailbox, gmail } = setup();
    mailbox.addThread(1, [OPEN]);
    await Promise.all([queue.sync(ACCOUNT), queue.sync(ACCOUNT)]);
    expect(gmail.getProfile).toHaveBeenCalledTimes(1);
    expect(gmail.getThreadsForCase).toHaveBeenCalledTimes(1);
  });

  it('never shows one account the cases of another, even under the same thread id', async () => {
    const { queue, mailbox, other } = setup();
    const shared = mailbox.addThread(1, [OPEN]);
    other.addThread(1, [OPEN], { subject: 'Another mailbox' });
    const otherOnly = other.addThread(2, [PENDING]);
    await Promise.all([queue.sync(ACCOUNT), queue.sync(OTHER)]);
    expect(other.gmail.getProfile).toHaveBeenCalledTimes(1);
    mailbox.relabel(shared, [mailbox.labelId(SOLVED)], [mailbox.labelId(OPEN)]);
    await queue.sync(ACCOUNT);
    expect((await queue.view(ACCOUNT))?.rows).toEqual([]);
    expect((await queue.view(OTHER))?.rows.map((row) => [row.threadId, row.subject])).toEqual([
      [shared, 'Another mailbox'],
      [otherOnly, 'Order 2'],
    ]);
  });
});

describe('overdueCount', () => {
  it('counts the Open cases past their SLA at now: never a Pending one', async () => {
    const { queue, mailbox, clock } = setup();
    mailbox.addThread(1, [OPEN, P1]);
    mailbox.addThread(2, [OPEN]);
    mailbox.addThread(3, [PENDING, P1]);
    await queue.sync(ACCOUNT);
    clock.now = WROTE_AT + 4 * HOUR;
    expect(await queue.overdueCount(ACCOUNT)).toBe(0);
    clock.now = WROTE_AT + 5 * HOUR;
    expect(await queue.overdueCount(ACCOUNT)).toBe(1);
    clock.now = WROTE_AT + 25 * HOUR;
    expect(await queue.overdueCount(ACCOUNT)).toBe(2);
  });
});
