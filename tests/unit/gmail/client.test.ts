import { describe, expect, it, vi } from 'vitest';
import { GmailError } from '../../../utils/gmail/errors';
import { type Answer, THREAD_ID, TEST_POLICY, clientWith, googleError, scriptedFetch, validThread } from './fake-gmail';

const ok: Answer = { status: 200, body: validThread };

async function failure(promise: Promise<unknown>): Promise<GmailError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof GmailError)) throw new Error(`expected a GmailError, got ${String(error)}`);
  return error;
}

describe('getThreadForCard request', () => {
  it('asks Gmail for the thread with format=full, a fields mask and a bearer token', async () => {
    const { fetch, requests } = scriptedFetch([ok]);
    const { client } = clientWith(fetch);
    await client.getThreadForCard(THREAD_ID);
    const url = new URL(requests[0]?.url ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`https://gmail.googleapis.com/gmail/v1/users/me/threads/${THREAD_ID}`);
    expect(url.searchParams.get('format')).toBe('full');
    expect(url.searchParams.get('fields')).toMatch(/^id,historyId,messages\(id,threadId,labelIds,internalDate/);
    expect(requests[0]?.headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('returns the parsed thread with unknown fields stripped', async () => {
    const { fetch } = scriptedFetch([{ status: 200, body: { ...validThread, surprise: true } }]);
    const { client } = clientWith(fetch);
    expect(await client.getThreadForCard(THREAD_ID)).toEqual(validThread);
  });

  it('reports every HTTP call, not every logical call, to onCall', async () => {
    const { fetch } = scriptedFetch([{ status: 503, body: null }, ok]);
    const { client, deps } = clientWith(fetch);
    await client.getThreadForCard(THREAD_ID);
    expect(deps.onCall.mock.calls).toEqual([
      [{ method: 'gmail.users.threads.get', category: 'message-metadata', items: 0, ok: false, status: 503 }],
      [{ method: 'gmail.users.threads.get', category: 'message-metadata', items: 1, ok: true, status: 200 }],
    ]);
  });
});

describe('retries', () => {
  it('retries a 500 once and returns the next answer', async () => {
    const { fetch } = scriptedFetch([{ status: 500, body: googleError(500, 'backendError', 'INTERNAL') }, ok]);
    const { client, deps } = clientWith(fetch);
    expect(await client.getThreadForCard(THREAD_ID)).toEqual(validThread);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(deps.sleep).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['delta-seconds', () => '2', 2000],
    ['an HTTP date', () => new Date(Date.now() + 3_000).toUTCString(), 3000],
  ])('waits as long as a 429 Retry-After in %s says', async (_, retryAfter, expectedMs) => {
    const limited = googleError(429, 'rateLimitExceeded', 'RESOURCE_EXHAUSTED');
    const { fetch } = scriptedFetch([{ status: 429, body: limited, headers: { 'Retry-After': retryAfter() } }, ok]);
    const { client, deps } = clientWith(fetch);
    await client.getThreadForCard(THREAD_ID);
    expect(deps.sleep).toHaveBeenCalledTimes(1);
    // An HTTP date has one-second resolution, so the wait may be a second shorter.
    const waited = deps.sleep.mock.calls[0]?.[0] ?? -1;
    expect(waited).toBeLessThanOrEqual(expectedMs);
    expect(waited).toBeGreaterThanOrEqual(expectedMs - 1000);
  });

  it('sleeps exactly Retry-After seconds for a 429 with Retry-After: 2', async () => {
    const limited = googleError(429, 'rateLimitExceeded', 'RESOURCE_EXHAUSTED');
    const { fetch } = scriptedFetch([{ status: 429, body: limited, headers: { 'Retry-After': '2' } }, ok]);
    const { client, deps } = clientWith(fetch);
    await client.getThreadForCard(THREAD_ID);
    expect(deps.sleep.mock.calls).toEqual([[2000]]);
  });

  it.each([1, 2, 4])('gives up after maxAttempts=%i calls and throws the last error', async (maxAttempts) => {
    const answers: Answer[] = Array.from({ length: 10 }, () => ({ status: 503, body: null }));
    const { fetch } = scriptedFetch(answers);
    const { client, deps } = clientWith(fetch, { retryPolicy: { ...TEST_POLICY, maxAttempts } });
    const error = await failure(client.getThreadForCard(THREAD_ID));
    expect(error.kind).toBe('server');
    expect(fetch).toHaveBeenCalledTimes(maxAttempts);
    expect(deps.sleep).toHaveBeenCalledTimes(maxAttempts - 1);
  });

  it('retries a 403 rateLimitExceeded', async () => {
    const body = googleError(403, 'rateLimitExceeded', 'PERMISSION_DENIED');
    const { fetch } = scriptedFetch([{ status: 403, body }, ok]);
    const { client } = clientWith(fetch);
    await expect(client.getThreadForCard(THREAD_ID)).resolves.toEqual(validThread);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not retry a 403 insufficientPermissions', async () => {
    const body = googleError(403, 'insufficientPermissions', 'PERMISSION_DENIED');
    const { fetch } = scriptedFetch([{ status: 403, body }, ok]);
    const { client, deps } = clientWith(fetch);
    const error = await failure(client.getThreadForCard(THREAD_ID));
    expect(error).toMatchObject({ kind: 'insufficient-scope', status: 403, reason: 'insufficientPermissions' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(deps.sleep).not.toHaveBeenCalled();
  });

  it('does not wait for a Retry-After longer than the policy allows', async () => {
    const body = googleError(429, 'rateLimitExceeded', 'RESOURCE_EXHAUSTED');
    const { fetch } = scriptedFetch([{ status: 429, body, headers: { 'Retry-After': '3600' } }, ok]);
    const { client, deps } = clientWith(fetch);
    expect((await failure(client.getThreadForCard(THREAD_ID))).kind).toBe('rate-limited');
    expect(deps.sleep).not.toHaveBeenCalled();
  });
});

describe('authorization', () => {
  const unauthorized: Answer = { status: 401, body: googleError(401, 'authError', 'UNAUTHENTICATED') };

  it('refreshes the token once after a 401 and retries with the new token', async () => {
    const { fetch, requests } = scriptedFetch([unauthorized, ok]);
    const { client, deps } = clientWith(fetch);
    await expect(client.getThreadForCard(THREAD_ID)).resolves.toEqual(validThread);
    expect(deps.getAccessToken.mock.calls).toEqual([[{ forceRefresh: false }], [{ forceRefresh: true }]]);
    expect(requests.map((r) => r.headers.get('Authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(deps.sleep).not.toHaveBeenCalled();
  });

  it('fails as unauthorized when the silent refresh after a 401 fails, whatever Google\'s reason', async () => {
    const { fetch } = scriptedFetch([unauthorized, ok]);
    const { client, deps } = clientWith(fetch);
    deps.getAccessToken.mockImplementation(async ({ forceRefresh }) => {
      if (forceRefresh) throw new Error('interaction_required');
      return 'token-1';
    });
    const error = await failure(client.getThreadForCard(THREAD_ID));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain('interaction_required');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('fails as unauthorized when the refreshed token is refused too', async () => {
    const { fetch } = scriptedFetch([unauthorized, unauthorized, ok]);
    const { client, deps } = clientWith(fetch);
    expect((await failure(client.getThreadForCard(THREAD_ID))).kind).toBe('unauthorized');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(deps.getAccessToken).toHaveBeenCalledTimes(2);
  });
});

describe('failures', () => {
  it('names the offending field and, in English, what is wrong with it when a 200 body violates the schema', async () => {
    const broken = { ...validThread, messages: [{ ...validThread.messages[0], internalDate: 1700000000000 }] };
    const { fetch } = scriptedFetch([{ status: 200, body: broken }]);
    const { client } = clientWith(fetch);
    const error = await failure(client.getThreadForCard(THREAD_ID));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toContain('messages.0.internalDate: Invalid input: expected string, received number');
  });

  it('turns a rejected fetch into a network error without retrying', async () => {
    const { fetch } = scriptedFetch([new TypeError('Failed to fetch'), ok]);
    const { client } = clientWith(fetch);
    const error = await failure(client.getThreadForCard(THREAD_ID));
    expect(error).toMatchObject({ kind: 'network', message: 'Failed to fetch' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('gives up with a timeout error when Gmail does not answer within timeoutMs', async () => {
    const hanging = vi.fn(
      (_input: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
    const { client } = clientWith(hanging, { timeoutMs: 20 });
    expect((await failure(client.getThreadForCard(THREAD_ID))).kind).toBe('timeout');
  });
});
