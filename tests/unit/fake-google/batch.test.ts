/**
 * POST /batch/gmail/v1 framed as Google frames it, per-part errors inside a 200, the 100-part
 * limit, and latency counted once per HTTP round trip (a batch is one).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { batchBody, call, LABELS, parseBatchReply, READONLY, signIn, useDemoFake } from './helpers.ts';

const AGENT = 'agent@support.example';
const API = '/gmail/v1/users/me';
const demo = useDemoFake();
let token: string;
let threadIds: string[];

beforeEach(async () => {
  token = await signIn(demo.fake, AGENT, READONLY);
  threadIds = demo.fake.control.mailbox(AGENT).threads.map((t) => t.id);
});

const batch = (body: string, boundary = 'b0und4ry') =>
  call(demo.fake, 'gmail.googleapis.com', '/batch/gmail/v1', { method: 'POST', token, headers: { 'content-type': `multipart/mixed; boundary=${boundary}` }, body });

describe('batch framing', () => {
  it('answers multipart/mixed; boundary=batch_… with one application/http part per call, in order, Content-ID response-<id>', async () => {
    const calls = threadIds.slice(0, 3).map((id, i) => ({ id: `item${i + 1}`, path: `${API}/threads/${id}?format=metadata&metadataHeaders=Subject` }));
    const reply = await batch(batchBody('b0und4ry', calls));
    expect(reply.status).toBe(200);
    const parts = parseBatchReply(reply);
    expect(parts.map((p) => p.partHeaders)).toEqual(calls.map((c) => ({ 'content-type': 'application/http', 'content-id': `<response-${c.id}>` })));
    for (const [i, part] of parts.entries()) {
      expect(part.statusLine).toBe('HTTP/1.1 200 OK');
      expect(part.headers['content-type']).toBe('application/json; charset=UTF-8');
      expect(Number(part.headers['content-length'])).toBe(Buffer.byteLength(part.body));
      expect(JSON.parse(part.body)).toMatchObject({ id: threadIds[i] });
    }
  });

  it('answers each failing part with its own status and Google’s error body, inside a 200', async () => {
    const labelsOnly = await signIn(demo.fake, AGENT, LABELS);
    const rateLimited = threadIds[1] ?? '';
    demo.fake.control.addFault({ host: 'gmail.googleapis.com', pathIncludes: `/threads/${rateLimited}`, status: 429 });
    const reply = await batch(
      batchBody('b0und4ry', [
        { id: 'ok', path: `${API}/threads/${threadIds[0] ?? ''}?format=minimal` },
        { id: 'bad-token', path: `${API}/profile`, headers: { Authorization: 'Bearer ya29.revoked' } },
        { id: 'no-scope', path: `${API}/threads/${threadIds[0] ?? ''}`, headers: { Authorization: `Bearer ${labelsOnly}` } },
        { id: 'missing', path: `${API}/threads/0123456789abcdef` },
        { id: 'busy', path: `${API}/threads/${rateLimited}` },
      ]),
    );
    expect(reply.status).toBe(200);
    const parts = parseBatchReply(reply);
    expect(parts.map((p) => [p.partHeaders['content-id'], p.statusLine])).toEqual([
      ['<response-ok>', 'HTTP/1.1 200 OK'],
      ['<response-bad-token>', 'HTTP/1.1 401 Unauthorized'],
      ['<response-no-scope>', 'HTTP/1.1 403 Forbidden'],
      ['<response-missing>', 'HTTP/1.1 404 Not Found'],
      ['<response-busy>', 'HTTP/1.1 429 Too Many Requests'],
    ]);
    const reasons = parts.slice(1).map((p) => JSON.parse(p.body) as { error: { errors: { reason: string }[] } });
    expect(reasons.map((r) => r.error.errors[0]?.reason)).toEqual(['authError', 'insufficientPermissions', 'notFound', 'rateLimitExceeded']);
    expect(parts[1]?.headers['www-authenticate']).toContain('invalid_token');
    expect(parts[4]?.headers['retry-after']).toBe('1');
  });

  it('takes at most 100 calls: 100 are answered, 101 are refused as a whole', async () => {
    const calls = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, path: `${API}/labels` }));
    const hundred = await batch(batchBody('b0und4ry', calls(100)));
    expect(parseBatchReply(hundred)).toHaveLength(100);
    const tooMany = await batch(batchBody('b0und4ry', calls(101)));
    expect(tooMany.status).toBe(400);
    expect(tooMany.json<{ error: { message: string } }>().error.message).toBe('Inner request count exceeds the limit. Received: 101, Limit: 100');
  });

  it('logs the batch once and each part as its own call, charged like a single call', async () => {
    demo.fake.control.clearRequests();
    await batch(batchBody('b0und4ry', threadIds.slice(0, 4).map((id, i) => ({ id: `t${i}`, path: `${API}/threads/${id}?format=metadata` }))));
    const log = demo.fake.control.requests();
    expect(log.map((r) => r.apiMethod)).toEqual(['gmail.batch', ...Array<string>(4).fill('gmail.users.threads.get')]);
    expect(log.map((r) => r.quotaUnits)).toEqual([0, 40, 40, 40, 40]);
    expect(log.slice(1).every((r) => r.account === AGENT && r.status === 200)).toBe(true);
  });
});

describe('latency', () => {
  const timed = async (run: () => Promise<unknown>) => {
    const start = performance.now();
    await run();
    return performance.now() - start;
  };

  it('delays a batch once, however many parts it has, and each single API call once', async () => {
    demo.fake.control.setLatency(100);
    const calls = Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, path: `${API}/threads/${threadIds[i % threadIds.length] ?? ''}?format=metadata` }));
    const batchMs = await timed(() => batch(batchBody('b0und4ry', calls)));
    expect(batchMs).toBeGreaterThanOrEqual(95);
    expect(batchMs).toBeLessThan(190);
    const singleMs = await timed(() => call(demo.fake, 'gmail.googleapis.com', `${API}/profile`, { token }));
    expect(singleMs).toBeGreaterThanOrEqual(95);
    expect(singleMs).toBeLessThan(190);
  });

  it('delays OAuth and token endpoints but never the Gmail page', async () => {
    demo.fake.control.setLatency(100);
    expect(await timed(() => call(demo.fake, 'oauth2.googleapis.com', `/tokeninfo?access_token=${token}`))).toBeGreaterThanOrEqual(95);
    expect(await timed(() => call(demo.fake, 'mail.google.com', '/mail/u/0/'))).toBeLessThan(90);
    expect(await timed(() => call(demo.fake, 'mail.google.com', '/mail/u/0/__fake/view?hash=inbox'))).toBeLessThan(90);
  });
});
