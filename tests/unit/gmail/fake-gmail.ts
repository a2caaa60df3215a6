/**
 * A scripted fetch for the Gmail client: each call takes the next answer from a queue and is
 * recorded, so a test can say exactly what Gmail answered and count what the client sent.
 */
import { vi } from 'vitest';
import { type GmailCall, type GmailClientDeps, createGmailClient } from '../../../utils/gmail/client';
import type { RetryPolicy } from '../../../utils/gmail/retry';

export type Answer =
  | { status: number; body: unknown; headers?: Record<string, string> }
  /** A body sent as is (a batch's multipart answer). */
  | { status: number; raw: string; headers: Record<string, string> }
  | Error;

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

export const THREAD_ID = '18c0a1b2c3d40000';

export const validThread = {
  id: THREAD_ID,
  historyId: '4242',
  messages: [{ id: '18c0a1b2c3d50001', threadId: THREAD_ID, internalDate: '1700000000000', labelIds: ['INBOX'] }],
};

/** Google's real error envelope, as Gmail sends it. */
export function googleError(code: number, reason: string, status: string): unknown {
  return {
    error: {
      code,
      message: `Google says ${reason}`,
      errors: [{ domain: 'usageLimits', reason, message: `Google says ${reason}` }],
      status,
    },
  };
}

export function scriptedFetch(answers: Answer[]) {
  const requests: RecordedRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    requests.push({ url: String(input), method: init?.method ?? 'GET', headers: new Headers(init?.headers), body: String(init?.body ?? '') });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('the test gave no answer for this call');
    if (answer instanceof Error) throw answer;
    if ('raw' in answer) return new Response(answer.raw, { status: answer.status, headers: answer.headers });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json', ...answer.headers },
    });
  });
  return { fetch, requests };
}

export const TEST_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 30_000 };

/** A client over `fetch` whose token source, sleep and call log are spies the test can read. */
export function clientWith(fetch: typeof globalThis.fetch, overrides: Partial<GmailClientDeps> = {}) {
  const deps = {
    getAccessToken: vi.fn(async ({ forceRefresh }: { forceRefresh: boolean }) => (forceRefresh ? 'token-2' : 'token-1')),
    sleep: vi.fn(async (_ms: number) => {}),
    onCall: vi.fn((_call: GmailCall) => {}),
  };
  const client = createGmailClient({ fetch, random: () => 0.5, retryPolicy: TEST_POLICY, ...deps, ...overrides });
  return { client, deps };
}

/** Google's batch answer: one application/http part per call, as the Gmail batch guide shows. */
export function batchAnswer(parts: { id: string; status: number; body: unknown; headers?: Record<string, string> }[]): Answer {
  const text =
    parts
      .map(
        (part) =>
          `--batch_out\r\nContent-Type: application/http\r\nContent-ID: <response-${part.id}>\r\n\r\n` +
          `HTTP/1.1 ${part.status} X\r\nContent-Type: application/json; charset=UTF-8\r\n` +
          Object.entries(part.headers ?? {})
            .map(([name, value]) => `${name}: ${value}\r\n`)
            .join('') +
          `\r\n${JSON.stringify(part.body)}\r\n`,
      )
      .join('') + '--batch_out--\r\n';
  return { status: 200, raw: text, headers: { 'Content-Type': 'multipart/mixed; boundary=batch_out' } };
}
