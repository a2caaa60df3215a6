/** What the client reports for the access log (F7): the method, its data category and item count. */
import { describe, expect, it } from 'vitest';
import type { GmailClient } from '../../../utils/gmail/client';
import { type Answer, THREAD_ID, batchAnswer, clientWith, googleError, scriptedFetch, validThread } from './fake-gmail';

const B = '18c0a1b2c3d4ffff';
const message = (id: string, threadId: string) => ({ id, threadId, internalDate: '1700000000000' });
const twoMessages = { ...validThread, messages: [message('aa', THREAD_ID), message('ab', THREAD_ID)] };
const draft = { id: 'r-1', message: { id: 'ac', threadId: THREAD_ID } };
const label = { id: 'Label_1', name: 'Support/Open' };

const cases: [string, (client: GmailClient) => Promise<unknown>, unknown, string, string, number][] = [
  ['getProfile', (c) => c.getProfile(), { emailAddress: 'agent@acme.com', historyId: '1' }, 'gmail.users.getProfile', 'profile', 1],
  ['getThreadForCard', (c) => c.getThreadForCard(THREAD_ID), twoMessages, 'gmail.users.threads.get', 'message-metadata', 2],
  ['getThreadForReply', (c) => c.getThreadForReply(THREAD_ID), validThread, 'gmail.users.threads.get', 'message-metadata', 1],
  ['listThreads', (c) => c.listThreads('from:x', undefined, 50), { threads: [{ id: 'aa' }, { id: 'ab' }, { id: 'ac' }] }, 'gmail.users.threads.list', 'message-metadata', 3],
  ['listThreads with no match', (c) => c.listThreads('from:x', undefined, 50), { resultSizeEstimate: 0 }, 'gmail.users.threads.list', 'message-metadata', 0],
  ['listThreadsWithLabel', (c) => c.listThreadsWithLabel('Label_1', undefined, 50), { threads: [{ id: 'aa' }] }, 'gmail.users.threads.list', 'message-metadata', 1],
  ['listLabels', (c) => c.listLabels(), { labels: [label, { id: 'INBOX', name: 'INBOX' }] }, 'gmail.users.labels.list', 'labels', 2],
  ['createLabel', (c) => c.createLabel(label.name), label, 'gmail.users.labels.create', 'labels', 1],
  ['modifyThread', (c) => c.modifyThread(THREAD_ID, { addLabelIds: ['Label_1'], removeLabelIds: [] }), { id: THREAD_ID }, 'gmail.users.threads.modify', 'labels', 1],
  ['createDraft', (c) => c.createDraft(THREAD_ID, 'cmF3'), draft, 'gmail.users.drafts.create', 'drafts', 1],
  ['updateDraft', (c) => c.updateDraft('r-1', THREAD_ID, 'cmF3'), draft, 'gmail.users.drafts.update', 'drafts', 1],
  ['getDraft', (c) => c.getDraft('r-1'), draft, 'gmail.users.drafts.get', 'drafts', 1],
  ['listHistory', (c) => c.listHistory('5', undefined), { historyId: '9', history: [{}, {}, {}, {}] }, 'gmail.users.history.list', 'mailbox-changes', 4],
];

describe('the access-log report of each method', () => {
  it.each(cases)('%s reports its method, category and the items Google returned', async (_, run, body, method, category, items) => {
    const { fetch } = scriptedFetch([{ status: 200, body }]);
    const { client, deps } = clientWith(fetch);
    await run(client);
    expect(deps.onCall.mock.calls).toEqual([[{ method, category, items, ok: true, status: 200 }]]);
  });

  it('reports no items for a failed request', async () => {
    const { fetch } = scriptedFetch([{ status: 404, body: googleError(404, 'notFound', 'NOT_FOUND') }]);
    const { client, deps } = clientWith(fetch);
    await expect(client.getDraft('r-1')).rejects.toMatchObject({ kind: 'not-found' });
    expect(deps.onCall.mock.calls).toEqual([[{ method: 'gmail.users.drafts.get', category: 'drafts', items: 0, ok: false, status: 404 }]]);
  });

  it('reports an answer of the wrong shape as a failure holding nothing', async () => {
    const { fetch } = scriptedFetch([{ status: 200, body: { labels: 'all of them' } }]);
    const { client, deps } = clientWith(fetch);
    await expect(client.listLabels()).rejects.toMatchObject({ kind: 'bad-response' });
    expect(deps.onCall.mock.calls).toEqual([[{ method: 'gmail.users.labels.list', category: 'labels', items: 0, ok: false, status: 200 }]]);
  });
});

describe('the access-log report of a batch', () => {
  const thread = (id: string, messages: number) => ({ id, messages: Array.from({ length: messages }, (_, n) => message(`${id.slice(0, 14)}0${n}`, id)) });

  it('is one report per HTTP request, counting the messages of the parts that succeeded', async () => {
    const answer: Answer = batchAnswer([
      { id: THREAD_ID, status: 200, body: thread(THREAD_ID, 3) },
      { id: B, status: 404, body: googleError(404, 'notFound', 'NOT_FOUND') },
    ]);
    const { fetch } = scriptedFetch([answer]);
    const { client, deps } = clientWith(fetch);
    await client.getThreadsForCase([THREAD_ID, B]);
    expect(deps.onCall.mock.calls).toEqual([[{ method: 'gmail.users.threads.get', category: 'message-metadata', items: 3, ok: false, status: 404 }]]);
  });

  it('reports a retry of the failed parts as its own request', async () => {
    const limited = { status: 429, body: googleError(429, 'rateLimitExceeded', 'RESOURCE_EXHAUSTED'), headers: { 'Retry-After': '1' } };
    const { fetch } = scriptedFetch([
      batchAnswer([{ id: THREAD_ID, status: 200, body: thread(THREAD_ID, 1) }, { id: B, ...limited }]),
      batchAnswer([{ id: B, status: 200, body: thread(B, 2) }]),
    ]);
    const { client, deps } = clientWith(fetch);
    await client.getThreadsForSummary([THREAD_ID, B]);
    expect(deps.onCall.mock.calls.map(([call]) => [call.items, call.ok, call.status])).toEqual([
      [1, false, 429],
      [2, true, 200],
    ]);
  });
});
