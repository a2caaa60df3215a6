import { describe, expect, it } from 'vitest';
import { type Answer, type RecordedRequest, THREAD_ID, clientWith, googleError, scriptedFetch } from './fake-gmail';

const API = 'https://gmail.googleapis.com/gmail/v1/users/me';
const OPEN = { id: 'Label_1', name: 'iCustomer/Status/Open' };
const modified = { id: THREAD_ID, historyId: '4243', messages: [{ id: '18c0a1b2c3d50001', threadId: THREAD_ID, labelIds: ['INBOX', 'Label_1'] }] };
const busy: Answer = { status: 503, body: googleError(503, 'backendError', 'UNAVAILABLE') };

/** The text Gmail sends when threads.modify names a label id the mailbox does not have. */
const invalidLabel = {
  error: {
    code: 400,
    message: 'Invalid label: Label_9',
    errors: [{ message: 'Invalid label: Label_9', domain: 'global', reason: 'invalidArgument' }],
    status: 'INVALID_ARGUMENT',
  },
};

/** The first request sent, with its URL split into path and query. */
const firstOf = (requests: RecordedRequest[]) => {
  const request = requests[0];
  if (!request) throw new Error('no request was sent');
  const url = new URL(request.url);
  return { ...request, path: `${url.origin}${url.pathname}`, query: Object.fromEntries(url.searchParams) };
};

describe('listLabels', () => {
  it('asks for ids and names only and returns the labels with other fields stripped', async () => {
    const { fetch, requests } = scriptedFetch([{ status: 200, body: { labels: [{ ...OPEN, type: 'user' }] } }]);
    const { client } = clientWith(fetch);
    expect(await client.listLabels()).toEqual([OPEN]);
    expect(firstOf(requests)).toMatchObject({ method: 'GET', path: `${API}/labels`, query: { fields: 'labels(id,name)' } });
  });

  it('gives an empty list when Gmail leaves labels out', async () => {
    const { fetch } = scriptedFetch([{ status: 200, body: {} }]);
    expect(await clientWith(fetch).client.listLabels()).toEqual([]);
  });
});

describe('createLabel', () => {
  it('POSTs the name, shown in the label list and the message list, as JSON', async () => {
    const { fetch, requests } = scriptedFetch([{ status: 200, body: { ...OPEN, type: 'user' } }]);
    const { client } = clientWith(fetch);
    expect(await client.createLabel(OPEN.name)).toEqual(OPEN);
    const request = firstOf(requests);
    expect(request).toMatchObject({ method: 'POST', path: `${API}/labels`, query: {} });
    expect(request.headers.get('Content-Type')).toBe('application/json');
    expect(request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(JSON.parse(request.body)).toEqual({ name: OPEN.name, labelListVisibility: 'labelShow', messageListVisibility: 'show' });
  });

  it('fails with a typed 409 at once when the name is taken', async () => {
    const { fetch } = scriptedFetch([{ status: 409, body: googleError(409, 'aborted', 'ABORTED') }]);
    const { client, deps } = clientWith(fetch);
    await expect(client.createLabel(OPEN.name)).rejects.toMatchObject({ name: 'GmailError', kind: 'bad-request', status: 409, reason: 'aborted' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(deps.onCall.mock.calls).toEqual([[{ method: 'gmail.users.labels.create', category: 'labels', items: 0, ok: false, status: 409 }]]);
  });

  it('sends the same write again after a 5xx, like a read', async () => {
    const { fetch, requests } = scriptedFetch([busy, { status: 200, body: OPEN }]);
    const { client, deps } = clientWith(fetch);
    expect(await client.createLabel(OPEN.name)).toEqual(OPEN);
    expect(deps.sleep).toHaveBeenCalledTimes(1);
    const sent = ['POST', `${API}/labels`, { name: OPEN.name, labelListVisibility: 'labelShow', messageListVisibility: 'show' }];
    expect(requests.map((request) => [request.method, request.url, JSON.parse(request.body)])).toEqual([sent, sent]);
  });
});

describe('modifyThread', () => {
  it('POSTs the labels to add and remove to the thread’s modify and returns its labels after the change', async () => {
    const { fetch, requests } = scriptedFetch([{ status: 200, body: modified }]);
    const { client } = clientWith(fetch);
    expect(await client.modifyThread(THREAD_ID, { addLabelIds: ['Label_1'], removeLabelIds: ['Label_2', 'Label_3'] })).toEqual(modified);
    const request = firstOf(requests);
    expect(request).toMatchObject({ method: 'POST', path: `${API}/threads/${THREAD_ID}/modify`, query: {} });
    expect(request.headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({ addLabelIds: ['Label_1'], removeLabelIds: ['Label_2', 'Label_3'] });
  });

  it('fails with Gmail’s own message for a label id it does not know, without retrying', async () => {
    const { fetch } = scriptedFetch([{ status: 400, body: invalidLabel }]);
    const { client } = clientWith(fetch);
    await expect(client.modifyThread(THREAD_ID, { addLabelIds: ['Label_9'], removeLabelIds: [] })).rejects.toMatchObject({
      kind: 'bad-request',
      status: 400,
      reason: 'invalidArgument',
      message: 'Invalid label: Label_9',
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('fails as insufficient-scope on a 403 insufficientPermissions, without retrying', async () => {
    const { fetch } = scriptedFetch([{ status: 403, body: googleError(403, 'insufficientPermissions', 'PERMISSION_DENIED') }]);
    const { client } = clientWith(fetch);
    await expect(client.modifyThread(THREAD_ID, { addLabelIds: ['Label_1'], removeLabelIds: [] })).rejects.toMatchObject({
      kind: 'insufficient-scope',
      status: 403,
      reason: 'insufficientPermissions',
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('retries a 5xx up to the policy’s attempts, then throws the server error', async () => {
    const { fetch, requests } = scriptedFetch([busy, busy, busy, busy, { status: 200, body: modified }]);
    const { client, deps } = clientWith(fetch);
    await expect(client.modifyThread(THREAD_ID, { addLabelIds: ['Label_1'], removeLabelIds: [] })).rejects.toMatchObject({ kind: 'server', status: 503 });
    expect(requests.map((request) => request.method)).toEqual(['POST', 'POST', 'POST', 'POST']);
    expect(deps.sleep).toHaveBeenCalledTimes(3);
  });
});

describe('listHistory', () => {
  it('asks for 500 changes a page from the start id, with the fields the queue needs and the page token', async () => {
    const answer = { history: [{ labelsAdded: [{ message: { id: THREAD_ID, threadId: THREAD_ID, labelIds: ['Label_1'] } }] }], historyId: '9' };
    const { fetch, requests } = scriptedFetch([{ status: 200, body: answer }]);
    const { client } = clientWith(fetch);
    expect(await client.listHistory('4242', 'p2')).toEqual(answer);
    const { path, query } = firstOf(requests);
    expect(path).toBe(`${API}/history`);
    expect(query).toEqual({
      startHistoryId: '4242',
      maxResults: '500',
      pageToken: 'p2',
      fields:
        'history(messages(id,threadId),messagesAdded/message(id,threadId,labelIds),messagesDeleted/message(id,threadId,labelIds),' +
        'labelsAdded/message(id,threadId,labelIds),labelsRemoved/message(id,threadId,labelIds)),historyId,nextPageToken',
    });
  });

  it('sends no page token for the first page and fails as not-found for a start id Gmail no longer keeps', async () => {
    const { fetch, requests } = scriptedFetch([{ status: 404, body: googleError(404, 'notFound', 'NOT_FOUND') }]);
    const { client } = clientWith(fetch);
    await expect(client.listHistory('1', undefined)).rejects.toMatchObject({ kind: 'not-found', status: 404 });
    expect(firstOf(requests).query).not.toHaveProperty('pageToken');
  });
});

describe('listThreadsWithLabel', () => {
  it('lists ids and historyIds of the threads carrying the label, with page size and token', async () => {
    const { fetch, requests } = scriptedFetch([{ status: 200, body: { threads: [{ id: THREAD_ID, historyId: '9' }] } }]);
    const { client } = clientWith(fetch);
    expect(await client.listThreadsWithLabel('Label_1', 'p2', 500)).toEqual({ threads: [{ id: THREAD_ID, historyId: '9' }] });
    expect(firstOf(requests)).toMatchObject({
      method: 'GET',
      path: `${API}/threads`,
      query: { labelIds: 'Label_1', maxResults: '500', pageToken: 'p2', fields: 'threads(id,historyId),nextPageToken' },
    });
    expect(firstOf(requests).query).not.toHaveProperty('q');
  });
});

describe('getThreadsForCase', () => {
  it('batches metadata reads with the address headers and the subject, and no bodies', async () => {
    // A refused batch request answers every part with its error: only the request matters here.
    const { fetch, requests } = scriptedFetch([{ status: 400, body: googleError(400, 'invalidArgument', 'INVALID_ARGUMENT') }]);
    const { client } = clientWith(fetch);
    const answers = await client.getThreadsForCase([THREAD_ID]);
    expect(answers.get(THREAD_ID)).toMatchObject({ kind: 'bad-request' });
    const request = firstOf(requests);
    expect(request).toMatchObject({ method: 'POST', path: 'https://gmail.googleapis.com/batch/gmail/v1' });
    const partPath = /GET (\S+)/.exec(request.body)?.[1] ?? '';
    const part = new URL(partPath, 'https://gmail.googleapis.com');
    expect(part.pathname).toBe(`/gmail/v1/users/me/threads/${THREAD_ID}`);
    expect(part.searchParams.get('format')).toBe('metadata');
    expect(part.searchParams.getAll('metadataHeaders')).toEqual(['From', 'To', 'Cc', 'Reply-To', 'Subject']);
    expect(part.searchParams.get('fields')).toBe('id,historyId,messages(id,threadId,labelIds,internalDate,payload/headers)');
  });
});
