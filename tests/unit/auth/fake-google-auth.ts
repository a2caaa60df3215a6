/**
 * Fakes of what the auth service talks to: Google's authorize endpoint as launchWebAuthFlow sees it
 * (answers built from the `state` of the requested URL), userinfo and revoke over fetch, and
 * storage.session as a Map.
 */
import { vi } from 'vitest';
import { type WebAuthFlowDetails, createAuthService } from '../../../utils/auth/auth-service';
import type { AccessCall } from '../../../utils/privacy/access-log';
import { type SessionArea, createTokenStore } from '../../../utils/auth/token-store';
import { GMAIL_READ_SCOPE } from '../../../utils/google/scopes';

export const REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
export const SCOPES = ['openid', 'email', 'profile', GMAIL_READ_SCOPE];
export const GRANTED_SCOPE = `email profile openid ${GMAIL_READ_SCOPE}`;

/** What Google's authorize page answers: a token, an error in the fragment, or a closed window. */
export type FlowReply = { token: string; scope?: string; expiresIn?: number } | { error: string } | Error;

export function mapSessionArea(): SessionArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    async get(key) {
      if (key === null) return Object.fromEntries(items);
      return items.has(key) ? { [key]: items.get(key) } : {};
    },
    async set(values) {
      for (const [key, value] of Object.entries(values)) items.set(key, value);
    },
    async remove(key) {
      items.delete(key);
    },
  };
}

export function setup(options: { userEmail?: string; now?: number } = {}) {
  const replies: FlowReply[] = [];
  const flows: WebAuthFlowDetails[] = [];
  let stateCounter = 0;
  let now = options.now ?? 1_700_000_000_000;
  let userEmail = options.userEmail ?? 'agent@acme.com';
  let gate: Promise<void> = Promise.resolve();

  const launchWebAuthFlow = vi.fn(async (details: WebAuthFlowDetails) => {
    flows.push(details);
    await gate;
    const reply = replies.shift() ?? { token: `token-${flows.length}` };
    if (reply instanceof Error) throw reply;
    const state = new URL(details.url).searchParams.get('state') ?? '';
    const fields: Record<string, string> =
      'error' in reply
        ? { state, error: reply.error }
        : {
            state,
            access_token: reply.token,
            token_type: 'Bearer',
            expires_in: String(reply.expiresIn ?? 3599),
            scope: reply.scope ?? GRANTED_SCOPE,
          };
    return `${REDIRECT_URI}#${new URLSearchParams(fields)}`;
  });

  const fetchCalls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    fetchCalls.push({ url, init });
    if (url === 'https://www.googleapis.com/oauth2/v3/userinfo') {
      return Response.json({ sub: '1', email: userEmail, name: 'Ana Agent' });
    }
    if (url === 'https://oauth2.googleapis.com/revoke') return new Response('{}', { status: 200 });
    return new Response('not found', { status: 404 });
  });

  const onUserInfo = vi.fn((_account: string, _call: AccessCall) => {});
  const area = mapSessionArea();
  const tokens = createTokenStore(area);
  const auth = createAuthService({
    clientId: 'client-123.apps.googleusercontent.com',
    redirectUri: REDIRECT_URI,
    launchWebAuthFlow,
    fetch: fetchMock,
    tokens,
    now: () => now,
    newState: () => `state-${++stateCounter}`,
    onUserInfo,
  });

  return {
    auth,
    tokens,
    area,
    replies,
    flows,
    launchWebAuthFlow,
    fetchMock,
    fetchCalls,
    onUserInfo,
    /** The query of the n-th authorize URL opened. */
    flowParams: (n: number) => new URL(flows[n]?.url ?? 'https://invalid/').searchParams,
    advance: (ms: number) => (now += ms),
    setUserEmail: (email: string) => (userEmail = email),
    /** Holds every flow until the returned function is called. */
    holdFlows(): () => void {
      let release = () => {};
      gate = new Promise((resolve) => (release = resolve));
      return release;
    },
  };
}
