import { beforeEach, describe, expect, it } from 'vitest';
import { call, READONLY, signIn, useDemoFake } from './helpers.ts';

const AGENT = 'agent@support.example';
const demo = useDemoFake();
let token: string;
let threadId: string;

beforeEach(async () => {
  token = await signIn(demo.fake, AGENT, READONLY);
  threadId = demo.fake.control.mailbox(AGENT).threads[0]?.id ?? '';
});

const gmail = (path: string, timeoutMs?: number) =>
  call(demo.fake, 'gmail.googleapis.com', `/gmail/v1/users/me${path}`, { token, ...(timeoutMs === undefined ? {} : { timeoutMs }) });

describe('quota', () => {
  it('logs each request with its API method, account, scopes and quota units', async () => {
    demo.fake.control.clearRequests();
    await gmail('/profile');
    await gmail('/threads');
    await gmail(`/threads/${threadId}`);
    await gmail(`/messages/${threadId}?format=metadata`);
    const log = demo.fake.control.requests();
    expect(log.map((r) => [r.apiMethod, r.quotaUnits, r.status])).toEqual([
      ['gmail.users.getProfile', 1, 200],
      ['gmail.users.threads.list', 10, 200],
      ['gmail.users.threads.get', 40, 200],
      ['gmail.users.messages.get', 20, 200],
    ]);
    expect(log[0]).toMatchObject({ host: 'gmail.googleapis.com', account: AGENT, scopes: [READONLY], faulted: false });
    expect(log[3]?.query).toEqual({ format: 'metadata' });
  });

  it('enforces 6,000 units per user per minute with 429 and Retry-After, on the demo.fake clock', async () => {
    const start = Date.now();
    demo.fake.control.setNow(start);
    for (let i = 0; i < 150; i++) expect((await gmail(`/threads/${threadId}?format=minimal`)).status).toBe(200);
    const over = await gmail(`/threads/${threadId}?format=minimal`);
    expect(over.status).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    const body = over.json<{ error: { code: number; status: string; errors: { reason: string }[] } }>();
    expect(body.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
    expect(body.error.errors[0]?.reason).toBe('rateLimitExceeded');
    expect((await gmail('/profile')).status).toBe(429);
    demo.fake.control.setNow(start + 61_000);
    expect((await gmail(`/threads/${threadId}`)).status).toBe(200);
  });
});

describe('faults', () => {
  it('answers a Google-shaped error for the status, `times` times, then recovers', async () => {
    demo.fake.control.addFault({ host: 'gmail.googleapis.com', pathIncludes: '/threads/', status: 503, times: 2 });
    const first = await gmail(`/threads/${threadId}`);
    expect(first.status).toBe(503);
    expect(first.json<{ error: { errors: { reason: string }[] } }>().error.errors[0]?.reason).toBe('backendError');
    expect((await gmail(`/threads/${threadId}`)).status).toBe(503);
    expect((await gmail(`/threads/${threadId}`)).status).toBe(200);
    expect(demo.fake.control.requests().filter((r) => r.faulted).length).toBe(2);
  });

  it('sends 429 with Retry-After and custom headers', async () => {
    demo.fake.control.addFault({ pathIncludes: 'threads', status: 429, headers: { 'Retry-After': '7' } });
    const reply = await gmail('/threads');
    expect(reply.status).toBe(429);
    expect(reply.headers['retry-after']).toBe('7');
    expect(reply.json<{ error: { errors: { reason: string }[] } }>().error.errors[0]?.reason).toBe('rateLimitExceeded');
  });

  it('hangs until the client gives up', async () => {
    demo.fake.control.addFault({ pathIncludes: '/profile', status: 200, hang: true });
    await expect(gmail('/profile', 300)).rejects.toThrow('client timeout');
    expect((await gmail('/profile')).status).toBe(200);
  });

  it('delays a response by delayMs and adds latency to API hosts only', async () => {
    demo.fake.control.addFault({ pathIncludes: '/profile', status: 200, delayMs: 150 });
    let start = performance.now();
    expect((await gmail('/profile')).status).toBe(200);
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
    demo.fake.control.setLatency(100);
    start = performance.now();
    await call(demo.fake, 'mail.google.com', '/mail/u/0/');
    expect(performance.now() - start).toBeLessThan(90);
    start = performance.now();
    await gmail('/profile');
    expect(performance.now() - start).toBeGreaterThanOrEqual(90);
  });

  it('answers 200 with a schema-violating body when malformed', async () => {
    demo.fake.control.addFault({ pathIncludes: '/threads/', status: 200, malformed: true });
    const reply = await gmail(`/threads/${threadId}`);
    expect(reply.status).toBe(200);
    expect(typeof reply.json<{ id: unknown }>().id).not.toBe('string');
  });
});

describe('HTTP control API', () => {
  it('answers on 127.0.0.1 only, validates bodies, and mirrors the in-process control', async () => {
    const control = (path: string, method = 'GET', body?: unknown) =>
      call(demo.fake, '127.0.0.1', `/__control${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    expect((await control('/latency', 'POST', { ms: -5 })).status).toBe(400);
    expect((await control('/faults', 'POST', { status: 500, pathIncludes: '/profile' })).status).toBe(200);
    expect((await gmail('/profile')).status).toBe(500);
    expect((await control('/requests')).json<unknown[]>().length).toBeGreaterThan(0);
    expect((await control('/revoke', 'POST', { accountEmail: AGENT })).status).toBe(200);
    expect((await gmail('/profile')).status).toBe(401);
    const mailbox = (await control(`/mailbox?account=${AGENT}`)).json<{ threads: unknown[] }>();
    expect(mailbox.threads).toHaveLength(8);
    expect((await call(demo.fake, 'mail.google.com', '/__control/requests')).status).toBe(404);
  });
});
