import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ScopeRequired } from '../../../utils/background/app-errors';
import { createCaseService } from '../../../utils/background/case-service';
import { DEFAULT_LABEL_PREFIX } from '../../../utils/cases/label-prefix';
import { DEFAULT_SLA_HOURS } from '../../../utils/cases/sla';
import { readCases, readMailbox, readThread, updateMailbox, writeThread } from '../../../utils/db/repositories';
import type { CacheDb } from '../../../utils/db/schema';
import { GmailError } from '../../../utils/gmail/errors';
import { GMAIL_MODIFY_SCOPE } from '../../../utils/google/scopes';
import { freshDb, resetDb } from '../db/db-helpers';
import { OPEN, PENDING, SOLVED, createFakeMailbox, threadIdOf } from './fake-mailbox';

beforeEach(resetDb);

const ACCOUNT = 'agent@acme.com';
const NOW = 1_700_000_100_000;
const open = { kind: 'status', value: 'Open' } as const;

async function setup({ scoped = true } = {}) {
  const mailbox = createFakeMailbox(ACCOUNT);
  const db = await freshDb();
  const holdsScopes = vi.fn(async (_account: string, _scopes: readonly string[]) => scoped);
  const ensureToken = vi.fn(async (_account: string) => {});
  const service = createCaseService({
    db: async () => db,
    gmailFor: () => mailbox.gmail,
    holdsScopes,
    ensureToken,
    prefix: () => DEFAULT_LABEL_PREFIX,
    slaHours: () => ({ ...DEFAULT_SLA_HOURS }),
    now: () => NOW,
  });
  /** The agent opens thread `n`: Gmail's read is cached and its case seen, as the conversation service does. */
  async function opened(n: number, labelNames: string[] = []): Promise<string> {
    const threadId = mailbox.addThread(n, labelNames);
    const conversation = mailbox.conversation(threadId);
    await writeThread(db, ACCOUNT, conversation, NOW);
    await service.caseOf(ACCOUNT, conversation, 'network');
    vi.clearAllMocks();
    return threadId;
  }
  return { mailbox, gmail: mailbox.gmail, db, service, holdsScopes, ensureToken, opened };
}

/** When a spy was first called, in the order of every spy's calls. */
const firstCall = (spy: { mock: { invocationCallOrder: number[] } }) => spy.mock.invocationCallOrder[0] ?? Number.NaN;
const cachedLabels = async (db: CacheDb, threadId: string) => (await readThread(db, ACCOUNT, threadId))?.conversation.labelIds;
const queuedThreads = async (db: CacheDb) => (await readCases(db, ACCOUNT)).map((record) => record.threadId);
const everything = async (db: CacheDb) => ({
  threads: await db.getAll('threads'),
  cases: await db.getAll('cases'),
  mailboxes: await db.getAll('mailboxes'),
});

describe('setCase', () => {
  it('looks at the labels once, creates the missing status label, then applies it to the thread in one threads.modify', async () => {
    const { service, mailbox, gmail, opened } = await setup();
    const thread = await opened(1);
    const view = await service.setCase(ACCOUNT, thread, open);
    const openId = mailbox.labelId(OPEN);
    expect(gmail.createLabel.mock.calls).toEqual([[OPEN]]);
    expect(gmail.modifyThread.mock.calls).toEqual([[thread, { addLabelIds: [openId], removeLabelIds: [] }]]);
    expect(gmail.listLabels).toHaveBeenCalledTimes(1);
    expect(firstCall(gmail.listLabels)).toBeLessThan(firstCall(gmail.createLabel));
    expect(firstCall(gmail.createLabel)).toBeLessThan(firstCall(gmail.modifyThread));
    expect(mailbox.labelIdsOf(thread)).toEqual(['INBOX', openId]);
    expect(view).toEqual({ status: 'Open', priority: null, editable: true, slaHours: DEFAULT_SLA_HOURS });
  });

  it('reuses a status label that exists in another case instead of creating one', async () => {
    const { service, mailbox, gmail, opened } = await setup();
    const lowerCase = mailbox.labelId('icustomer/status/open');
    const thread = await opened(1);
    expect((await service.setCase(ACCOUNT, thread, open)).status).toBe('Open');
    expect(gmail.createLabel).not.toHaveBeenCalled();
    expect(gmail.modifyThread.mock.calls).toEqual([[thread, { addLabelIds: [lowerCase], removeLabelIds: [] }]]);
  });

  it('reuses a status label a colleague created since the labels were saved, without creating one', async () => {
    const { service, mailbox, gmail, opened } = await setup();
    const thread = await opened(1);
    const colleagues = mailbox.labelId(OPEN);
    await service.setCase(ACCOUNT, thread, open);
    expect(gmail.createLabel).not.toHaveBeenCalled();
    expect(gmail.modifyThread.mock.calls).toEqual([[thread, { addLabelIds: [colleagues], removeLabelIds: [] }]]);
  });

  it('lists the labels once more after a 409 on create, and applies the label a colleague created meanwhile', async () => {
    const { service, mailbox, gmail, db, opened } = await setup();
    const thread = await opened(1);
    let colleagues = '';
    gmail.listLabels.mockImplementationOnce(async () => {
      const seen = mailbox.labels();
      colleagues = mailbox.labelId(OPEN);
      return seen;
    });
    await service.setCase(ACCOUNT, thread, open);
    expect(gmail.createLabel.mock.settledResults).toEqual([{ type: 'rejected', value: expect.objectContaining({ status: 409 }) }]);
    expect(gmail.listLabels).toHaveBeenCalledTimes(2);
    expect(gmail.modifyThread.mock.calls).toEqual([[thread, { addLabelIds: [colleagues], removeLabelIds: [] }]]);
    expect((await readMailbox(db, ACCOUNT))?.labels).toContainEqual({ id: colleagues, name: OPEN });
  });

  it('lists the labels once more when Gmail calls a saved label id invalid, and retries with the current one', async () => {
    const { service, mailbox, gmail, db, opened } = await setup();
    const stale = mailbox.labelId(OPEN);
    const thread = await opened(1);
    mailbox.deleteLabel(OPEN);
    const recreated = mailbox.labelId(OPEN);
    await service.setCase(ACCOUNT, thread, open);
    expect(gmail.modifyThread.mock.calls.map(([, request]) => request.addLabelIds)).toEqual([[stale], [recreated]]);
    expect(gmail.listLabels).toHaveBeenCalledTimes(1);
    expect(gmail.createLabel).not.toHaveBeenCalled();
    expect(await cachedLabels(db, thread)).toEqual(['INBOX', recreated]);
  });

  it('lists the labels again only once: a second refusal reaches the caller and nothing is cached', async () => {
    const { service, mailbox, gmail, db, opened } = await setup();
    mailbox.labelId(OPEN);
    const thread = await opened(1);
    const before = await everything(db);
    const invalid = new GmailError('bad-request', 'Invalid label: Label_1', 400, 'invalidArgument');
    gmail.modifyThread.mockRejectedValue(invalid);
    await expect(service.setCase(ACCOUNT, thread, open)).rejects.toBe(invalid);
    expect(gmail.listLabels).toHaveBeenCalledTimes(1);
    expect(gmail.modifyThread).toHaveBeenCalledTimes(2);
    expect(await everything(db)).toEqual(before);
  });

  it.each(['createLabel', 'modifyThread'] as const)(
    'turns a 403 insufficient scope from %s into ScopeRequired and writes nothing to the cache',
    async (refusing) => {
      const { service, gmail, db, opened } = await setup();
      const thread = await opened(1);
      const before = await everything(db);
      gmail[refusing].mockRejectedValueOnce(
        new GmailError('insufficient-scope', 'Request had insufficient authentication scopes.', 403, 'insufficientPermissions'),
      );
      await expect(service.setCase(ACCOUNT, thread, open)).rejects.toBeInstanceOf(ScopeRequired);
      expect(gmail[refusing]).toHaveBeenCalledTimes(1);
      expect(await everything(db)).toEqual(before);
    },
  );

  it('refuses with ScopeRequired before any Gmail call when the token lacks gmail.modify, after making sure a token is held', async () => {
    const { service, mailbox, gmail, holdsScopes, ensureToken } = await setup({ scoped: false });
    const thread = mailbox.addThread(1);
    await expect(service.setCase(ACCOUNT, thread, open)).rejects.toBeInstanceOf(ScopeRequired);
    expect(ensureToken).toHaveBeenCalledWith(ACCOUNT);
    expect(holdsScopes).toHaveBeenCalledWith(ACCOUNT, [GMAIL_MODIFY_SCOPE]);
    expect(firstCall(ensureToken)).toBeLessThan(firstCall(holdsScopes));
    for (const method of Object.values(gmail)) expect(method).not.toHaveBeenCalled();
  });

  it('lets a server error that outlived the retries through untouched, leaving the cached labels as they were', async () => {
    const { service, mailbox, gmail, db, opened } = await setup();
    mailbox.labelId(OPEN);
    const thread = await opened(1);
    const server = new GmailError('server', 'Backend Error', 500, 'backendError');
    gmail.modifyThread.mockRejectedValueOnce(server);
    await expect(service.setCase(ACCOUNT, thread, open)).rejects.toBe(server);
    expect(gmail.listLabels).not.toHaveBeenCalled();
    expect(await cachedLabels(db, thread)).toEqual(['INBOX']);
  });

  it('takes a case set from Open to Solved out of the queue store, and gives the cached thread the Solved label only', async () => {
    const { service, mailbox, gmail, db, opened } = await setup();
    const thread = await opened(1);
    await service.setCase(ACCOUNT, thread, open);
    expect(await queuedThreads(db)).toEqual([thread]);
    const view = await service.setCase(ACCOUNT, thread, { kind: 'status', value: 'Solved' });
    expect(view.status).toBe('Solved');
    expect(gmail.modifyThread.mock.lastCall?.[1]).toEqual({ addLabelIds: [mailbox.labelId(SOLVED)], removeLabelIds: [mailbox.labelId(OPEN)] });
    expect(await queuedThreads(db)).toEqual([]);
    expect(await cachedLabels(db, thread)).toEqual(['INBOX', mailbox.labelId(SOLVED)]);
  });

  it('keeps a case set to Pending in the queue store, with its new labels', async () => {
    const { service, mailbox, db, opened } = await setup();
    const thread = await opened(1, [OPEN]);
    await service.setCase(ACCOUNT, thread, { kind: 'status', value: 'Pending' });
    const [record] = await readCases(db, ACCOUNT);
    expect(record?.entry.labelIds).toEqual(['INBOX', mailbox.labelId(PENDING)]);
  });

  it('leaves one status on the thread when a colleague set another with a label created since the last listing', async () => {
    const { service, mailbox, opened } = await setup();
    mailbox.labelId(OPEN);
    const thread = await opened(1);
    mailbox.relabel(thread, [mailbox.labelId(PENDING)], []);
    await service.setCase(ACCOUNT, thread, open);
    expect(mailbox.labelIdsOf(thread)).toEqual(['INBOX', mailbox.labelId(OPEN)]);
  });

  it('saves the labels it listed and created for a thread that is not cached', async () => {
    const { service, mailbox, gmail, db } = await setup();
    const thread = mailbox.addThread(1);
    await service.setCase(ACCOUNT, thread, open);
    expect(gmail.listLabels).toHaveBeenCalledTimes(1);
    expect((await readMailbox(db, ACCOUNT))?.labels).toContainEqual({ id: mailbox.labelId(OPEN), name: OPEN });
  });
});

describe('ensureLabels', () => {
  it('lists and saves the labels when none are saved, and calls Gmail no more once they are', async () => {
    const { service, mailbox, gmail, db } = await setup();
    mailbox.labelId(OPEN);
    await service.ensureLabels(ACCOUNT);
    await service.ensureLabels(ACCOUNT);
    expect(gmail.listLabels).toHaveBeenCalledTimes(1);
    expect((await readMailbox(db, ACCOUNT))?.labels).toEqual(mailbox.labels());
  });
});

describe('caseOf', () => {
  it('reads a cached conversation’s case from the saved labels without calling Gmail', async () => {
    const { service, mailbox, gmail, opened } = await setup();
    const thread = await opened(1, [OPEN]);
    const view = await service.caseOf(ACCOUNT, mailbox.conversation(thread), 'cache');
    expect(view).toEqual({ status: 'Open', priority: null, editable: true, slaHours: DEFAULT_SLA_HOURS });
    for (const method of Object.values(gmail)) expect(method).not.toHaveBeenCalled();
  });

  it('shows no case from the cache before any labels were listed, and calls no Gmail method', async () => {
    const { service, mailbox, gmail } = await setup();
    const thread = mailbox.addThread(1, [OPEN]);
    expect((await service.caseOf(ACCOUNT, mailbox.conversation(thread), 'cache')).status).toBeNull();
    for (const method of Object.values(gmail)) expect(method).not.toHaveBeenCalled();
  });

  it('lists the labels on a network read only when the conversation carries an id not known', async () => {
    const { service, mailbox, gmail } = await setup();
    const thread = mailbox.addThread(1, [OPEN]);
    await service.caseOf(ACCOUNT, mailbox.conversation(thread), 'network');
    await service.caseOf(ACCOUNT, mailbox.conversation(thread), 'network');
    expect(gmail.listLabels).toHaveBeenCalledTimes(1);
    mailbox.relabel(thread, [mailbox.labelId('Billing')], []);
    await service.caseOf(ACCOUNT, mailbox.conversation(thread), 'network');
    expect(gmail.listLabels).toHaveBeenCalledTimes(2);
  });

  it('files an Open conversation read from the network in the queue store, and takes it out once Solved', async () => {
    const { service, mailbox, db } = await setup();
    const thread = mailbox.addThread(1, [OPEN]);
    expect((await service.caseOf(ACCOUNT, mailbox.conversation(thread), 'network')).status).toBe('Open');
    expect(await queuedThreads(db)).toEqual([thread]);
    mailbox.relabel(thread, [mailbox.labelId(SOLVED)], [mailbox.labelId(OPEN)]);
    expect((await service.caseOf(ACCOUNT, mailbox.conversation(thread), 'network')).status).toBe('Solved');
    expect(await queuedThreads(db)).toEqual([]);
  });

  it('saves the labels it lists without touching the queue’s cursor or unread list', async () => {
    const { service, mailbox, db } = await setup();
    const queued = { account: ACCOUNT, historyId: '1000', labels: [], unread: [threadIdOf(7)], syncedAt: NOW, revision: 3 };
    await updateMailbox(db, ACCOUNT, () => queued);
    const thread = mailbox.addThread(1, [OPEN]);
    await service.caseOf(ACCOUNT, mailbox.conversation(thread), 'network');
    expect(await readMailbox(db, ACCOUNT)).toEqual({ ...queued, labels: mailbox.labels() });
  });

  it('is not editable until the token holds gmail.modify', async () => {
    const { service, mailbox } = await setup({ scoped: false });
    const thread = mailbox.addThread(1, [OPEN]);
    expect((await service.caseOf(ACCOUNT, mailbox.conversation(thread), 'network')).editable).toBe(false);
  });
});
