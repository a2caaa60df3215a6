/**
 * users.drafts.* on the fake: Gmail's threading rules for a draft's message, the Draft resource of
 * each method, bodies the proto layer refuses, scopes, history records, quota, the control API's
 * drafts and web-UI edits, and how the fake Gmail page shows a draft in its conversation.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { bodyText, headerValue, parseEntity, type ParsedEntity } from '../../fake-google/mime-parse.ts';
import { call, COMPOSE, MAIL, METADATA, MODIFY, READONLY, signIn, useDemoFake, type Reply } from './helpers.ts';

const AGENT = 'agent@support.example';
const MARIA = 'maria.silva@acme-retail.example';
const API = '/gmail/v1/users/me';
/** After the demo seed's mail, so drafts are the newest messages. */
const NOW = Date.UTC(2026, 10, 25, 10);
const demo = useDemoFake();
let token: string;

beforeEach(async () => {
  demo.fake.control.setNow(NOW);
  token = await signIn(demo.fake, AGENT, COMPOSE);
});

const send = (method: string, path: string, body?: unknown, t = token): Promise<Reply> =>
  call(demo.fake, 'gmail.googleapis.com', `${API}${path}`, {
    method,
    token: t,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
const get = (path: string, t = token): Promise<Reply> => send('GET', path, undefined, t);

interface DraftBody {
  id: string;
  message: { id: string; threadId: string; labelIds: string[] };
}
interface ThreadBody {
  id: string;
  historyId: string;
  messages: { id: string; labelIds: string[]; internalDate: string }[];
}
interface ErrorBody {
  error: { code: number; message: string; errors: { message: string; domain?: string; reason: string }[]; status: string; details?: unknown[] };
}
interface HistoryBody {
  history?: {
    messagesAdded?: { message: { id: string; threadId: string; labelIds: string[] } }[];
    messagesDeleted?: { message: { id: string; threadId: string; labelIds: string[] } }[];
  }[];
}

/** The demo's thread "Updating our billing address": its id, mail (drafts aside) and last Message-ID. */
function billingThread(): { id: string; lastMessageId: string; messageIds: string[] } {
  const thread = demo.fake.control.mailbox(AGENT).threads.find((t) => t.messages[0]?.payload.headers.some((h) => h.name === 'Subject' && h.value === 'Updating our billing address'));
  const mail = thread?.messages.filter((m) => !m.labelIds.includes('DRAFT')) ?? [];
  const last = mail.at(-1);
  if (thread === undefined || last === undefined) throw new Error('the demo seed lost its billing thread');
  const lastMessageId = last.payload.headers.find((h) => h.name === 'Message-ID')?.value ?? '';
  return { id: thread.id, lastMessageId, messageIds: mail.map((m) => m.id) };
}

/** An RFC 822 message (CRLF, no Message-ID unless given) from header pairs and a plain-text body. */
function rfc822(headers: Record<string, string>, text: string): string {
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join('\r\n');
  return `${head}\r\nContent-Type: text/plain; charset="UTF-8"\r\n\r\n${text}\r\n`;
}

function reply(overrides: Record<string, string> = {}, text = 'Hi Maria, the address is updated.'): string {
  const { lastMessageId } = billingThread();
  return rfc822({ From: `Ana Agent <${AGENT}>`, To: `Maria Silva <${MARIA}>`, Subject: 'Re: Updating our billing address', 'In-Reply-To': lastMessageId, References: lastMessageId, ...overrides }, text);
}

const b64 = (raw: string): string => Buffer.from(raw, 'utf8').toString('base64url');
const create = (raw: string, threadId?: string, t = token): Promise<Reply> =>
  send('POST', '/drafts', { message: { raw: b64(raw), ...(threadId === undefined ? {} : { threadId }) } }, t);

async function created(raw: string, threadId?: string): Promise<DraftBody> {
  const answer = await create(raw, threadId);
  expect(answer.status).toBe(200);
  return answer.json<DraftBody>();
}

function entityOfRaw(base64: string): ParsedEntity {
  return parseEntity(Buffer.from(base64, 'base64').toString('utf8'));
}

const gmailError = (code: number, message: string, reason: string, status: string): ErrorBody => ({
  error: { code, message, errors: [{ message, domain: 'global', reason }], status },
});

describe('users.drafts.create', () => {
  it('puts a reply into its thread when threadId, In-Reply-To/References and the subject agree', async () => {
    const { id: threadId, messageIds } = billingThread();
    const answer = await create(reply(), threadId);
    expect(answer.status).toBe(200);
    const draft = answer.json<DraftBody>();
    expect(Object.keys(draft)).toEqual(['id', 'message']);
    expect(draft.id).toMatch(/^r\d+$/);
    expect(draft.message).toEqual({ id: expect.stringMatching(/^[0-9a-f]{16}$/), threadId, labelIds: ['DRAFT'] });

    const thread = (await get(`/threads/${threadId}?format=minimal`, await signIn(demo.fake, AGENT, READONLY))).json<ThreadBody>();
    expect(thread.messages.map((m) => m.id)).toEqual([...messageIds, draft.message.id]);
    expect(thread.messages.at(-1)).toMatchObject({ labelIds: ['DRAFT'], internalDate: String(NOW) });
  });

  it.each([
    ['prefixes repeated in any case', { Subject: 'RE: Fwd:  re:Updating   our billing address' }],
    ['a Brazilian Gmail prefix', { Subject: 'Res: Updating our billing address' }],
    ['an RFC 2047 subject', { Subject: `=?UTF-8?B?${Buffer.from('Re: Updating our billing address').toString('base64')}?=` }],
    ['References only', { 'In-Reply-To': '' }],
    ['an earlier message named in References', { 'In-Reply-To': '', References: '<unknown@example.com> __FIRST__' }],
  ])('joins the thread with %s', async (_case, overrides) => {
    const { id: threadId } = billingThread();
    const first = demo.fake.control.mailbox(AGENT).threads.find((t) => t.id === threadId)?.messages[0]?.payload.headers.find((h) => h.name === 'Message-ID')?.value ?? '';
    const headers = Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, v.replace('__FIRST__', first)]));
    expect((await created(reply(headers), threadId)).message.threadId).toBe(threadId);
  });

  it.each([
    ['another subject', { Subject: 'Re: Something else' }, true],
    ['no In-Reply-To or References', { 'In-Reply-To': '', References: '' }, true],
    ['references to mail outside the thread', { 'In-Reply-To': '<other@example.com>', References: '<other@example.com>' }, true],
    ['no threadId', {}, false],
  ])('starts a new thread with %s', async (_case, overrides, withThreadId) => {
    const { id: threadId, messageIds } = billingThread();
    const draft = await created(reply(overrides), withThreadId ? threadId : undefined);
    expect(draft.message.threadId).not.toBe(threadId);
    // Gmail gives a new thread the id of its first message.
    expect(draft.message.threadId).toBe(draft.message.id);
    const mailbox = demo.fake.control.mailbox(AGENT);
    expect(mailbox.threads.find((t) => t.id === threadId)?.messages.map((m) => m.id)).toEqual(messageIds);
    expect(mailbox.threads.find((t) => t.id === draft.message.threadId)?.messages.map((m) => m.labelIds)).toEqual([['DRAFT']]);
  });

  it('answers 404 for a threadId the mailbox does not have, and saves nothing', async () => {
    const answer = await create(reply(), '17f0000000000000');
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual(gmailError(404, 'Requested entity was not found.', 'notFound', 'NOT_FOUND'));
    expect(demo.fake.control.drafts(AGENT)).toEqual([]);
  });

  it('keeps the headers as sent, adds a Gmail Message-ID when there is none, and keeps one given', async () => {
    const draft = await created(reply());
    const raw = (await get(`/drafts/${draft.id}?format=raw`)).json<{ message: { raw: string } }>().message.raw;
    const entity = entityOfRaw(raw);
    expect(headerValue(entity.headers, 'Message-ID')).toMatch(/^<CA[^<>\s]+@mail\.gmail\.com>$/);
    expect(entity.headers.filter((h) => h.name !== 'Message-ID')).toEqual(parseEntity(reply()).headers);
    expect(bodyText(entity)?.text).toBe('Hi Maria, the address is updated.\r\n');

    const own = await created(reply({ 'Message-ID': '<own.1@support.example>' }));
    const ownRaw = (await get(`/drafts/${own.id}?format=raw`)).json<{ message: { raw: string } }>().message.raw;
    expect(Buffer.from(ownRaw, 'base64url').toString('utf8')).toBe(reply({ 'Message-ID': '<own.1@support.example>' }));
  });

  it('reads raw as base64url or standard base64, padded or not', async () => {
    // "?>>" encodes to "Pz4+": the two alphabets differ on this body.
    const raw = reply({}, 'Address ?>> updated.');
    const standard = Buffer.from(raw, 'utf8').toString('base64');
    expect(standard).toMatch(/[+/]/);
    const forms = [standard, standard.replace(/=+$/, ''), Buffer.from(raw, 'utf8').toString('base64url'), `${Buffer.from(raw, 'utf8').toString('base64url')}==`.slice(0, standard.length)];
    for (const form of forms) {
      const answer = await send('POST', '/drafts', { message: { raw: form } });
      expect(answer.status).toBe(200);
      const saved = (await get(`/drafts/${answer.json<DraftBody>().id}?format=full`)).json<{ message: { snippet: string } }>();
      expect(saved.message.snippet).toBe('Address ?&gt;&gt; updated.');
    }
  });
});

describe('bodies users.drafts.create refuses', () => {
  it.each([
    ['an empty body', ''],
    ['no message', {}],
    ['a message without raw', { message: { threadId: '' } }],
    ['an empty raw', { message: { raw: '' } }],
  ])('answers 400 Missing draft message for %s', async (_case, body) => {
    const answer = await send('POST', '/drafts', body);
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual(gmailError(400, 'Missing draft message', 'invalidArgument', 'INVALID_ARGUMENT'));
  });

  it('refuses raw that is not base64 as the proto layer does', async () => {
    const answer = await send('POST', '/drafts', { message: { raw: 'From: a@b.example\r\n\r\nhi' } });
    expect(answer.status).toBe(400);
    const message = `Invalid value at 'draft.message.raw' (TYPE_BYTES), Base64 decoding failed for "From: a@b.example\r\n\r\nhi"`;
    expect(answer.json()).toEqual({
      error: {
        code: 400,
        message,
        errors: [{ message, reason: 'invalid' }],
        status: 'INVALID_ARGUMENT',
        details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: 'draft.message.raw', description: message }] }],
      },
    });
    for (const raw of ['abcde', 'ab+_', 'ab=c']) expect((await send('POST', '/drafts', { message: { raw } })).status).toBe(400);
  });

  it('refuses a body that is not JSON, a wrong type and an unknown field', async () => {
    const notJson = (await send('POST', '/drafts', '{"message":')).json<ErrorBody>().error;
    expect(notJson).toMatchObject({ code: 400, message: 'Invalid JSON payload received. Unexpected token.', status: 'INVALID_ARGUMENT', errors: [{ reason: 'invalid' }] });
    expect((await send('POST', '/drafts', { message: { raw: 12 } })).json<ErrorBody>().error.message).toBe("Invalid value at 'draft.message.raw' (TYPE_BYTES), 12");
    expect((await send('POST', '/drafts', { message: 'hi' })).json<ErrorBody>().error.message).toBe(
      `Invalid value at 'draft.message' (type.googleapis.com/google.apps.gmail.v1.Message), "hi"`,
    );
    expect((await send('POST', '/drafts', { message: { raw: b64(reply()), body: 'x' } })).json<ErrorBody>().error.message).toBe(
      `Invalid JSON payload received. Unknown name "body" at 'draft.message': Cannot find field.`,
    );
    expect(demo.fake.control.drafts(AGENT)).toEqual([]);
  });
});

describe('users.drafts.update', () => {
  it('keeps the draft id and gives it a new message; the old message leaves the thread', async () => {
    const { id: threadId, messageIds } = billingThread();
    const first = await created(reply(), threadId);
    demo.fake.control.setNow(NOW + 60_000);
    const answer = await send('PUT', `/drafts/${first.id}`, { id: first.id, message: { raw: b64(reply({}, 'Second version.')), threadId } });
    expect(answer.status).toBe(200);
    const updated = answer.json<DraftBody>();
    expect(updated).toEqual({ id: first.id, message: { id: expect.stringMatching(/^[0-9a-f]{16}$/), threadId, labelIds: ['DRAFT'] } });
    expect(updated.message.id).not.toBe(first.message.id);

    expect((await get(`/messages/${first.message.id}`, await signIn(demo.fake, AGENT, READONLY))).status).toBe(404);
    const thread = (await get(`/threads/${threadId}?format=minimal`, await signIn(demo.fake, AGENT, READONLY))).json<ThreadBody>();
    expect(thread.messages.map((m) => m.id)).toEqual([...messageIds, updated.message.id]);
    expect(demo.fake.control.drafts(AGENT).map((d) => [d.id, d.messageId])).toEqual([[first.id, updated.message.id]]);
  });

  it('moves the draft to a thread of its own when the new content does not qualify, dropping an emptied thread', async () => {
    const { id: threadId } = billingThread();
    const inThread = await created(reply(), threadId);
    const moved = (await send('PUT', `/drafts/${inThread.id}`, { message: { raw: b64(reply({ Subject: 'New topic' })), threadId } })).json<DraftBody>();
    expect(moved.message.threadId).toBe(moved.message.id);

    const again = (await send('PUT', `/drafts/${inThread.id}`, { message: { raw: b64(reply({ Subject: 'Newer topic' })) } })).json<DraftBody>();
    expect(again.message.threadId).toBe(again.message.id);
    expect((await get(`/threads/${moved.message.threadId}`, await signIn(demo.fake, AGENT, READONLY))).status).toBe(404);
  });

  it('answers 404 for an unknown draft, before reading the message', async () => {
    for (const body of [{ message: { raw: b64(reply()) } }, {}]) {
      const answer = await send('PUT', '/drafts/r123456789', body);
      expect(answer.status).toBe(404);
      expect(answer.json()).toEqual(gmailError(404, 'Requested entity was not found.', 'notFound', 'NOT_FOUND'));
    }
    const draft = await created(reply());
    expect((await send('PUT', `/drafts/${draft.id}`, { message: {} })).json<ErrorBody>().error.message).toBe('Missing draft message');
    expect((await send('PUT', `/drafts/${draft.id}`, { message: { raw: b64(reply()), threadId: 'abc' } })).status).toBe(404);
  });
});

describe('users.drafts.get', () => {
  it.each(['full', 'metadata', 'minimal', 'raw'])('renders the message with format=%s exactly as messages.get does', async (format) => {
    const draft = await created(reply(), billingThread().id);
    const query = `format=${format}&metadataHeaders=subject&metadataHeaders=In-Reply-To`;
    const answer = await get(`/drafts/${draft.id}?${query}`);
    expect(answer.status).toBe(200);
    const message = (await get(`/messages/${draft.message.id}?${query}`, await signIn(demo.fake, AGENT, READONLY))).json();
    expect(answer.json()).toEqual({ id: draft.id, message });
  });

  it('defaults to full, honours metadataHeaders, and refuses an unknown format', async () => {
    const draft = await created(reply());
    const full = (await get(`/drafts/${draft.id}`)).json<{ message: { payload: { mimeType: string; body: { data: string } } } }>();
    expect(Buffer.from(full.message.payload.body.data, 'base64url').toString('utf8')).toBe('Hi Maria, the address is updated.\r\n');
    const meta = (await get(`/drafts/${draft.id}?format=metadata&metadataHeaders=to`)).json<{ message: { payload: unknown } }>();
    expect(meta.message.payload).toEqual({ mimeType: 'text/plain', headers: [{ name: 'To', value: `Maria Silva <${MARIA}>` }] });
    const bad = await get(`/drafts/${draft.id}?format=html`);
    expect(bad.status).toBe(400);
    expect(bad.json<ErrorBody>().error.message).toBe(`Invalid value at 'format' (type.googleapis.com/google.apps.gmail.v1.DraftFormat), "html"`);
  });

  it('answers 404 for an unknown draft id, a message id included', async () => {
    const draft = await created(reply());
    for (const id of ['r1', draft.message.id, 'nonsense']) {
      const answer = await get(`/drafts/${id}`);
      expect(answer.status).toBe(404);
      expect(answer.json()).toEqual(gmailError(404, 'Requested entity was not found.', 'notFound', 'NOT_FOUND'));
    }
  });
});

describe('users.drafts.list', () => {
  it('leaves `drafts` out when there are none', async () => {
    expect((await get('/drafts')).json()).toEqual({ resultSizeEstimate: 0 });
  });

  it('lists drafts newest first in pages, filtered by q', async () => {
    const ids: DraftBody[] = [];
    for (const [i, subject] of ['Alpha', 'Beta', 'Gamma'].entries()) {
      demo.fake.control.setNow(NOW + i * 60_000);
      ids.push(await created(reply({ Subject: subject })));
    }
    const entry = (d: DraftBody | undefined) => ({ id: d?.id, message: { id: d?.message.id, threadId: d?.message.threadId } });
    const first = (await get('/drafts?maxResults=2')).json<{ drafts: unknown[]; nextPageToken: string; resultSizeEstimate: number }>();
    expect(first.drafts).toEqual([entry(ids[2]), entry(ids[1])]);
    expect(first.resultSizeEstimate).toBe(3);
    const second = (await get(`/drafts?maxResults=2&pageToken=${first.nextPageToken}`)).json();
    expect(second).toEqual({ drafts: [entry(ids[0])], resultSizeEstimate: 3 });
    expect((await get(`/drafts?q=${encodeURIComponent('subject:beta')}`)).json()).toEqual({ drafts: [entry(ids[1])], resultSizeEstimate: 1 });
    expect((await get(`/drafts?q=${encodeURIComponent('in:inbox')}`)).json()).toEqual({ resultSizeEstimate: 0 });
    expect((await get('/drafts?maxResults=0')).status).toBe(400);
    expect((await get('/drafts?pageToken=abc')).status).toBe(400);
  });

  it('shows drafts in messages.list too, labelled DRAFT', async () => {
    const draft = await created(reply());
    const listed = (await get(`/messages?q=${encodeURIComponent('in:draft')}`, await signIn(demo.fake, AGENT, READONLY))).json();
    expect(listed).toEqual({ messages: [{ id: draft.message.id, threadId: draft.message.threadId }], resultSizeEstimate: 1 });
  });
});

describe('users.drafts.delete', () => {
  it('answers 204 with no body, removes the message, then answers 404', async () => {
    const { id: threadId, messageIds } = billingThread();
    const draft = await created(reply(), threadId);
    const answer = await send('DELETE', `/drafts/${draft.id}`);
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expect(answer.headers['content-type']).toBeUndefined();
    expect((await get(`/drafts/${draft.id}`)).status).toBe(404);
    expect((await send('DELETE', `/drafts/${draft.id}`)).json()).toEqual(gmailError(404, 'Requested entity was not found.', 'notFound', 'NOT_FOUND'));
    expect(demo.fake.control.mailbox(AGENT).threads.find((t) => t.id === threadId)?.messages.map((m) => m.id)).toEqual(messageIds);
    expect(demo.fake.control.drafts(AGENT)).toEqual([]);
  });

  it('drops a thread the draft was alone in; a thread never goes back to an older historyId', async () => {
    const readonly = await signIn(demo.fake, AGENT, READONLY);
    const alone = await created(reply({ Subject: 'Standalone' }));
    expect((await send('DELETE', `/drafts/${alone.id}`)).status).toBe(204);
    expect((await get(`/threads/${alone.message.threadId}`, readonly)).status).toBe(404);

    const { id: threadId } = billingThread();
    const draft = await created(reply(), threadId);
    const withDraft = Number((await get(`/threads/${threadId}?format=minimal`, readonly)).json<ThreadBody>().historyId);
    await send('DELETE', `/drafts/${draft.id}`);
    expect(Number((await get(`/threads/${threadId}?format=minimal`, readonly)).json<ThreadBody>().historyId)).toBeGreaterThan(withDraft);
  });
});

describe('scopes of the drafts methods', () => {
  it('lets compose, modify and mail.google.com write drafts, not readonly', async () => {
    for (const scope of [COMPOSE, MODIFY, MAIL]) expect((await create(reply(), undefined, await signIn(demo.fake, AGENT, scope))).status).toBe(200);
    const readonly = await signIn(demo.fake, AGENT, READONLY);
    const denied = await create(reply(), undefined, readonly);
    expect(denied.status).toBe(403);
    expect(denied.headers['www-authenticate']).toBe(
      'Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="https://mail.google.com/ https://www.googleapis.com/auth/gmail.addons.current.action.compose https://www.googleapis.com/auth/gmail.compose https://www.googleapis.com/auth/gmail.modify"',
    );
    expect(denied.json()).toEqual({
      error: {
        code: 403,
        message: 'Request had insufficient authentication scopes.',
        errors: [{ message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' }],
        status: 'PERMISSION_DENIED',
        details: [{
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
          domain: 'googleapis.com',
          metadata: { method: 'caribou.api.proto.MailboxService.CreateDraft', service: 'gmail.googleapis.com' },
        }],
      },
    });
    const [draft] = demo.fake.control.drafts(AGENT);
    expect((await send('PUT', `/drafts/${draft?.id ?? ''}`, { message: { raw: b64(reply()) } }, readonly)).status).toBe(403);
    expect((await send('DELETE', `/drafts/${draft?.id ?? ''}`, undefined, readonly)).status).toBe(403);
  });

  it('lets readonly read drafts, not metadata', async () => {
    const draft = await created(reply());
    const readonly = await signIn(demo.fake, AGENT, READONLY);
    expect((await get('/drafts', readonly)).status).toBe(200);
    expect((await get(`/drafts/${draft.id}`, readonly)).status).toBe(200);
    const metadata = await signIn(demo.fake, AGENT, METADATA);
    for (const path of ['/drafts', `/drafts/${draft.id}`]) {
      const denied = await get(path, metadata);
      expect(denied.status).toBe(403);
      expect(denied.json<ErrorBody>().error.errors[0]?.reason).toBe('insufficientPermissions');
    }
  });
});

describe('drafts in users.history.list', () => {
  it('records a draft added, replaced (added, then the old one deleted) and deleted', async () => {
    const readonly = await signIn(demo.fake, AGENT, READONLY);
    const start = (await get('/profile', readonly)).json<{ historyId: string }>().historyId;
    const { id: threadId } = billingThread();
    const draft = await created(reply(), threadId);
    const updated = (await send('PUT', `/drafts/${draft.id}`, { message: { raw: b64(reply()), threadId } })).json<DraftBody>();
    await send('DELETE', `/drafts/${draft.id}`);

    const history = (await get(`/history?startHistoryId=${start}`, readonly)).json<HistoryBody>().history ?? [];
    const message = (id: string, labelIds = ['DRAFT']) => ({ message: { id, threadId, labelIds } });
    expect(history.map((h) => h.messagesAdded ?? h.messagesDeleted)).toEqual([
      [message(draft.message.id)],
      [message(updated.message.id)],
      [message(draft.message.id)],
      [message(updated.message.id)],
    ]);
    expect(history.map((h) => (h.messagesAdded === undefined ? 'deleted' : 'added'))).toEqual(['added', 'added', 'deleted', 'deleted']);
    const deleted = (await get(`/history?startHistoryId=${start}&historyTypes=messageDeleted&labelId=DRAFT`, readonly)).json<HistoryBody>().history ?? [];
    expect(deleted.map((h) => h.messagesDeleted?.[0]?.message.id)).toEqual([draft.message.id, updated.message.id]);
  });
});

describe('quota of the drafts methods', () => {
  it('charges create 10, update 15, get 20, list 5, delete 10', async () => {
    demo.fake.control.clearRequests();
    const draft = await created(reply());
    await send('PUT', `/drafts/${draft.id}`, { message: { raw: b64(reply()) } });
    await get(`/drafts/${draft.id}`);
    await get('/drafts');
    await send('DELETE', `/drafts/${draft.id}`);
    expect(demo.fake.control.requests().map((r) => [r.method, r.apiMethod, r.quotaUnits, r.status])).toEqual([
      ['POST', 'gmail.users.drafts.create', 10, 200],
      ['PUT', 'gmail.users.drafts.update', 15, 200],
      ['GET', 'gmail.users.drafts.get', 20, 200],
      ['GET', 'gmail.users.drafts.list', 5, 200],
      ['DELETE', 'gmail.users.drafts.delete', 10, 204],
    ]);
  });
});

describe('control: drafts and edits in Gmail', () => {
  it('lists drafts with their raw message in base64', async () => {
    const draft = await created(reply(), billingThread().id);
    const [summary, ...rest] = demo.fake.control.drafts(AGENT);
    expect(rest).toEqual([]);
    expect(summary).toEqual({ id: draft.id, messageId: draft.message.id, threadId: draft.message.threadId, labelIds: ['DRAFT'], raw: expect.any(String) });
    const entity = entityOfRaw(summary?.raw ?? '');
    expect(headerValue(entity.headers, 'Subject')).toBe('Re: Updating our billing address');
    expect(bodyText(entity)?.text).toBe('Hi Maria, the address is updated.\r\n');
  });

  it('edits a draft as the agent would in Gmail: same id and thread, new message and Message-ID, new body, other headers kept', async () => {
    const { id: threadId, lastMessageId } = billingThread();
    const draft = await created(reply({ 'Message-ID': '<api.1@support.example>', Subject: '=?UTF-8?Q?Re:_Updating_our_billing_address?=' }), threadId);
    demo.fake.control.setNow(NOW + 120_000);
    const edited = demo.fake.control.editDraftInGmail(AGENT, draft.id, 'Olá Maria,\nwe changed it by hand.');
    expect(edited).toMatchObject({ id: draft.id, threadId, labelIds: ['DRAFT'] });
    expect(edited.messageId).not.toBe(draft.message.id);
    const entity = entityOfRaw(edited.raw);
    expect(headerValue(entity.headers, 'Message-ID')).toMatch(/^<CA[^<>\s]+@mail\.gmail\.com>$/);
    expect(headerValue(entity.headers, 'In-Reply-To')).toBe(lastMessageId);
    expect(headerValue(entity.headers, 'Subject')).toBe('=?UTF-8?Q?Re:_Updating_our_billing_address?=');
    expect(headerValue(entity.headers, 'To')).toBe(`Maria Silva <${MARIA}>`);
    expect(bodyText(entity)?.text.replace(/\r\n/g, '\n')).toBe('Olá Maria,\nwe changed it by hand.\n');

    const viaApi = (await get(`/drafts/${draft.id}?format=minimal`)).json<{ message: { id: string; internalDate: string } }>();
    expect(viaApi.message).toMatchObject({ id: edited.messageId, internalDate: String(NOW + 120_000) });
    expect((await get(`/messages/${draft.message.id}`, await signIn(demo.fake, AGENT, READONLY))).status).toBe(404);
    expect(() => demo.fake.control.editDraftInGmail(AGENT, 'r1', 'x')).toThrow(/no draft r1/);
  });

  it('offers the same over HTTP, and reset clears drafts', async () => {
    const draft = await created(reply());
    const control = (path: string, method = 'GET', body?: unknown) =>
      call(demo.fake, '127.0.0.1', `/__control${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const listed = (await control(`/drafts?account=${AGENT}`)).json<{ id: string }[]>();
    expect(listed.map((d) => d.id)).toEqual([draft.id]);
    const edited = await control('/draft-edits', 'POST', { accountEmail: AGENT, draftId: draft.id, text: 'By hand' });
    expect(edited.status).toBe(200);
    expect(bodyText(entityOfRaw(edited.json<{ raw: string }>().raw))?.text).toContain('By hand');
    expect((await control('/draft-edits', 'POST', { accountEmail: AGENT, draftId: 'r1', text: 'x' })).status).toBe(400);
    expect((await control('/draft-edits', 'POST', { accountEmail: AGENT })).status).toBe(400);
    expect((await control('/drafts')).status).toBe(400);

    demo.fake.control.reset();
    expect(demo.fake.control.drafts(AGENT)).toEqual([]);
  });
});

describe('drafts on the fake Gmail page', () => {
  const view = async (hash: string) =>
    (await call(demo.fake, 'mail.google.com', `/mail/u/0/__fake/view?hash=${encodeURIComponent(hash)}`)).json<{ html: string }>().html;

  it("shows a draft after the conversation's messages, marked Draft, with no sender marker", async () => {
    const { id: threadId } = billingThread();
    demo.fake.control.setNow(NOW);
    const draft = await created(reply({}, 'Hi Maria,\nthe address is updated.'), threadId);
    const html = await view(`inbox/${threadId}`);
    const at = html.indexOf(`data-draft-id="${draft.id}"`);
    expect(at).toBeGreaterThan(html.lastIndexOf('class="adn ads"'));
    const element = html.slice(html.lastIndexOf('<div', at), html.indexOf('</div></div>', at));
    expect(element).toContain('<span class="draft-mark">Draft</span>');
    expect(element).toContain('Hi Maria,<br>the address is updated.');
    expect(element).not.toContain('class="gD"');
    expect(element).not.toContain('data-message-id');
    expect(html.match(/<span class="gD"/g)).toHaveLength(3);
  });

  it('lists a thread with only a draft under All Mail with "Draft" instead of a sender', async () => {
    const draft = await created(reply({ Subject: 'Only a draft' }));
    const html = await view('all');
    const row = html.split('</tr>').find((r) => r.includes(`data-legacy-thread-id="${draft.message.threadId}"`)) ?? '';
    expect(row).toContain('<td class="yX xY"><span class="draft-mark">Draft</span></td>');
    expect(row).not.toContain('class="yP"');
    const billing = html.split('</tr>').find((r) => r.includes(`data-legacy-thread-id="${billingThread().id}"`)) ?? '';
    expect(billing).toContain('class="yP"');
    expect(billing).not.toContain('Draft');
  });
});
