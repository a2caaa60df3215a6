/**
 * users.drafts.create/update/get/list/delete. Each answers the Draft resource `{id, message}` as
 * Gmail does: create and update with the message's id, threadId and labelIds; get with the message
 * rendered in `format` exactly as messages.get renders it; list with ids only, newest first; delete
 * with an empty 204. An unknown draft id is a 404 whatever its shape (drafts have no hex check).
 */
import { deleteDraft as removeDraft, draftsNewestFirst, saveDraft } from './drafts.ts';
import { badRequest, notFound } from './errors.ts';
import { parseDraftBody } from './gmail-bodies.ts';
import { fail, listAnswer, listFilter, ok, renderOptions, type MethodInput, type MethodResult } from './gmail-common.ts';
import type { StoredMessage } from './mailbox.ts';
import { renderMessage, type JsonObject } from './resources.ts';

function draftResource(id: string, message: StoredMessage): JsonObject {
  return { id, message: { id: message.id, threadId: message.threadId, labelIds: [...message.labelIds] } };
}

/**
 * create and update, checked in the order Google's layers would: the body as the proto layer reads
 * it (JSON, field types, base64), the draft (404), a message to save (400 `Missing draft message`),
 * then the thread it names (404). The id in an update's body is not compared: the path's wins.
 */
function save(input: MethodInput, draftId?: string): MethodResult {
  const parsed = parseDraftBody(input.body);
  if (!parsed.ok) return fail(parsed.response);
  const { mailbox } = input;
  if (draftId !== undefined && !mailbox.drafts.has(draftId)) return fail(notFound());
  const { raw, threadId } = parsed.value;
  if (raw === undefined || raw.length === 0) return fail(badRequest('Missing draft message'));
  if (threadId !== undefined && !mailbox.threads.has(threadId)) return fail(notFound());
  const saved = saveDraft(mailbox, raw.toString('utf8'), threadId, draftId);
  return ok(draftResource(saved.draftId, saved.message));
}

export function createDraft(input: MethodInput): MethodResult {
  return save(input);
}

export function updateDraft(input: MethodInput): MethodResult {
  return save(input, input.params[0] ?? '');
}

export function getDraft(input: MethodInput): MethodResult {
  const id = input.params[0] ?? '';
  const message = input.mailbox.drafts.get(id);
  return message === undefined ? fail(notFound()) : ok({ id, message: renderMessage(message, renderOptions(input)) });
}

export function listDrafts(input: MethodInput): MethodResult {
  // users.drafts.list has `q` and `includeSpamTrash` but no `labelIds`.
  const filter = listFilter(input, []);
  if (typeof filter !== 'function') return filter;
  const drafts = draftsNewestFirst(input.mailbox).filter(([, message]) => filter(message));
  return listAnswer(drafts, 'drafts', input.query, ([id, message]) => ({ id, message: { id: message.id, threadId: message.threadId } }));
}

export function deleteDraft(input: MethodInput): MethodResult {
  return removeDraft(input.mailbox, input.params[0] ?? '') ? ok(null) : fail(notFound());
}
