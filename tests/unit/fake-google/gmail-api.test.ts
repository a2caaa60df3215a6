import { beforeEach, describe, expect, it } from 'vitest';
import { threadSchema, messageSchema, threadListSchema, profileSchema, googleErrorSchema } from '../../../utils/gmail/schemas.ts';
import type { GmailMessagePartResource } from '../../fake-google/index.ts';
import { call, LABELS, METADATA, READONLY, signIn, useDemoFake } from './helpers.ts';

const AGENT = 'agent@support.example';
const API = '/gmail/v1/users/me';
const demo = useDemoFake();
let token: string;

beforeEach(async () => {
  token = await signIn(demo.fake, AGENT, READONLY);
});

const gmail = (path: string, t = token) => call(demo.fake, 'gmail.googleapis.com', `${API}${path}`, { token: t });

function threadWithAttachments(): string {
  const thread = demo.fake.control.mailbox(AGENT).threads.find((t) => t.messages.some((m) => m.payload.mimeType === 'multipart/mixed'));
  return thread?.id ?? '';
}

describe('gmail.googleapis.com resources', () => {
  it('serves the profile and labels', async () => {
    expect(profileSchema.parse((await gmail('/profile')).json()).emailAddress).toBe(AGENT);
    const labels = (await gmail('/labels')).json<{ labels: { id: string; type: string }[] }>().labels;
    expect(labels.map((l) => l.id)).toEqual(expect.arrayContaining(['INBOX', 'SENT', 'DRAFT', 'UNREAD', 'Label_1']));
  });

  it('returns threads.get format=full as Gmail does: string ids/dates, partIds, padded base64url bodies, attachment ids', async () => {
    const reply = await gmail(`/threads/${threadWithAttachments()}`);
    expect(reply.headers['content-type']).toBe('application/json; charset=UTF-8');
    const thread = threadSchema.parse(reply.json());
    const message = thread.messages[0];
    expect(message?.id).toBe(thread.id);
    expect(message?.internalDate).toMatch(/^\d+$/);
    const payload = reply.json<{ messages: { payload: GmailMessagePartResource }[] }>().messages[0]?.payload;
    expect(payload?.partId).toBe('');
    expect(payload?.mimeType).toBe('multipart/mixed');
    expect(payload?.parts?.map((p) => p.partId)).toEqual(['0', '1', '2']);
    expect(payload?.parts?.[0]?.parts?.map((p) => [p.partId, p.mimeType])).toEqual([['0.0', 'text/plain'], ['0.1', 'text/html']]);
    const text = payload?.parts?.[0]?.parts?.[0]?.body;
    expect(Buffer.from(text?.data ?? '', 'base64url').toString('utf8')).toContain('Attached are the invoice');
    expect(text?.size).toBe(Buffer.from(text?.data ?? '', 'base64url').length);
    const pdf = payload?.parts?.[1];
    expect(pdf).toMatchObject({ filename: 'invoice-2026-1142.pdf', mimeType: 'application/pdf', body: { size: 48_213 } });
    expect(pdf?.body.attachmentId).toBeTypeOf('string');
    const attachment = await gmail(`/messages/${message?.id ?? ''}/attachments/${pdf?.body.attachmentId ?? ''}`);
    expect(Buffer.from(attachment.json<{ data: string }>().data, 'base64url').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('pads base64url bodies with = like Google', async () => {
    const threads = demo.fake.control.mailbox(AGENT).threads;
    const datas = threads.flatMap((t) => t.messages.map((m) => m.payload.body.data ?? m.payload.parts?.[0]?.body.data ?? ''));
    expect(datas.every((d) => /^[A-Za-z0-9_-]*=*$/.test(d) && d.length % 4 === 0)).toBe(true);
  });

  it('keeps RFC 2047 encoded words in header values', async () => {
    const list = (await gmail('/threads?q=from:joao.conceicao@exemplo.com.br')).json<{ threads: { id: string }[] }>();
    const thread = (await gmail(`/threads/${list.threads[0]?.id ?? ''}?format=metadata&metadataHeaders=from`)).json<{ messages: { payload: { headers: { name: string; value: string }[] } }[] }>();
    expect(thread.messages[0]?.payload.headers).toEqual([{ name: 'From', value: '=?UTF-8?B?Sm/Do28gQ29uY2Vpw6fDo28=?= <joao.conceicao@exemplo.com.br>' }]);
  });

  it('returns format=metadata with only the asked headers (case-insensitive) and no bodies; minimal without payload', async () => {
    const id = threadWithAttachments();
    const meta = (await gmail(`/threads/${id}?format=metadata&metadataHeaders=SUBJECT&metadataHeaders=from`)).json<{ messages: Record<string, unknown>[] }>();
    expect(meta.messages[0]?.['payload']).toEqual({
      mimeType: 'multipart/mixed',
      headers: [
        { name: 'Subject', value: 'Invoice and screenshot of the error' },
        { name: 'From', value: 'Lena Fischer <lena.fischer@fischer-design.example>' },
      ],
    });
    expect(meta.messages[0]?.['snippet']).toContain('Attached are the invoice');
    const minimal = (await gmail(`/threads/${id}?format=minimal`)).json<{ messages: Record<string, unknown>[] }>();
    expect(Object.keys(minimal.messages[0] ?? {})).not.toContain('payload');
    expect(messageSchema.parse(minimal.messages[0]).labelIds).toContain('INBOX');
  });

  it('trims responses to fields, with nested parentheses and a/b paths, and rejects a malformed mask', async () => {
    const id = threadWithAttachments();
    const fields = encodeURIComponent('id,messages(id,internalDate,payload(headers,parts(filename,body/size)))');
    const trimmed = (await gmail(`/threads/${id}?fields=${fields}`)).json<Record<string, unknown>>();
    expect(Object.keys(trimmed)).toEqual(['id', 'messages']);
    const message = (trimmed['messages'] as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(message).sort()).toEqual(['id', 'internalDate', 'payload']);
    const parts = (message['payload'] as { parts: Record<string, unknown>[] }).parts;
    expect(parts[1]).toEqual({ filename: 'invoice-2026-1142.pdf', body: { size: 48_213 } });
    const bad = await gmail(`/threads/${id}?fields=${encodeURIComponent('messages(id')}`);
    expect(bad.status).toBe(400);
    expect(googleErrorSchema.parse(bad.json()).error.errors?.[0]?.reason).toBe('invalidParameter');
  });

  it('serves messages.get format=raw as the base64url MIME message', async () => {
    const id = threadWithAttachments();
    const raw = (await gmail(`/messages/${id}?format=raw`)).json<{ raw: string; payload?: unknown }>();
    expect(raw.payload).toBeUndefined();
    const mime = Buffer.from(raw.raw, 'base64url').toString('utf8');
    expect(mime).toMatch(/^Delivered-To: agent@support.example\r\nMIME-Version: 1.0\r\n/);
    expect(mime).toContain('Content-Type: multipart/mixed; boundary=');
    expect(mime).toContain('Content-Disposition: attachment; filename="checkout-error.png"');
    expect(mime).toMatch(/Message-ID: <[^>]+>/);
  });

  it('chains In-Reply-To and References through a thread', async () => {
    const thread = demo.fake.control.mailbox(AGENT).threads.find((t) => t.messages.length === 3);
    const header = (i: number, name: string) => thread?.messages[i]?.payload.headers.find((h) => h.name === name)?.value;
    expect(header(2, 'In-Reply-To')).toBe(header(1, 'Message-ID'));
    expect(header(2, 'References')).toBe(`${header(0, 'Message-ID') ?? ''} ${header(1, 'Message-ID') ?? ''}`);
  });
});

describe('gmail.googleapis.com errors and scopes', () => {
  it('answers 404 notFound for unknown ids and 400 for invalid ids', async () => {
    const missing = await gmail('/threads/0123456789abcdef');
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({
      error: { code: 404, message: 'Requested entity was not found.', errors: [{ message: 'Requested entity was not found.', domain: 'global', reason: 'notFound' }], status: 'NOT_FOUND' },
    });
    const invalid = await gmail('/threads/FMfcgzQXJWDsKLwPgdvzRgcGqdPxhVcS');
    expect(invalid.status).toBe(400);
    expect(googleErrorSchema.parse(invalid.json()).error.message).toBe('Invalid id value');
    expect((await gmail(`/threads/${threadWithAttachments()}?format=raw`)).status).toBe(400);
  });

  it('answers 401 with Google’s body and WWW-Authenticate for missing and bad tokens', async () => {
    const none = await call(demo.fake, 'gmail.googleapis.com', `${API}/profile`);
    expect(none.status).toBe(401);
    const bad = await gmail('/profile', 'ya29.invalid');
    expect(bad.status).toBe(401);
    expect(bad.headers['www-authenticate']).toBe('Bearer realm="https://accounts.google.com/", error="invalid_token"');
    expect(bad.json()).toEqual({
      error: {
        code: 401,
        message: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
        errors: [{ message: 'Invalid Credentials', domain: 'global', reason: 'authError', location: 'Authorization', locationType: 'header' }],
        status: 'UNAUTHENTICATED',
      },
    });
  });

  it('answers 403 insufficientPermissions when no accepted scope was granted', async () => {
    const labelsOnly = await signIn(demo.fake, AGENT, LABELS);
    expect((await gmail('/labels', labelsOnly)).status).toBe(200);
    const denied = await gmail('/threads', labelsOnly);
    expect(denied.status).toBe(403);
    const body = denied.json<{ error: { errors: { reason: string }[]; status: string; details: { reason: string }[] } }>();
    expect(body.error.errors[0]?.reason).toBe('insufficientPermissions');
    expect(body.error.status).toBe('PERMISSION_DENIED');
    expect(body.error.details[0]?.reason).toBe('ACCESS_TOKEN_SCOPE_INSUFFICIENT');
  });

  it('springs the gmail.metadata trap even when gmail.readonly is granted too', async () => {
    const both = await signIn(demo.fake, AGENT, `${READONLY} ${METADATA}`);
    const q = await gmail('/threads?q=from:maria', both);
    expect(q.status).toBe(403);
    expect(googleErrorSchema.parse(q.json()).error.message).toBe("Metadata scope does not support 'q' parameter");
    const full = await gmail(`/threads/${threadWithAttachments()}`, both);
    expect(googleErrorSchema.parse(full.json()).error.message).toBe("Metadata scope doesn't allow format FULL");
    expect((await gmail(`/threads/${threadWithAttachments()}?format=metadata`, both)).status).toBe(200);
  });

  it('refuses another user id', async () => {
    const other = await call(demo.fake, 'gmail.googleapis.com', '/gmail/v1/users/lead@support.example/profile', { token });
    expect(other.status).toBe(403);
    expect((await call(demo.fake, 'gmail.googleapis.com', `/gmail/v1/users/${AGENT}/profile`, { token })).status).toBe(200);
  });

  it('answers CORS preflights like Google', async () => {
    const reply = await call(demo.fake, 'gmail.googleapis.com', `${API}/threads`, {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://ihefhopcannekhkalefikoekgclgolgl', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['access-control-allow-origin']).toBe('chrome-extension://ihefhopcannekhkalefikoekgclgolgl');
    expect(reply.headers['access-control-allow-headers']).toBe('authorization');
  });

  it('answers a batch request part by part, each logged and charged', async () => {
    const id = threadWithAttachments();
    const body = [
      `--b\r\nContent-Type: application/http\r\nContent-ID: <one>\r\n\r\nGET ${API}/threads/${id}?format=minimal\r\n\r\n`,
      `--b\r\nContent-Type: application/http\r\nContent-ID: <two>\r\n\r\nGET ${API}/threads/0123456789abcdef\r\n\r\n`,
      '--b--\r\n',
    ].join('');
    demo.fake.control.clearRequests();
    const reply = await call(demo.fake, 'gmail.googleapis.com', '/batch/gmail/v1', { method: 'POST', token, headers: { 'content-type': 'multipart/mixed; boundary=b' }, body });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^multipart\/mixed; boundary=batch_/);
    expect(reply.text).toContain('Content-ID: <response-one>\r\n\r\nHTTP/1.1 200 OK');
    expect(reply.text).toContain('Content-ID: <response-two>\r\n\r\nHTTP/1.1 404 Not Found');
    const threadsGets = demo.fake.control.requests().filter((r) => r.apiMethod === 'gmail.users.threads.get');
    expect(threadsGets.map((r) => r.quotaUnits)).toEqual([40, 40]);
  });
});

describe('threads.list and messages.list', () => {
  it('lists newest first with Google’s shape', async () => {
    const list = threadListSchema.parse((await gmail('/threads?maxResults=3')).json());
    expect(list.threads).toHaveLength(3);
    expect(list.nextPageToken).toMatch(/^\d+$/);
    expect(list.resultSizeEstimate).toBe(8);
    const first = demo.fake.control.mailbox(AGENT).threads.find((t) => t.id === list.threads?.[0]?.id);
    expect(first?.messages[0]?.snippet).toContain('lamp base is cracked');
    const messages = (await gmail('/messages?q=from:maria.silva@acme-retail.example')).json<{ messages: { id: string; threadId: string }[] }>();
    expect(messages.messages).toHaveLength(3);
  });

  it.each([
    ['from:maria.silva@acme-retail.example', 2],
    ['from:"João Conceição"', 1],
    ['from:renée', 1],
    ['to:bob@support.example', 1],
    ['cc:bob@support.example', 1],
    ['subject:(order damaged)', 1],
    ['subject:"wholesale pricing"', 1],
    ['in:sent', 2],
    ['label:customers-vip', 1],
    ['is:unread from:kenji', 1],
    ['from:priya.n@northwind.example OR to:priya.n@northwind.example OR cc:priya.n@northwind.example', 0],
    ['priya.n@northwind.example', 1],
    ['{from:tom@becker-logistics.example from:lena.fischer@fischer-design.example}', 2],
    ['from:(tom@becker-logistics.example OR kenji.watanabe@sakura-foods.example)', 2],
    ['maria -subject:billing', 1],
    // Gmail reads dates as midnight Pacific time: 2026-11-23T08:00Z to 2026-11-24T08:00Z.
    ['after:2026/11/23 before:2026/11/24', 3],
    [`after:${Date.parse('2026-11-24T00:00:00Z') / 1000}`, 2],
    ['has:attachment filename:pdf', 1],
    ['(from:maria OR from:lena) has:attachment', 1],
  ])('finds threads for q=%s', async (q, expected) => {
    const reply = await gmail(`/threads?q=${encodeURIComponent(q)}`);
    expect(reply.status).toBe(200);
    expect(reply.json<{ resultSizeEstimate: number }>().resultSizeEstimate).toBe(expected);
  });

  it('pages through 250 threads without duplicates or gaps', async () => {
    const base = Date.parse('2025-01-01T00:00:00Z');
    for (let i = 0; i < 250; i++) {
      demo.fake.control.addThread('lead@support.example', {
        messages: [{ from: `Customer ${i} <c${i}@bulk.example>`, to: 'lead@support.example', subject: `Ticket ${i}`, date: base + i * 3_600_000, text: `Issue ${i}` }],
      });
    }
    const leadToken = await signIn(demo.fake, 'lead@support.example', READONLY);
    const seen: string[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const reply = await gmail(`/threads?q=from:bulk.example&maxResults=100${pageToken === '' ? '' : `&pageToken=${pageToken}`}`, leadToken);
      const body = reply.json<{ threads: { id: string }[]; nextPageToken?: string; resultSizeEstimate: number }>();
      expect(body.resultSizeEstimate).toBe(250);
      seen.push(...body.threads.map((t) => t.id));
      pageToken = body.nextPageToken ?? '';
      pages++;
    } while (pageToken !== '');
    expect(pages).toBe(3);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    const sorted = [...seen].sort((a, b) => (BigInt(`0x${b}`) > BigInt(`0x${a}`) ? 1 : -1));
    expect(seen).toEqual(sorted);
  });
});
