/**
 * Drafts as Gmail keeps them: a draft is a stable id (`r<digits>`) pointing at one message
 * labelled DRAFT. Every save — users.drafts.create/update or an edit in Gmail's web UI — stores a
 * new message (new id, dated now, with a Message-ID) and deletes the previous one, so the draft id
 * is the only handle that survives. Through the API the message joins the thread it names only
 * under Gmail's threading rules (threading.ts); an edit in the web UI stays where the draft is.
 */
import { newestFirst } from './gmail-common.ts';
import { draftIdFor, gmailMessageIdHeader } from './ids.ts';
import type { Mailbox, StoredMessage } from './mailbox.ts';
import { textPart } from './mime-build.ts';
import { headerValue, parseEntity, parseHeaders, splitHead } from './mime-parse.ts';
import { joinsThread } from './threading.ts';

/** A message the API saves as a draft carries DRAFT and nothing else (no INBOX, no UNREAD). */
const DRAFT_LABELS = ['DRAFT'];

/** The raw message's header fields, each with its folded continuation lines. */
function headerFields(raw: string): string[] {
  return splitHead(raw).head.split(/\r?\n(?![ \t])/).filter((field) => field.trim() !== '');
}

function fieldName(field: string): string {
  return field.slice(0, Math.max(0, field.indexOf(':'))).trim().toLowerCase();
}

/** Gmail keeps the headers as sent, but gives a message without a Message-ID one of its own. */
function withMessageId(raw: string): string {
  if (headerValue(parseHeaders(splitHead(raw).head), 'Message-ID') !== undefined) return raw;
  const eol = raw.includes('\r\n') ? '\r\n' : '\n';
  return `Message-ID: ${gmailMessageIdHeader()}${eol}${raw}`;
}

/** Points the draft at its new message and deletes the one it replaces (history: added, then deleted). */
function keep(mailbox: Mailbox, draftId: string, message: StoredMessage, previous: StoredMessage | undefined): void {
  mailbox.drafts.set(draftId, message);
  if (previous !== undefined) mailbox.removeMessage(previous);
}

/**
 * Saves `raw` as the draft `draftId` (a new draft when absent): in `threadId` when the threading
 * rules hold, else in a thread of its own. The caller has checked that `threadId` exists.
 */
export function saveDraft(mailbox: Mailbox, raw: string, threadId?: string, draftId?: string): { draftId: string; message: StoredMessage } {
  const previous = draftId === undefined ? undefined : mailbox.drafts.get(draftId);
  const text = withMessageId(raw);
  const thread = threadId === undefined ? undefined : mailbox.threads.get(threadId);
  const target = thread !== undefined && joinsThread(thread, parseEntity(text), previous) ? thread.id : undefined;
  const message = mailbox.addRawMessage(text, DRAFT_LABELS, target);
  const id = draftId ?? draftIdFor(new Set(mailbox.drafts.keys()));
  keep(mailbox, id, message, previous);
  return { draftId: id, message };
}

/** Deletes a draft and its message for good; false when there is no such draft. */
export function deleteDraft(mailbox: Mailbox, draftId: string): boolean {
  const message = mailbox.drafts.get(draftId);
  if (message === undefined) return false;
  mailbox.drafts.delete(draftId);
  mailbox.removeMessage(message);
  return true;
}

/** Header fields an edit in the web UI rewrites: the body's own, and the Message-ID Gmail renews on each save. */
const REWRITTEN = new Set(['message-id', 'content-type', 'content-transfer-encoding']);

/**
 * The agent edits a draft in Gmail's compose window: same draft id and thread, a new message with
 * a Gmail Message-ID, the body replaced by `text` (plain text) and every other header kept.
 */
export function editDraftInGmail(mailbox: Mailbox, draftId: string, text: string): StoredMessage {
  const previous = mailbox.drafts.get(draftId);
  if (previous === undefined) throw new Error(`no draft ${draftId} in ${mailbox.email}`);
  const kept = headerFields(previous.raw).filter((field) => !REWRITTEN.has(fieldName(field)));
  const raw = `${[...kept, `Message-ID: ${gmailMessageIdHeader()}`, textPart('plain', text)].join('\r\n')}\r\n`;
  const message = mailbox.addRawMessage(raw, previous.labelIds, previous.threadId);
  keep(mailbox, draftId, message, previous);
  return message;
}

/** The mailbox's drafts as [draft id, message], newest first, as users.drafts.list orders them. */
export function draftsNewestFirst(mailbox: Mailbox): [string, StoredMessage][] {
  return [...mailbox.drafts].sort(([, a], [, b]) => newestFirst(a, b));
}
