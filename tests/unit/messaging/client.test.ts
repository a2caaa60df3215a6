import { describe, expect, it, vi } from 'vitest';
import { sendPanelRequest } from '../../../utils/messaging/client';
import { view, THREAD_A } from '../panel/fixtures';

describe('sendPanelRequest', () => {
  it.each([
    ['a sign-in result', { type: 'auth/sign-in', tabId: 7 } as const, { ok: true, data: { email: 'agent@acme.com', name: 'Ana' } }],
    ['a sign-out result', { type: 'auth/sign-out', tabId: 7 } as const, { ok: true, data: null }],
    ['a conversation', { type: 'conversation/get', tabId: 7, source: 'cache' } as const, { ok: true, data: view(THREAD_A, 'cache') }],
    ['no cached conversation', { type: 'conversation/get', tabId: 7, source: 'cache' } as const, { ok: true, data: null }],
    ['an error value', { type: 'conversation/get', tabId: 7, source: 'network' } as const, { ok: false, error: { code: 'offline', detail: 'Failed to fetch' } }],
  ])('returns %s as the background sent it', async (_, request, answer) => {
    const send = vi.fn(async () => answer);
    expect(await sendPanelRequest(send, request)).toEqual(answer);
    expect(send).toHaveBeenCalledWith(request);
  });

  it('lowercases the signed-in email on the way in', async () => {
    const send = async () => ({ ok: true, data: { email: 'Agent@ACME.com', name: 'Ana' } });
    expect(await sendPanelRequest(send, { type: 'auth/sign-in', tabId: 7 })).toEqual({
      ok: true,
      data: { email: 'agent@acme.com', name: 'Ana' },
    });
  });

  it.each([
    ['nothing (the worker was restarting)', undefined],
    ['a bare value', 'ok'],
    ['data for another request', { ok: true, data: null }],
    ['a conversation of the wrong shape', { ok: true, data: { conversation: { threadId: 'XYZ' }, source: 'cache', fetchedAt: 1 } }],
    ['an unknown error code', { ok: false, error: { code: 'kaboom' } }],
    ['ok without data', { ok: true }],
  ])('turns %s into an internal error value', async (_, answer) => {
    const result = await sendPanelRequest(async () => answer, { type: 'auth/sign-in', tabId: 7 });
    expect(result).toEqual({ ok: false, error: { code: 'internal', detail: 'the background sent an answer of the wrong shape' } });
  });

  it('turns a rejected send into an internal error value with the reason', async () => {
    const send = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    expect(await sendPanelRequest(send, { type: 'auth/sign-out', tabId: 7 })).toEqual({
      ok: false,
      error: { code: 'internal', detail: 'Could not establish connection. Receiving end does not exist.' },
    });
  });
});
