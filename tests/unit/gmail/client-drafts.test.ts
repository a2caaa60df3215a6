import { describe, expect, it } from 'vitest';
import { type Answer, THREAD_ID, clientWith, googleError, scriptedFetch } from './fake-gmail';

const API = 'https://gmail.googleapis.com/gmail/v1/users/me';
const DRAFT = { id: 'r-5078262462342234424', message: { id: '18c0a1b2c3d5ffff', threadId: THREAD_ID, labelIds: ['DRAFT'] } };
const busy: Answer = { status: 503, body: googleError(503, 'backendError', 'UNAVAILABLE') };
const limited: Answer = { status: 429, body: googleError(429, 'rateLimitExceeded', 'RESOURCE_EXHAUSTED') };

const sent = (request: { method: string; url: string; body: string }) => {
  const url = new URL(request.url);
  return { method: request.method, path: `${url.origin}${url.pathname}`, query: Object.fromEntries(url.searchParams), body: request.body ? JSON.parse(request.body) : null };
};

describe('createDraft', () => {
  it('POSTs the raw message with the thread id and reads back only the ids', async () => {
    const { fetch, requests } = scriptedFetch([{ status: 200, body: DRAFT }]);
    expect(await clientWith(fetch).client.createDraft(THREAD_ID, 'UmF3')).toEqual(DRAFT);
    expect(sent(requests[0]!)).toEqual({
      method: 'POST',
      path: `${API}/drafts`,
      query: { fields: 'id,message(id,threadId,labelIds)' },
      body: { message: { raw: 'UmF3', threadId: THREAD_ID } },
    });
  });

  it('never sends a draft twice after a 5xx: Gmail may have created it', async () => {
    const { fetch } = scriptedFetch([busy, { status: 200, body: DRAFT }]);
    const { client, deps } = clientWith(fetch);
    await expect(client.createDraft(THREAD_ID, 'UmF3')).rejects.toMatchObject({ kind: 'server', status: 503 });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(deps.sleep).not.toHaveBeenCalled();
  });

  it('sends it again after a rate limit, which Gmail refuses before doing anything', async () => {
    const { fetch } = scriptedFetch([limited, { status: 200, body: DRAFT }]);
    expect(await clientWith(fetch).client.createDraft(THREAD_ID, 'UmF3')).toEqual(DRAFT);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('refuses an answer that is not a draft', async () => {
    const { fetch } = scriptedFetch([{ status: 200, body: { id: 'r 1', message: {} } }]);
    await expect(clientWith(fetch).client.createDraft(THREAD_ID, 'UmF3')).rejects.toMatchObject({ kind: 'bad-response' });
  });
});

describe('updateDraft', () => {
  it('PUTs the new content to the same draft, and may repeat it after a 5xx', async () => {
    const { fetch, requests } = scriptedFetch([busy, { status: 200, body: DRAFT }]);
    expect(await clientWith(fetch).client.updateDraft(DRAFT.id, THREAD_ID, 'UmF3')).toEqual(DRAFT);
    expect(requests.map(sent)).toEqual(
      Array(2).fill({
        method: 'PUT',
        path: `${API}/drafts/${DRAFT.id}`,
        query: { fields: 'id,message(id,threadId,labelIds)' },
        body: { id: DRAFT.id, message: { raw: 'UmF3', threadId: THREAD_ID } },
      }),
    );
  });
});

describe('getDraft and getThreadForReply', () => {
  it('reads a draft in the minimal format', async () => {
    const { fetch, requests } = scriptedFetch([{ status: 200, body: DRAFT }]);
    await clientWith(fetch).client.getDraft(DRAFT.id);
    expect(sent(requests[0]!)).toMatchObject({ method: 'GET', path: `${API}/drafts/${DRAFT.id}`, query: { format: 'minimal' } });
  });

  it('reads the thread as metadata with the address and threading headers only', async () => {
    const thread = { id: THREAD_ID, messages: [{ id: THREAD_ID, threadId: THREAD_ID, internalDate: '1' }] };
    const { fetch, requests } = scriptedFetch([{ status: 200, body: thread }]);
    await clientWith(fetch).client.getThreadForReply(THREAD_ID);
    const url = new URL(requests[0]!.url);
    expect(url.searchParams.get('format')).toBe('metadata');
    expect(url.searchParams.getAll('metadataHeaders')).toEqual(['From', 'To', 'Cc', 'Reply-To', 'Subject', 'Message-ID', 'References', 'In-Reply-To']);
  });
});
