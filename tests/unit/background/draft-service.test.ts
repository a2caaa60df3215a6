import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ScopeRequired } from '../../../utils/background/app-errors';
import { createDraftService, type DraftGmail } from '../../../utils/background/draft-service';
import { readDraft } from '../../../utils/db/repositories';
import { GmailError } from '../../../utils/gmail/errors';
import type { GmailDraft, GmailMessage, GmailThread } from '../../../utils/gmail/schemas';
import { GMAIL_COMPOSE_SCOPE } from '../../../utils/google/scopes';
import { parseEntity } from '../../fake-google/mime-parse';
import { freshDb, resetDb } from '../db/db-helpers';

beforeEach(resetDb);

const ACCOUNT = 'ana@support.example';
const AGENT = { email: ACCOUNT, name: 'Ana' };
const THREAD = '18c0ffee00000001';
const NOW = 1_764_000_000_000;

/** A thread of one customer message, and Gmail's drafts: just enough of Gmail for the service. */
function fakeGmail() {
  const customer: GmailMessage = {
    id: '18c0ffee00000001',
    threadId: THREAD,
    labelIds: ['INBOX'],
    internalDate: '1000',
    payload: { headers: [{ name: 'From', value: 'Maria <maria@cliente.com.br>' }, { name: 'Subject', value: 'Pedido' }, { name: 'Message-ID', value: '<m1@cliente.com.br>' }] },
  };
  const messages: GmailMessage[] = [customer];
  const drafts = new Map<string, { messageId: string; raw: string }>();
  let counter = 0x100;
  const newMessage = (raw: string): string => {
    const id = (counter++).toString(16).padStart(16, 'd');
    messages.push({ id, threadId: THREAD, labelIds: ['DRAFT'], internalDate: '2000' });
    return id;
  };
  const dropMessage = (id: string) => messages.splice(messages.findIndex((m) => m.id === id), 1);
  const answer = (draftId: string): GmailDraft => ({ id: draftId, message: { id: drafts.get(draftId)!.messageId, threadId: THREAD, labelIds: ['DRAFT'] } });
  const notFound = () => new GmailError('not-found', 'Requested entity was not found.', 404, 'notFound');
  const gmail = {
    getThreadForReply: vi.fn(async (): Promise<GmailThread> => ({ id: THREAD, messages: structuredClone(messages) })),
    createDraft: vi.fn(async (_threadId: string, raw: string) => {
      const draftId = `r-${counter}`;
      drafts.set(draftId, { messageId: newMessage(raw), raw });
      return answer(draftId);
    }),
    updateDraft: vi.fn(async (draftId: string, _threadId: string, raw: string) => {
      const draft = drafts.get(draftId);
      if (!draft) throw notFound();
      dropMessage(draft.messageId);
      drafts.set(draftId, { messageId: newMessage(raw), raw });
      return answer(draftId);
    }),
    getDraft: vi.fn(async (draftId: string) => {
      if (!drafts.has(draftId)) throw notFound();
      return answer(draftId);
    }),
  } satisfies DraftGmail;
  return {
    gmail,
    drafts,
    /** The agent edits the draft in Gmail: same draft, new message. */
    editInGmail(draftId: string) {
      const draft = drafts.get(draftId)!;
      dropMessage(draft.messageId);
      drafts.set(draftId, { ...draft, messageId: newMessage(draft.raw) });
    },
    /** The agent sends or deletes it. */
    discard(draftId: string) {
      dropMessage(drafts.get(draftId)!.messageId);
      drafts.delete(draftId);
    },
  };
}

async function setup({ scoped = true } = {}) {
  const google = fakeGmail();
  const db = await freshDb();
  const holdsScopes = vi.fn(async () => scoped);
  const log = vi.fn();
  const service = createDraftService({
    db: async () => db,
    gmailFor: () => google.gmail,
    holdsScopes,
    ensureToken: async () => {},
    now: () => NOW,
    newBoundary: () => '=_test_boundary',
    log,
  });
  const insert = (mode: 'new' | 'replace' | 'add', text = 'Olá Maria 🎉') => service.insert({ account: ACCOUNT, agent: AGENT, threadId: THREAD, text, mode });
  return { ...google, db, service, holdsScopes, log, insert };
}

const decoded = (raw: string) => parseEntity(Buffer.from(raw, 'base64url').toString('utf8'));

describe('draft service', () => {
  it('creates a reply draft in the thread and remembers it', async () => {
    const { insert, gmail, drafts, db, holdsScopes } = await setup();
    const result = await insert('new');
    expect(result).toEqual({ outcome: 'created', draftId: expect.any(String), threadId: THREAD });
    expect(holdsScopes).toHaveBeenCalledWith(ACCOUNT, [GMAIL_COMPOSE_SCOPE]);
    const [[threadId, raw]] = gmail.createDraft.mock.calls as [[string, string]];
    expect(threadId).toBe(THREAD);
    const message = decoded(raw);
    const header = (name: string) => message.headers.find((h) => h.name === name)?.value;
    expect(header('In-Reply-To')).toBe('<m1@cliente.com.br>');
    expect(header('To')).toBe('Maria <maria@cliente.com.br>');
    expect(header('Subject')).toBe('Re: Pedido');
    expect(message.parts[0]?.body.toString('utf8')).toBe('Olá Maria 🎉');
    if (result.outcome === 'exists') throw new Error('unexpected');
    expect(await readDraft(db, ACCOUNT, THREAD)).toEqual({ account: ACCOUNT, threadId: THREAD, draftId: result.draftId, messageId: drafts.get(result.draftId)!.messageId, fetchedAt: NOW });
  });

  it('stops at its earlier draft and says it is untouched, without asking Gmail for the draft', async () => {
    const { insert, gmail } = await setup();
    await insert('new');
    expect(await insert('new')).toEqual({ outcome: 'exists', edited: false });
    expect(gmail.createDraft).toHaveBeenCalledTimes(1);
    expect(gmail.getDraft).not.toHaveBeenCalled();
  });

  it('tells a draft the agent edited in Gmail from one that is gone', async () => {
    const { insert, editInGmail, discard, gmail } = await setup();
    const first = await insert('new');
    if (first.outcome === 'exists') throw new Error('unexpected');
    editInGmail(first.draftId);
    expect(await insert('new')).toEqual({ outcome: 'exists', edited: true });
    discard(first.draftId);
    expect(await insert('new')).toMatchObject({ outcome: 'created' });
    expect(gmail.createDraft).toHaveBeenCalledTimes(2);
  });

  it('asks Gmail for the draft when the thread read leaves drafts out, and knows it untouched by its message id', async () => {
    const { insert, gmail } = await setup();
    await insert('new');
    gmail.getThreadForReply.mockImplementationOnce(async () => ({
      id: THREAD,
      messages: [{ id: THREAD, threadId: THREAD, labelIds: ['INBOX'], internalDate: '1000' }],
    }));
    expect(await insert('new')).toEqual({ outcome: 'exists', edited: false });
    expect(gmail.getDraft).toHaveBeenCalledTimes(1);
  });

  it('replaces the earlier draft in place: same draft id, one draft in the thread', async () => {
    const { insert, drafts, gmail } = await setup();
    const first = await insert('new', 'primeira');
    const second = await insert('replace', 'segunda');
    expect(second).toEqual({ outcome: 'replaced', draftId: (first as { draftId: string }).draftId, threadId: THREAD });
    expect(drafts.size).toBe(1);
    expect(decoded(gmail.updateDraft.mock.calls[0]![2]).parts[0]?.body.toString('utf8')).toBe('segunda');
  });

  it('creates when the draft to replace was sent meanwhile', async () => {
    const { insert, gmail, drafts } = await setup();
    await insert('new');
    gmail.updateDraft.mockRejectedValueOnce(new GmailError('not-found', 'Requested entity was not found.', 404));
    expect(await insert('replace')).toMatchObject({ outcome: 'created' });
    expect(drafts.size).toBe(2);
  });

  it("keeps both when asked, and remembers the newest", async () => {
    const { insert, drafts, db } = await setup();
    await insert('new');
    const second = await insert('add');
    expect(drafts.size).toBe(2);
    expect((await readDraft(db, ACCOUNT, THREAD))?.draftId).toBe((second as { draftId: string }).draftId);
  });

  it('asks for the compose scope before any Gmail call', async () => {
    const { insert, gmail } = await setup({ scoped: false });
    await expect(insert('new')).rejects.toBeInstanceOf(ScopeRequired);
    expect(gmail.getThreadForReply).not.toHaveBeenCalled();
  });

  it("turns Gmail's insufficientPermissions into a scope request and creates nothing", async () => {
    const { insert, gmail, db } = await setup();
    gmail.createDraft.mockRejectedValueOnce(new GmailError('insufficient-scope', 'Request had insufficient authentication scopes.', 403));
    await expect(insert('new')).rejects.toBeInstanceOf(ScopeRequired);
    expect(await readDraft(db, ACCOUNT, THREAD)).toBeNull();
  });

  it('remembers nothing when Gmail fails', async () => {
    const { insert, gmail, db } = await setup();
    gmail.createDraft.mockRejectedValueOnce(new GmailError('server', 'Backend Error', 503));
    await expect(insert('new')).rejects.toBeInstanceOf(GmailError);
    expect(await readDraft(db, ACCOUNT, THREAD)).toBeNull();
  });
});
