import { describe, expect, it } from 'vitest';
import { GmailError } from '../../../utils/gmail/errors';
import { type Answer, batchAnswer, clientWith, googleError, scriptedFetch } from './fake-gmail';

const A = '18c0a1b2c3d40000';
const B = '18c0a1b2c3d4ffff';
const thread = (id: string) => ({ id, historyId: '7', messages: [{ id, threadId: id, internalDate: '1700000000000' }] });

describe('listThreads', () => {
  it('asks for ids and historyIds only, with the search, page size and page token', async () => {
    const { fetch, requests } = scriptedFetch([{ status: 200, body: { threads: [{ id: A, historyId: '9' }], nextPageToken: 'p2' } }]);
    const { client } = clientWith(fetch);
    expect(await client.listThreads('from:"a+b@x.example"', 'p1', 500)).toEqual({ threads: [{ id: A, historyId: '9' }], nextPageToken: 'p2' });
    const url = new URL(requests[0]?.url ?? '');
    expect(url.pathname).toBe('/gmail/v1/users/me/threads');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: 'from:"a+b@x.example"',
      maxResults: '500',
      pageToken: 'p1',
      fields: 'threads(id,historyId),nextPageToken',
    });
  });
});

describe('getThreadsForSummary (batch)', () => {
  it('sends one multipart request with a metadata read per thread', async () => {
    const { fetch, requests } = scriptedFetch([batchAnswer([{ id: A, status: 200, body: thread(A) }, { id: B, status: 200, body: thread(B) }])]);
    const { client, deps } = clientWith(fetch);
    const answers = await client.getThreadsForSummary([A, B]);
    expect([...answers.keys()]).toEqual([A, B]);
    expect(answers.get(B)).toEqual(thread(B));
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe('https://gmail.googleapis.com/batch/gmail/v1');
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.headers.get('Content-Type')).toBe('multipart/mixed; boundary=batch_icustomer_mail');
    expect(requests[0]?.body).toContain(`Content-ID: <${A}>\r\n\r\nGET /gmail/v1/users/me/threads/${A}?format=metadata&metadataHeaders=Subject&fields=`);
    expect(deps.onCall).toHaveBeenCalledTimes(1);
  });

  it('retries only the parts that hit a rate limit, after their Retry-After', async () => {
    const { fetch, requests } = scriptedFetch([
      batchAnswer([
        { id: A, status: 200, body: thread(A) },
        { id: B, status: 429, body: googleError(429, 'rateLimitExceeded', 'RESOURCE_EXHAUSTED'), headers: { 'Retry-After': '3' } },
      ]),
      batchAnswer([{ id: B, status: 200, body: thread(B) }]),
    ]);
    const { client, deps } = clientWith(fetch);
    const answers = await client.getThreadsForSummary([A, B]);
    expect(answers.get(A)).toEqual(thread(A));
    expect(answers.get(B)).toEqual(thread(B));
    expect(deps.sleep.mock.calls).toEqual([[3000]]);
    expect(requests[1]?.body).not.toContain(`<${A}>`);
  });

  it('gives up on a part after the policy’s attempts, keeping the others', async () => {
    const busy = { status: 503, body: googleError(503, 'backendError', 'UNAVAILABLE') };
    const { fetch } = scriptedFetch([
      batchAnswer([{ id: A, status: 200, body: thread(A) }, { id: B, ...busy }]),
      batchAnswer([{ id: B, ...busy }]),
      batchAnswer([{ id: B, ...busy }]),
      batchAnswer([{ id: B, ...busy }]),
    ]);
    const { client } = clientWith(fetch);
    const answers = await client.getThreadsForSummary([A, B]);
    expect(answers.get(A)).toEqual(thread(A));
    expect(answers.get(B)).toMatchObject({ kind: 'server', status: 503 });
  });

  it('refreshes the token once when a part answers 401', async () => {
    const { fetch, requests } = scriptedFetch([
      batchAnswer([{ id: A, status: 401, body: googleError(401, 'authError', 'UNAUTHENTICATED') }]),
      batchAnswer([{ id: A, status: 200, body: thread(A) }]),
    ]);
    const { client } = clientWith(fetch);
    expect((await client.getThreadsForSummary([A])).get(A)).toEqual(thread(A));
    expect(requests.map((r) => r.headers.get('Authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('makes a part that breaks the schema, a missing part and a 404 errors of their own', async () => {
    const { fetch } = scriptedFetch([
      batchAnswer([
        { id: A, status: 200, body: { id: A, messages: 'nope' } },
        { id: '18c0a1b2c3d40001', status: 404, body: googleError(404, 'notFound', 'NOT_FOUND') },
      ]),
    ]);
    const { client } = clientWith(fetch);
    const answers = await client.getThreadsForSummary([A, B, '18c0a1b2c3d40001']);
    expect(answers.get(A)).toMatchObject({ kind: 'bad-response' });
    expect(answers.get(B)).toMatchObject({ kind: 'bad-response', message: expect.stringContaining('no part') });
    expect(answers.get('18c0a1b2c3d40001')).toMatchObject({ kind: 'not-found' });
  });

  it('counts a failed batch request as every part failing, and retries it whole', async () => {
    const { fetch } = scriptedFetch([
      { status: 503, body: googleError(503, 'backendError', 'UNAVAILABLE') },
      batchAnswer([{ id: A, status: 200, body: thread(A) }]),
    ]);
    const { client } = clientWith(fetch);
    expect((await client.getThreadsForSummary([A])).get(A)).toEqual(thread(A));
  });

  it('splits more than 100 reads into several batch requests', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `18c0a1b2c3d4${i.toString(16).padStart(4, '0')}`);
    const { fetch, requests } = scriptedFetch([
      batchAnswer(ids.slice(0, 100).map((id) => ({ id, status: 200, body: thread(id) }))),
      batchAnswer(ids.slice(100).map((id) => ({ id, status: 200, body: thread(id) }))),
    ]);
    const { client } = clientWith(fetch);
    const answers = await client.getThreadsForSummary(ids);
    expect(answers.size).toBe(150);
    expect([...answers.values()].some((answer) => answer instanceof GmailError)).toBe(false);
    expect(requests).toHaveLength(2);
  });
});
