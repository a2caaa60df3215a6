/**
 * Reply templates become real Gmail drafts (F6). The thread is read fresh (the newest message is
 * the one replied to, and a customer may have written a minute ago), the reply is built as MIME
 * here, and Gmail's drafts.create puts it in the thread. The extension remembers its last draft in
 * each thread, so inserting again offers to replace it rather than piling up drafts.
 */
import { deleteDraft, readDraft, writeDraft } from '../db/repositories';
import type { CacheDb, DraftRecord } from '../db/schema';
import { buildReplyMime, toRawBase64Url } from '../drafts/mime';
import { replyMimeInputOf } from '../drafts/reply';
import { GmailError } from '../gmail/errors';
import type { GmailDraft, GmailThread } from '../gmail/schemas';
import { FEATURE_SCOPES } from '../google/scopes';
import { isDraft } from '../mail/messages';
import type { Person } from '../mail/types';
import type { DraftResult } from '../messaging/protocol';
import { ScopeRequired } from './app-errors';

export interface DraftGmail {
  getThreadForReply: (threadId: string) => Promise<GmailThread>;
  createDraft: (threadId: string, raw: string) => Promise<GmailDraft>;
  updateDraft: (draftId: string, threadId: string, raw: string) => Promise<GmailDraft>;
  getDraft: (draftId: string) => Promise<GmailDraft>;
}

export interface DraftServiceDeps {
  db: () => Promise<CacheDb>;
  gmailFor: (account: string) => DraftGmail;
  holdsScopes: (account: string, scopes: readonly string[]) => Promise<boolean>;
  ensureToken: (account: string) => Promise<void>;
  now: () => number;
  /** A fresh multipart boundary (random, so no text can contain it). */
  newBoundary: () => string;
  log: (message: string, details: Record<string, unknown>) => void;
}

export interface DraftInsert {
  account: string;
  agent: Person;
  threadId: string;
  text: string;
  mode: 'new' | 'replace' | 'add';
}

/** Our earlier draft, still in Gmail: as we wrote it, or edited by the agent since. */
interface EarlierDraft {
  draftId: string;
  edited: boolean;
}

export function createDraftService(deps: DraftServiceDeps) {
  /**
   * The fresh thread shows our draft's message if it is untouched; otherwise drafts.get tells an
   * edited draft (Gmail gives it a new message id, the draft id stays) from one that was sent or
   * deleted (404).
   */
  async function earlierDraft(account: string, record: DraftRecord | null, thread: GmailThread): Promise<EarlierDraft | null> {
    if (!record) return null;
    if (thread.messages.some((message) => message.id === record.messageId && isDraft(message))) {
      return { draftId: record.draftId, edited: false };
    }
    try {
      const draft = await deps.gmailFor(account).getDraft(record.draftId);
      if (draft.message.threadId === record.threadId) return { draftId: draft.id, edited: draft.message.id !== record.messageId };
    } catch (error) {
      if (!(error instanceof GmailError && error.kind === 'not-found')) throw error;
    }
    await deleteDraft(await deps.db(), account, record.threadId);
    return null;
  }

  async function write(request: DraftInsert, thread: GmailThread, earlier: EarlierDraft | null): Promise<DraftResult> {
    const gmail = deps.gmailFor(request.account);
    const mime = replyMimeInputOf(thread, { agent: request.agent, text: request.text, date: new Date(deps.now()), boundary: deps.newBoundary() });
    const raw = toRawBase64Url(buildReplyMime(mime));
    let outcome: 'created' | 'replaced' = 'created';
    let draft: GmailDraft | null = null;
    if (earlier && request.mode === 'replace') {
      try {
        draft = await gmail.updateDraft(earlier.draftId, request.threadId, raw);
        outcome = 'replaced';
      } catch (error) {
        // Sent or deleted between the check and now: there is nothing to replace, so create.
        if (!(error instanceof GmailError && error.kind === 'not-found')) throw error;
      }
    }
    draft ??= await gmail.createDraft(request.threadId, raw);
    if (draft.message.threadId !== request.threadId) {
      deps.log('Gmail put the draft in another thread', { requested: request.threadId, got: draft.message.threadId });
    }
    const record = { account: request.account, threadId: request.threadId, draftId: draft.id, messageId: draft.message.id, fetchedAt: deps.now() };
    await writeDraft(await deps.db(), record);
    return { outcome, draftId: draft.id, threadId: draft.message.threadId };
  }

  return {
    async insert(request: DraftInsert): Promise<DraftResult> {
      await deps.ensureToken(request.account);
      if (!(await deps.holdsScopes(request.account, FEATURE_SCOPES.drafts))) throw new ScopeRequired('Gmail compose scope not granted');
      const gmail = deps.gmailFor(request.account);
      const db = await deps.db();
      const [thread, record] = await Promise.all([gmail.getThreadForReply(request.threadId), readDraft(db, request.account, request.threadId)]);
      const earlier = await earlierDraft(request.account, record, thread);
      if (earlier && request.mode === 'new') return { outcome: 'exists', edited: earlier.edited };
      try {
        return await write(request, thread, earlier);
      } catch (error) {
        if (error instanceof GmailError && error.kind === 'insufficient-scope') throw new ScopeRequired(error.message);
        throw error;
      }
    },
  };
}

export type DraftService = ReturnType<typeof createDraftService>;
