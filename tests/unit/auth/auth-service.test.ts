import { describe, expect, it } from 'vitest';
import { AuthLostError } from '../../../utils/auth/auth-service';
import { GMAIL_READ_SCOPE } from '../../../utils/google/scopes';
import { SCOPES, setup } from './fake-google-auth';

const ACCOUNT = 'agent@acme.com';

async function lostReason(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AuthLostError)) throw new Error(`expected an AuthLostError, got ${String(error)}`);
  return error.reason;
}

describe('signIn', () => {
  it('stores the token under the confirmed account', async () => {
    const google = setup();
    google.replies.push({ token: 'ya29.first' });
    expect(await google.auth.signIn('Agent@Acme.com', SCOPES)).toEqual({ ok: true, email: ACCOUNT, name: 'Ana Agent' });
    expect((await google.tokens.get(ACCOUNT))?.accessToken).toBe('ya29.first');
    expect(google.flows[0]).toEqual({ url: expect.any(String), interactive: true });
    expect(google.flowParams(0).get('login_hint')).toBe('Agent@Acme.com');
    expect(google.flowParams(0).get('prompt')).toBeNull();
  });

  it('reports a mismatch and stores nothing when Google signs in another account', async () => {
    const google = setup({ userEmail: 'someone@else.com' });
    expect(await google.auth.signIn(ACCOUNT, SCOPES)).toEqual({
      ok: false,
      failure: { kind: 'mismatch', signedInAs: 'someone@else.com' },
    });
    expect(google.area.items.size).toBe(0);
  });

  it.each([
    ['the user closes the window', new Error('The user did not approve access.')],
    ['the user denies access', { error: 'access_denied' }],
  ])('is cancelled when %s', async (_, reply) => {
    const google = setup();
    google.replies.push(reply);
    expect(await google.auth.signIn(ACCOUNT, SCOPES)).toEqual({ ok: false, failure: { kind: 'cancelled' } });
    expect(google.area.items.size).toBe(0);
  });

  it('fails with a detail for any other Google error', async () => {
    const google = setup();
    google.replies.push({ error: 'server_error' });
    expect(await google.auth.signIn(ACCOUNT, SCOPES)).toMatchObject({ ok: false, failure: { kind: 'failed' } });
  });
});

describe('the userinfo read in the access log (F7)', () => {
  const read = (items: number, ok: boolean, status: number) => ({ method: 'oauth2.userinfo.get', category: 'profile', items, ok, status });

  it('is filed under the account Google confirmed, even one that does not match the tab', async () => {
    const google = setup({ userEmail: 'Someone@Else.com' });
    await google.auth.signIn(ACCOUNT, SCOPES);
    expect(google.onUserInfo.mock.calls).toEqual([['someone@else.com', read(1, true, 200)]]);
  });

  it('is filed under the expected account when Google refuses it, and under none without one', async () => {
    const google = setup();
    google.fetchMock.mockResolvedValueOnce(new Response('{}', { status: 401 }));
    google.fetchMock.mockResolvedValueOnce(new Response('{}', { status: 401 }));
    await google.auth.signIn('Agent@Acme.com', SCOPES);
    await google.auth.signIn(null, SCOPES);
    expect(google.onUserInfo.mock.calls).toEqual([[ACCOUNT, read(0, false, 401)]]);
  });
});

describe('getAccessToken', () => {
  async function signedIn() {
    const google = setup();
    google.replies.push({ token: 'ya29.first' });
    await google.auth.signIn(ACCOUNT, SCOPES);
    google.launchWebAuthFlow.mockClear();
    google.flows.length = 0;
    return google;
  }

  it('returns the stored token while it is fresh, without opening a flow', async () => {
    const google = await signedIn();
    expect(await google.auth.getAccessToken(ACCOUNT, SCOPES, false)).toBe('ya29.first');
    expect(google.launchWebAuthFlow).not.toHaveBeenCalled();
  });

  it.each([
    ['expired', (g: Awaited<ReturnType<typeof signedIn>>) => g.advance(3_600_000), SCOPES, false],
    ['about to expire', (g: Awaited<ReturnType<typeof signedIn>>) => g.advance(3_599_000 - 30_000), SCOPES, false],
    ['missing a scope', () => {}, [...SCOPES, 'https://www.googleapis.com/auth/gmail.labels'], false],
    ['forced', () => {}, SCOPES, true],
  ])('refreshes silently when the token is %s', async (_, arrange, scopes, force) => {
    const google = await signedIn();
    arrange(google);
    google.replies.push({ token: 'ya29.second', scope: scopes.join(' ') });
    expect(await google.auth.getAccessToken(ACCOUNT, scopes, force)).toBe('ya29.second');
    expect(google.flows).toEqual([
      { url: expect.any(String), interactive: false, abortOnLoadForNonInteractive: true, timeoutMsForNonInteractive: 10_000 },
    ]);
    expect(google.flowParams(0).get('prompt')).toBe('none');
    expect(google.flowParams(0).get('login_hint')).toBe(ACCOUNT);
    expect((await google.tokens.get(ACCOUNT))?.accessToken).toBe('ya29.second');
  });

  it('refreshes silently when no token is stored (after a browser restart)', async () => {
    const google = setup();
    expect(await google.auth.getAccessToken(ACCOUNT, [GMAIL_READ_SCOPE], false)).toBe('token-1');
  });

  it.each([
    ['consent_required', 'revoked'],
    ['access_denied', 'revoked'],
    ['interaction_required', 'needs-interaction'],
    ['login_required', 'needs-interaction'],
  ])('turns a silent %s into AuthLostError %s', async (error, reason) => {
    const google = setup();
    google.replies.push({ error });
    expect(await lostReason(google.auth.getAccessToken(ACCOUNT, SCOPES, false))).toBe(reason);
  });

  it('needs interaction when the silent flow rejects (Google wanted to show a page)', async () => {
    const google = setup();
    google.replies.push(new Error('User interaction required.'));
    expect(await lostReason(google.auth.getAccessToken(ACCOUNT, SCOPES, true))).toBe('needs-interaction');
  });

  it('shares one silent flow between concurrent callers', async () => {
    const google = setup();
    const release = google.holdFlows();
    const both = Promise.all([
      google.auth.getAccessToken(ACCOUNT, SCOPES, false),
      google.auth.getAccessToken(ACCOUNT, SCOPES, false),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    expect(await both).toEqual(['token-1', 'token-1']);
    expect(google.launchWebAuthFlow).toHaveBeenCalledTimes(1);
  });

  it('opens a new flow after a failed one', async () => {
    const google = setup();
    google.replies.push({ error: 'interaction_required' });
    await lostReason(google.auth.getAccessToken(ACCOUNT, SCOPES, false));
    expect(await google.auth.getAccessToken(ACCOUNT, SCOPES, false)).toBe('token-2');
  });
});

describe('revoke', () => {
  function revokeCalls(google: ReturnType<typeof setup>) {
    return google.fetchCalls.filter((call) => call.url === 'https://oauth2.googleapis.com/revoke');
  }

  it('posts the token as a form body to Google and forgets it', async () => {
    const google = setup();
    google.replies.push({ token: 'ya29.first' });
    await google.auth.signIn(ACCOUNT, SCOPES);
    expect(await google.auth.revoke(ACCOUNT, SCOPES)).toEqual({ revokedAtGoogle: true });
    const [call] = revokeCalls(google);
    expect(call?.init?.method).toBe('POST');
    expect(String(call?.init?.body)).toBe('token=ya29.first');
    expect(new Headers(call?.init?.headers).get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(await google.tokens.get(ACCOUNT)).toBeNull();
  });

  it('gets a token silently first when none is stored', async () => {
    const google = setup();
    google.replies.push({ token: 'ya29.silent' });
    expect(await google.auth.revoke(ACCOUNT, SCOPES)).toEqual({ revokedAtGoogle: true });
    expect(google.flows[0]?.interactive).toBe(false);
    expect(String(revokeCalls(google)[0]?.init?.body)).toBe('token=ya29.silent');
    expect(await google.tokens.get(ACCOUNT)).toBeNull();
  });

  it('forgets the token even when Google cannot be reached', async () => {
    const google = setup();
    google.replies.push({ token: 'ya29.first' });
    await google.auth.signIn(ACCOUNT, SCOPES);
    google.fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await google.auth.revoke(ACCOUNT, SCOPES)).toEqual({ revokedAtGoogle: false });
    expect(await google.tokens.get(ACCOUNT)).toBeNull();
  });

  it('calls nothing when there is no grant to revoke', async () => {
    const google = setup();
    google.replies.push({ error: 'consent_required' });
    expect(await google.auth.revoke(ACCOUNT, SCOPES)).toEqual({ revokedAtGoogle: false });
    expect(revokeCalls(google)).toEqual([]);
  });
});
