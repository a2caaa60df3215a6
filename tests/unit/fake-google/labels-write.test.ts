/**
 * The Gmail write methods case status needs — users.labels.create, users.threads.modify,
 * users.messages.modify — and what they leave behind: labels in users.labels.list, label changes
 * in users.history.list (labelsAdded / labelsRemoved, historyTypes, labelId), quota, faults, the
 * control API's colleague edits, and the label chips of the fake Gmail page.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { GmailLabelResource } from '../../fake-google/index.ts';
import { call, LABELS, MAIL, MODIFY, READONLY, signIn, useDemoFake, type Reply } from './helpers.ts';

const AGENT = 'agent@support.example';
const API = '/gmail/v1/users/me';
const demo = useDemoFake();
let token: string;

beforeEach(async () => {
  token = await signIn(demo.fake, AGENT, MODIFY);
});

const get = (path: string, t = token): Promise<Reply> => call(demo.fake, 'gmail.googleapis.com', `${API}${path}`, { token: t });
const post = (path: string, body: unknown, t = token): Promise<Reply> =>
  call(demo.fake, 'gmail.googleapis.com', `${API}${path}`, {
    method: 'POST',
    token: t,
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

interface ErrorBody {
  error: { code: number; message: string; errors: { message: string; domain?: string; reason: string }[]; status: string; details?: { '@type': string; reason?: string; fieldViolations?: { field?: string; description: string }[] }[] };
}
interface ThreadBody {
  id: string;
  historyId: string;
  messages: { id: string; threadId: string; labelIds: string[] }[];
}
interface HistoryBody {
  history?: {
    id: string;
    messages: { id: string; threadId: string }[];
    messagesAdded?: { message: { id: string; threadId: string; labelIds: string[] } }[];
    labelsAdded?: { message: { id: string; threadId: string; labelIds: string[] }; labelIds: string[] }[];
    labelsRemoved?: { message: { id: string; threadId: string; labelIds: string[] }; labelIds: string[] }[];
  }[];
  nextPageToken?: string;
  historyId: string;
}

/** The demo's three-message thread: Maria (INBOX, Customers/VIP), the agent (SENT), Maria again. */
function billingThread(): { id: string; messageIds: string[] } {
  const thread = demo.fake.control.mailbox(AGENT).threads.find((t) => t.messages.length === 3);
  if (thread === undefined) throw new Error('the demo seed lost its three-message thread');
  return { id: thread.id, messageIds: thread.messages.map((m) => m.id) };
}

function firstSingleThread(): string {
  return demo.fake.control.mailbox(AGENT).threads.find((t) => t.messages.length === 1)?.id ?? '';
}

const gmailError = (code: number, message: string, reason: string, status: string): ErrorBody => ({
  error: { code, message, errors: [{ message, domain: 'global', reason }], status },
});

async function profileHistoryId(): Promise<string> {
  return (await get('/profile')).json<{ historyId: string }>().historyId;
}

describe('users.labels.create', () => {
  it('answers the new Label, lists it among the system labels, and charges 5 units', async () => {
    demo.fake.control.clearRequests();
    const reply = await post('/labels', { name: 'Case/Open', labelListVisibility: 'labelShow', messageListVisibility: 'show' });
    expect(reply.status).toBe(200);
    // The demo seed has one user label (Customers/VIP = Label_1).
    expect(reply.json()).toEqual({ id: 'Label_2', name: 'Case/Open', messageListVisibility: 'show', labelListVisibility: 'labelShow', type: 'user' });
    expect(demo.fake.control.requests().map((r) => [r.method, r.apiMethod, r.quotaUnits, r.status])).toEqual([['POST', 'gmail.users.labels.create', 5, 200]]);

    const labels = (await get('/labels')).json<{ labels: GmailLabelResource[] }>().labels;
    expect(labels.filter((l) => l.type === 'system').map((l) => l.id)).toEqual(expect.arrayContaining(['INBOX', 'SENT', 'DRAFT', 'SPAM', 'TRASH', 'UNREAD', 'STARRED', 'IMPORTANT', 'CATEGORY_PERSONAL']));
    expect(labels.filter((l) => l.type === 'user')).toEqual([
      { id: 'Label_1', name: 'Customers/VIP', messageListVisibility: 'show', labelListVisibility: 'labelShow', type: 'user' },
      { id: 'Label_2', name: 'Case/Open', messageListVisibility: 'show', labelListVisibility: 'labelShow', type: 'user' },
    ]);
    expect((await get('/labels/Label_2')).json()).toEqual({
      id: 'Label_2', name: 'Case/Open', messageListVisibility: 'show', labelListVisibility: 'labelShow', type: 'user',
      messagesTotal: 0, messagesUnread: 0, threadsTotal: 0, threadsUnread: 0,
    });
  });

  it('creates a nested label without its parent, and siblings beside it', async () => {
    expect((await post('/labels', { name: 'Case/Waiting on customer' })).status).toBe(200);
    expect((await post('/labels', { name: 'Case/Closed' })).status).toBe(200);
    const names = (await get('/labels')).json<{ labels: GmailLabelResource[] }>().labels.map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(['Case/Waiting on customer', 'Case/Closed']));
    expect(names).not.toContain('Case');
    // The parent can still be created later.
    expect((await post('/labels', { name: 'Case' })).status).toBe(200);
  });

  it('keeps the visibility and palette color it was given, and trims the answer to fields', async () => {
    const reply = await post('/labels?fields=id,name,color', {
      name: 'Case/Escalated', labelListVisibility: 'labelShowIfUnread', messageListVisibility: 'hide', color: { textColor: '#ffffff', backgroundColor: '#cc3a21' },
    });
    expect(reply.json()).toEqual({ id: 'Label_2', name: 'Case/Escalated', color: { textColor: '#ffffff', backgroundColor: '#cc3a21' } });
    const stored = demo.fake.control.labels(AGENT).labels.find((l) => l.id === 'Label_2');
    expect(stored).toMatchObject({ labelListVisibility: 'labelShowIfUnread', messageListVisibility: 'hide' });
  });

  it.each(['case/open', 'CASE/OPEN', 'Case/Open'])('answers 409 ABORTED/aborted for %s when Case/Open exists', async (name) => {
    expect((await post('/labels', { name: 'Case/Open' })).status).toBe(200);
    const reply = await post('/labels', { name });
    expect(reply.status).toBe(409);
    expect(reply.json()).toEqual(gmailError(409, 'Label name exists or conflicts', 'aborted', 'ABORTED'));
  });

  it('conflicts with a seeded label too, and creates nothing', async () => {
    const before = demo.fake.control.labels(AGENT).labels.length;
    expect((await post('/labels', { name: 'customers/vip' })).status).toBe(409);
    expect(demo.fake.control.labels(AGENT).labels).toHaveLength(before);
  });

  it.each(['', '   ', 'INBOX', 'Inbox', 'inbox/Cases', 'Trash', 'Unread\r', 'Muted', 'Drafts', 'CATEGORY_SOCIAL', 'Starred'])(
    'answers 400 Invalid label name for %j',
    async (name) => {
      const reply = await post('/labels', { name });
      expect(reply.status).toBe(400);
      expect(reply.json()).toEqual(gmailError(400, 'Invalid label name', 'invalidArgument', 'INVALID_ARGUMENT'));
    },
  );

  it('answers 400 Invalid label name without a name, and accepts names that only contain a reserved word', async () => {
    expect((await post('/labels', {})).json<ErrorBody>().error.message).toBe('Invalid label name');
    expect((await post('/labels', { name: 'Inbox zero' })).status).toBe(200);
    expect((await post('/labels', { name: 'Cases/Inbox' })).status).toBe(200);
  });

  it('refuses a color off the palette', async () => {
    const reply = await post('/labels', { name: 'Case/Red', color: { textColor: '#ffffff', backgroundColor: '#ff0000' } });
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual(gmailError(400, 'Label color #ff0000 is not on the allowed color palette', 'invalidArgument', 'INVALID_ARGUMENT'));
  });

  it('reads the body as the proto layer does: snake_case names, bad enums, unknown names, broken JSON', async () => {
    expect((await post('/labels', { name: 'Case/Snake', label_list_visibility: 'labelHide' })).json()).toMatchObject({ name: 'Case/Snake', labelListVisibility: 'labelHide' });

    const badEnum = await post('/labels', { name: 'Case/X', messageListVisibility: 'visible' });
    expect(badEnum.status).toBe(400);
    const enumError = badEnum.json<ErrorBody>().error;
    expect(enumError.message).toBe(`Invalid value at 'label.message_list_visibility' (type.googleapis.com/google.apps.gmail.v1.Label.MessageListVisibility), "visible"`);
    expect(enumError.errors).toEqual([{ message: enumError.message, reason: 'invalid' }]);
    expect(enumError.details?.[0]?.fieldViolations).toEqual([{ field: 'label.message_list_visibility', description: enumError.message }]);

    const unknown = (await post('/labels', { name: 'Case/X', colour: 'red' })).json<ErrorBody>().error;
    expect(unknown.message).toBe(`Invalid JSON payload received. Unknown name "colour" at 'label': Cannot find field.`);
    expect(unknown.status).toBe('INVALID_ARGUMENT');

    const broken = await post('/labels', '{"name": "Case/X",');
    expect(broken.status).toBe(400);
    expect(broken.json<ErrorBody>().error.errors[0]?.reason).toBe('invalid');
    expect(demo.fake.control.labels(AGENT).labels.some((l) => l.name === 'Case/X')).toBe(false);
  });
});

describe('scopes of the write methods', () => {
  it('lets gmail.labels, gmail.modify and mail.google.com create labels, not gmail.readonly', async () => {
    for (const [scope, name] of [[LABELS, 'A'], [MODIFY, 'B'], [MAIL, 'C']] as const) {
      expect((await post('/labels', { name }, await signIn(demo.fake, AGENT, scope))).status).toBe(200);
    }
    const readonly = await post('/labels', { name: 'D' }, await signIn(demo.fake, AGENT, READONLY));
    expect(readonly.status).toBe(403);
    expect(readonly.headers['www-authenticate']).toBe(
      'Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="https://mail.google.com/ https://www.googleapis.com/auth/gmail.modify https://www.googleapis.com/auth/gmail.labels"',
    );
    expect(readonly.json()).toEqual({
      error: {
        code: 403,
        message: 'Request had insufficient authentication scopes.',
        errors: [{ message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' }],
        status: 'PERMISSION_DENIED',
        details: [{
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
          domain: 'googleapis.com',
          metadata: { method: 'caribou.api.proto.MailboxService.CreateLabel', service: 'gmail.googleapis.com' },
        }],
      },
    });
  });

  it('lets only gmail.modify and mail.google.com modify threads and messages', async () => {
    const { id, messageIds } = billingThread();
    for (const scope of [READONLY, LABELS]) {
      const t = await signIn(demo.fake, AGENT, scope);
      const thread = await post(`/threads/${id}/modify`, { addLabelIds: ['STARRED'] }, t);
      expect(thread.status).toBe(403);
      const body = thread.json<ErrorBody>();
      expect(body.error.errors[0]?.reason).toBe('insufficientPermissions');
      expect(body.error.details?.[0]).toMatchObject({ reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', metadata: { method: 'caribou.api.proto.MailboxService.ModifyThread' } });
      expect((await post(`/messages/${messageIds[0] ?? ''}/modify`, { addLabelIds: ['STARRED'] }, t)).status).toBe(403);
    }
    expect(demo.fake.control.labels(AGENT).threads.find((t) => t.id === id)?.labelIds).not.toContain('STARRED');
    const full = await signIn(demo.fake, AGENT, MAIL);
    expect((await post(`/threads/${id}/modify`, { addLabelIds: ['STARRED'] }, full)).status).toBe(200);
  });
});

describe('users.threads.modify', () => {
  it('adds and removes labels on every message and answers the Thread with ids and labelIds', async () => {
    const { id, messageIds } = billingThread();
    const before = Number(await profileHistoryId());
    demo.fake.control.clearRequests();
    const reply = await post(`/threads/${id}/modify`, { addLabelIds: ['Label_1', 'STARRED'], removeLabelIds: ['INBOX'] });
    expect(reply.status).toBe(200);
    const thread = reply.json<ThreadBody>();
    expect(Object.keys(thread)).toEqual(['id', 'historyId', 'messages']);
    expect(thread.id).toBe(id);
    // Seeded as [INBOX, Customers/VIP], [SENT] (the agent's reply), [INBOX, Customers/VIP].
    expect(thread.messages).toEqual([
      { id: messageIds[0], threadId: id, labelIds: ['Label_1', 'STARRED'] },
      { id: messageIds[1], threadId: id, labelIds: ['SENT', 'Label_1', 'STARRED'] },
      { id: messageIds[2], threadId: id, labelIds: ['Label_1', 'STARRED'] },
    ]);
    expect(demo.fake.control.requests().map((r) => [r.apiMethod, r.quotaUnits])).toEqual([['gmail.users.threads.modify', 10]]);
    expect(Number(thread.historyId)).toBeGreaterThan(before);
    expect(await profileHistoryId()).toBe(thread.historyId);

    // Reads see the change: threads.get, label: search, labelIds filter, labels.get counts.
    const got = (await get(`/threads/${id}?format=minimal`)).json<ThreadBody>();
    expect(got.messages.map((m) => m.labelIds)).toEqual(thread.messages.map((m) => m.labelIds));
    expect(got.historyId).toBe(thread.historyId);
    const inbox = (await get('/threads?labelIds=INBOX')).json<{ threads: { id: string }[] }>().threads.map((t) => t.id);
    expect(inbox).not.toContain(id);
    expect((await get('/threads?q=label:starred')).json<{ threads: { id: string }[] }>().threads.map((t) => t.id)).toEqual([id]);
    expect((await get('/labels/Label_1')).json()).toMatchObject({ messagesTotal: 3, threadsTotal: 1 });
  });

  it('changes nothing and bumps no historyId when the labels are already so', async () => {
    const { id } = billingThread();
    const before = await profileHistoryId();
    const reply = await post(`/threads/${id}/modify`, { addLabelIds: ['Label_1'], removeLabelIds: ['TRASH'] });
    // Maria's messages carry Label_1 already; the agent's reply gains it.
    expect(reply.status).toBe(200);
    const after = await profileHistoryId();
    expect(Number(after)).toBeGreaterThan(Number(before));
    const again = await post(`/threads/${id}/modify`, { addLabelIds: ['Label_1'], removeLabelIds: ['TRASH'] });
    expect(again.json<ThreadBody>().historyId).toBe(after);
    expect(await profileHistoryId()).toBe(after);
  });

  it.each([
    ['an unknown label id', { addLabelIds: ['Label_99'] }, 'Invalid label: Label_99'],
    ['a label name instead of its id', { addLabelIds: ['Customers/VIP'] }, 'Invalid label: Customers/VIP'],
    ['a system id in the wrong case', { removeLabelIds: ['inbox'] }, 'Invalid label: inbox'],
    ['SENT', { removeLabelIds: ['SENT'] }, 'Invalid label: SENT'],
    ['DRAFT', { addLabelIds: ['DRAFT'] }, 'Invalid label: DRAFT'],
    ['a valid label next to an invalid one', { addLabelIds: ['STARRED', 'Label_42'] }, 'Invalid label: Label_42'],
    ['no change at all', {}, 'No label add or removes specified'],
    ['empty lists', { addLabelIds: [], removeLabelIds: [] }, 'No label add or removes specified'],
  ])('answers 400 invalidArgument for %s, changing nothing', async (_name, body, message) => {
    const { id } = billingThread();
    const before = demo.fake.control.labels(AGENT);
    const reply = await post(`/threads/${id}/modify`, body);
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual(gmailError(400, message, 'invalidArgument', 'INVALID_ARGUMENT'));
    expect(demo.fake.control.labels(AGENT)).toEqual(before);
  });

  it('answers 404 for an unknown thread, 400 for an id that is not one, and 400 for a body it cannot read', async () => {
    const missing = await post('/threads/0123456789abcdef/modify', { addLabelIds: ['STARRED'] });
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual(gmailError(404, 'Requested entity was not found.', 'notFound', 'NOT_FOUND'));
    const opaque = await post('/threads/FMfcgzQXJWDsKLwPgdvzRgcGqdPxhVcS/modify', { addLabelIds: ['STARRED'] });
    expect(opaque.json<ErrorBody>().error.message).toBe('Invalid id value');

    const { id } = billingThread();
    const notAList = (await post(`/threads/${id}/modify`, { addLabelIds: 'STARRED' })).json<ErrorBody>().error;
    expect(notAList.message).toBe(`Invalid value at 'add_label_ids' (TYPE_STRING), "STARRED"`);
    const unknown = (await post(`/threads/${id}/modify`, { labelIds: ['STARRED'] })).json<ErrorBody>().error;
    expect(unknown.message).toBe('Invalid JSON payload received. Unknown name "labelIds": Cannot find field.');
    expect(unknown.details?.[0]?.fieldViolations).toEqual([{ description: unknown.message }]);
    expect((await post(`/threads/${id}/modify`, 'not json')).json<ErrorBody>().error.message).toBe('Invalid JSON payload received. Unexpected token.');
    expect((await post(`/threads/${id}/modify`, '["STARRED"]')).json<ErrorBody>().error.message).toBe('Invalid JSON payload received. Root element must be a message.');
    // snake_case is the proto's own spelling and is accepted.
    expect((await post(`/threads/${id}/modify`, { add_label_ids: ['STARRED'] })).status).toBe(200);
  });

  it('is not a GET route', async () => {
    const { id } = billingThread();
    const reply = await get(`/threads/${id}/modify`);
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
  });

  it('works inside a batch request, each part charged', async () => {
    const { id } = billingThread();
    const single = firstSingleThread();
    const part = (cid: string, thread: string, body: unknown) =>
      `--b\r\nContent-Type: application/http\r\nContent-ID: <${cid}>\r\n\r\nPOST ${API}/threads/${thread}/modify\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body)}\r\n`;
    demo.fake.control.clearRequests();
    const reply = await call(demo.fake, 'gmail.googleapis.com', '/batch/gmail/v1', {
      method: 'POST', token, headers: { 'content-type': 'multipart/mixed; boundary=b' },
      body: `${part('one', id, { addLabelIds: ['STARRED'] })}${part('two', single, { addLabelIds: ['Label_9'] })}--b--\r\n`,
    });
    expect(reply.text).toContain('Content-ID: <response-one>\r\n\r\nHTTP/1.1 200 OK');
    expect(reply.text).toContain('Content-ID: <response-two>\r\n\r\nHTTP/1.1 400 Bad Request');
    expect(demo.fake.control.requests().filter((r) => r.apiMethod === 'gmail.users.threads.modify').map((r) => r.quotaUnits)).toEqual([10, 10]);
    expect(demo.fake.control.labels(AGENT).threads.find((t) => t.id === id)?.labelIds).toContain('STARRED');
  });
});

describe('users.messages.modify', () => {
  it('changes one message only and answers its id, threadId and labelIds', async () => {
    const { id, messageIds } = billingThread();
    const [first = '', second = ''] = messageIds;
    demo.fake.control.clearRequests();
    const reply = await post(`/messages/${second}/modify`, { addLabelIds: ['IMPORTANT'] });
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ id: second, threadId: id, labelIds: ['SENT', 'IMPORTANT'] });
    expect(demo.fake.control.requests().map((r) => [r.apiMethod, r.quotaUnits])).toEqual([['gmail.users.messages.modify', 5]]);
    const messages = demo.fake.control.labels(AGENT).threads.find((t) => t.id === id)?.messages ?? [];
    expect(messages.find((m) => m.id === first)?.labelIds).not.toContain('IMPORTANT');
    expect((await post('/messages/0123456789abcdef/modify', { addLabelIds: ['IMPORTANT'] })).status).toBe(404);
  });
});

describe('users.history.list after label changes', () => {
  it('reports labelsAdded and labelsRemoved per message, oldest first, with the mailbox historyId', async () => {
    const { id, messageIds } = billingThread();
    const start = await profileHistoryId();
    expect((await get(`/history?startHistoryId=${start}`)).json()).toEqual({ historyId: start });

    await post(`/threads/${id}/modify`, { addLabelIds: ['STARRED'] });
    await post(`/threads/${id}/modify`, { removeLabelIds: ['INBOX'] });
    const body = (await get(`/history?startHistoryId=${start}`)).json<HistoryBody>();
    expect(body.historyId).toBe(await profileHistoryId());
    const history = body.history ?? [];
    // Three messages gain STARRED; the two in the inbox lose INBOX.
    expect(history.map((h) => [h.labelsAdded ? 'added' : 'removed', h.messages[0]?.id])).toEqual([
      ['added', messageIds[0]], ['added', messageIds[1]], ['added', messageIds[2]],
      ['removed', messageIds[0]], ['removed', messageIds[2]],
    ]);
    const ids = history.map((h) => Number(h.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((n) => n > Number(start))).toBe(true);

    const added = history[1];
    expect(added).toEqual({
      id: added?.id,
      messages: [{ id: messageIds[1], threadId: id }],
      labelsAdded: [{ message: { id: messageIds[1], threadId: id, labelIds: ['SENT', 'STARRED'] }, labelIds: ['STARRED'] }],
    });
    const removed = history[3];
    expect(Object.keys(removed ?? {})).toEqual(['id', 'messages', 'labelsRemoved']);
    expect(removed?.labelsRemoved?.[0]?.labelIds).toEqual(['INBOX']);
    expect(removed?.labelsRemoved?.[0]?.message.labelIds).not.toContain('INBOX');
  });

  it('filters by historyTypes and labelId, and pages', async () => {
    const { id } = billingThread();
    const start = await profileHistoryId();
    await post(`/threads/${id}/modify`, { addLabelIds: ['STARRED'] });
    await post(`/threads/${id}/modify`, { removeLabelIds: ['INBOX'] });
    demo.fake.control.addMessage(AGENT, id, { from: 'Maria Silva <maria.silva@acme-retail.example>', to: AGENT, subject: 'Re: Updating our billing address', text: 'One more thing.' });

    const of = async (query: string) => ((await get(`/history?startHistoryId=${start}${query}`)).json<HistoryBody>().history ?? []);
    const kinds = (records: HistoryBody['history']) => (records ?? []).map((h) => (h.labelsAdded ? 'labelAdded' : h.labelsRemoved ? 'labelRemoved' : 'messageAdded'));
    expect(kinds(await of(''))).toEqual(['labelAdded', 'labelAdded', 'labelAdded', 'labelRemoved', 'labelRemoved', 'messageAdded']);
    expect(kinds(await of('&historyTypes=labelAdded'))).toEqual(['labelAdded', 'labelAdded', 'labelAdded']);
    expect(kinds(await of('&historyTypes=labelRemoved'))).toEqual(['labelRemoved', 'labelRemoved']);
    expect(kinds(await of('&historyTypes=labelAdded&historyTypes=labelRemoved'))).toHaveLength(5);
    expect(kinds(await of('&historyTypes=messageAdded'))).toEqual(['messageAdded']);
    expect((await of('&historyTypes=messageAdded'))[0]?.messagesAdded?.[0]?.message.labelIds).toEqual(['INBOX', 'UNREAD', 'CATEGORY_PERSONAL']);
    // labelId: messages that carry it after the change, or whose change was that label.
    expect(kinds(await of('&labelId=INBOX'))).toEqual(['labelAdded', 'labelAdded', 'labelRemoved', 'labelRemoved', 'messageAdded']);
    expect(kinds(await of('&labelId=SENT'))).toEqual(['labelAdded']);

    const first = (await get(`/history?startHistoryId=${start}&maxResults=4`)).json<HistoryBody>();
    expect(first.history).toHaveLength(4);
    expect(first.nextPageToken).toMatch(/^\d+$/);
    const second = (await get(`/history?startHistoryId=${start}&maxResults=4&pageToken=${first.nextPageToken ?? ''}`)).json<HistoryBody>();
    expect(second.history).toHaveLength(2);
    expect(second.nextPageToken).toBeUndefined();
    expect(second.historyId).toBe(first.historyId);
  });

  it('refuses an unknown historyType and answers 404 for a startHistoryId older than it keeps', async () => {
    const start = await profileHistoryId();
    const bad = await get(`/history?startHistoryId=${start}&historyTypes=labelChanged`);
    expect(bad.status).toBe(400);
    expect(bad.json<ErrorBody>().error).toMatchObject({
      message: `Invalid value at 'history_types[0]' (type.googleapis.com/google.apps.gmail.v1.HistoryType), "labelChanged"`,
      errors: [{ reason: 'invalid' }],
    });
    const old = await get('/history?startHistoryId=1000');
    expect(old.status).toBe(404);
    expect(old.json()).toEqual(gmailError(404, 'Requested entity was not found.', 'notFound', 'NOT_FOUND'));
  });
});

describe('control: a colleague changes labels in the same mailbox', () => {
  it('creates labels and modifies threads by label name or id, visible to the extension through the API', async () => {
    const { id } = billingThread();
    const start = await profileHistoryId();
    const label = demo.fake.control.createLabel(AGENT, 'Case/Waiting on customer');
    expect(label).toEqual({ id: 'Label_2', name: 'Case/Waiting on customer', messageListVisibility: 'show', labelListVisibility: 'labelShow', type: 'user' });
    expect(() => demo.fake.control.createLabel(AGENT, 'case/waiting ON customer')).toThrow(/Label name exists or conflicts/);
    expect(() => demo.fake.control.createLabel(AGENT, 'INBOX')).toThrow(/Invalid label name/);

    const thread = demo.fake.control.modifyThread(AGENT, id, { add: ['case/waiting on customer', 'STARRED'], remove: ['Customers/VIP'] });
    expect(thread.messages.every((m) => m.labelIds.includes('Label_2') && !m.labelIds.includes('Label_1'))).toBe(true);
    expect(() => demo.fake.control.modifyThread(AGENT, id, { add: ['Case/Nope'] })).toThrow(/no label "Case\/Nope"/);
    expect(() => demo.fake.control.modifyThread(AGENT, id, { remove: ['SENT'] })).toThrow(/SENT/);
    expect(() => demo.fake.control.modifyThread(AGENT, '0123456789abcdef', { add: ['STARRED'] })).toThrow(/no thread/);

    const labels = demo.fake.control.labels(AGENT);
    expect(labels.labels.map((l) => l.name)).toEqual(expect.arrayContaining(['INBOX', 'Customers/VIP', 'Case/Waiting on customer']));
    const entry = labels.threads.find((t) => t.id === id);
    expect(entry?.labelIds).toEqual(expect.arrayContaining(['Label_2', 'STARRED', 'INBOX', 'SENT']));
    expect(entry?.labelIds).not.toContain('Label_1');
    expect(entry?.messages).toHaveLength(3);

    // The extension's token sees the colleague's change in history and in the thread.
    const history = (await get(`/history?startHistoryId=${start}&historyTypes=labelAdded&labelId=Label_2`)).json<HistoryBody>().history ?? [];
    expect(history).toHaveLength(3);
    expect(history.every((h) => h.labelsAdded?.[0]?.labelIds.includes('Label_2'))).toBe(true);
    const removed = (await get(`/history?startHistoryId=${start}&historyTypes=labelRemoved`)).json<HistoryBody>().history ?? [];
    expect(removed.map((h) => h.labelsRemoved?.[0]?.labelIds)).toEqual([['Label_1'], ['Label_1']]);
    expect((await get(`/threads/${id}?format=minimal`)).json<ThreadBody>().messages[0]?.labelIds).toContain('Label_2');
  });

  it('offers the same over HTTP', async () => {
    const { id } = billingThread();
    const control = (path: string, method = 'GET', body?: unknown) =>
      call(demo.fake, '127.0.0.1', `/__control${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const created = await control('/labels', 'POST', { accountEmail: AGENT, name: 'Case/Open', labelListVisibility: 'labelHide' });
    expect(created.json()).toMatchObject({ id: 'Label_2', name: 'Case/Open', labelListVisibility: 'labelHide' });
    expect((await control('/labels', 'POST', { accountEmail: AGENT, name: 'CASE/OPEN' })).status).toBe(400);
    expect((await control('/labels', 'POST', { accountEmail: AGENT })).status).toBe(400);
    const modified = await control('/thread-labels', 'POST', { accountEmail: AGENT, threadId: id, add: ['Case/Open'], remove: ['INBOX'] });
    expect(modified.status).toBe(200);
    expect(modified.json<ThreadBody>().messages.every((m) => m.labelIds.includes('Label_2'))).toBe(true);
    const labels = (await control(`/labels?account=${AGENT}`)).json<{ threads: { id: string; labelIds: string[] }[] }>();
    expect(labels.threads.find((t) => t.id === id)?.labelIds).toContain('Label_2');
    expect((await control('/labels')).status).toBe(400);
  });
});

describe('faults on the write routes', () => {
  it('answers an injected 403 or 500 to threads.modify by method and path, leaving the mailbox as it was', async () => {
    const { id } = billingThread();
    const before = demo.fake.control.labels(AGENT);
    demo.fake.control.addFault({ method: 'GET', pathIncludes: '/modify', status: 500 });
    demo.fake.control.addFault({ method: 'POST', pathIncludes: `/threads/${id}/modify`, status: 403 });
    demo.fake.control.addFault({ method: 'POST', pathIncludes: '/modify', status: 500 });
    demo.fake.control.clearRequests();

    const denied = await post(`/threads/${id}/modify`, { addLabelIds: ['STARRED'] });
    expect(denied.status).toBe(403);
    expect(denied.json<ErrorBody>().error.errors[0]?.reason).toBe('userRateLimitExceeded');
    const failed = await post(`/threads/${id}/modify`, { addLabelIds: ['STARRED'] });
    expect(failed.status).toBe(500);
    expect(failed.json<ErrorBody>().error.errors[0]?.reason).toBe('backendError');
    expect(demo.fake.control.labels(AGENT)).toEqual(before);

    expect((await post(`/threads/${id}/modify`, { addLabelIds: ['STARRED'] })).status).toBe(200);
    expect(demo.fake.control.requests().map((r) => [r.apiMethod, r.status, r.faulted])).toEqual([
      ['gmail.users.threads.modify', 403, true],
      ['gmail.users.threads.modify', 500, true],
      ['gmail.users.threads.modify', 200, false],
    ]);
  });

  it('faults labels.create, custom bodies and malformed answers included', async () => {
    demo.fake.control.addFault({ method: 'POST', pathIncludes: '/labels', status: 409, body: { error: { code: 409, message: 'Label name exists or conflicts', status: 'ABORTED' } } });
    demo.fake.control.addFault({ method: 'POST', pathIncludes: '/labels', status: 200, malformed: true });
    expect((await post('/labels', { name: 'Case/Open' })).status).toBe(409);
    const malformed = await post('/labels', { name: 'Case/Open' });
    expect(malformed.status).toBe(200);
    expect(typeof malformed.json<{ id: unknown }>().id).not.toBe('string');
    expect(demo.fake.control.labels(AGENT).labels.some((l) => l.name === 'Case/Open')).toBe(false);
  });
});

describe('the fake Gmail page shows user labels', () => {
  const view = async (hash: string) =>
    (await call(demo.fake, 'mail.google.com', `/mail/u/0/__fake/view?hash=${encodeURIComponent(hash)}`)).json<{ html: string }>();

  it('as chips on the conversation row and under the conversation heading, outside the subject', async () => {
    const { id } = billingThread();
    const chip = '<span class="at" title="Customers/VIP" data-label-id="Label_1"><span class="av">Customers/VIP</span></span>';
    expect((await view('inbox')).html).toContain(chip);
    demo.fake.control.createLabel(AGENT, 'Case/Open');
    demo.fake.control.modifyThread(AGENT, id, { add: ['Case/Open'] });
    const conversation = (await view(`all/${id}`)).html;
    expect(conversation).toMatch(/<h2 class="hP"[^>]*>Updating our billing address<\/h2><span class="ar as">/);
    expect(conversation).toContain('<span class="at" title="Case/Open" data-label-id="Label_2">');
    // Labels hidden from the message list show no chip.
    demo.fake.control.createLabel(AGENT, 'Case/Internal', { messageListVisibility: 'hide' });
    demo.fake.control.modifyThread(AGENT, id, { add: ['Case/Internal'] });
    expect((await view(`all/${id}`)).html).not.toContain('Case/Internal');
  });
});
