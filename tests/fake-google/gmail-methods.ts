/**
 * The Gmail method bodies: given an authorised request for one mailbox, build the JSON Google
 * would answer (or its error). Lists are newest first, paged with opaque numeric page tokens,
 * and leave spam and trash out unless asked. The write methods (labels.create, threads.modify,
 * messages.modify) change the mailbox and its history; the drafts methods live in gmail-drafts.ts.
 */
import { badRequest, invalidFieldValues, labelConflict, notFound } from './errors.ts';
import { parseLabelBody, parseModifyBody } from './gmail-bodies.ts';
import { createDraft, deleteDraft, getDraft, listDrafts, updateDraft } from './gmail-drafts.ts';
import {
  compareIdsDesc, fail, isPage, isResult, listAnswer, listFilter, newestFirst, ok, page, renderOptions, type MethodInput, type MethodResult,
} from './gmail-common.ts';
import { HEX_ID } from './ids.ts';
import { NOT_APPLICABLE } from './labels.ts';
import type { HistoryRecord, HistoryType, Mailbox, StoredMessage, StoredThread } from './mailbox.ts';
import { attachmentIdFor, entityAt } from './mime-parse.ts';
import { renderMessage, renderThread, type JsonObject } from './resources.ts';

function listThreads(input: MethodInput): MethodResult {
  const filter = listFilter(input, input.query.getAll('labelIds'));
  if (typeof filter !== 'function') return filter;
  const { mailbox } = input;
  const threads = [...mailbox.threads.values()]
    .filter((t) => t.messages.some(filter))
    // Most recent activity first; ids (which grow with time) break ties so paging is stable.
    .sort((a, b) => mailbox.lastDate(b) - mailbox.lastDate(a) || compareIdsDesc(a.id, b.id));
  return listAnswer(threads, 'threads', input.query, (t) => ({
    id: t.id,
    snippet: t.messages.at(-1)?.snippet ?? '',
    historyId: String(mailbox.threadHistoryId(t)),
  }));
}

function listMessages(input: MethodInput): MethodResult {
  const filter = listFilter(input, input.query.getAll('labelIds'));
  if (typeof filter !== 'function') return filter;
  const messages = [...input.mailbox.messages.values()].filter(filter).sort(newestFirst);
  return listAnswer(messages, 'messages', input.query, (m) => ({ id: m.id, threadId: m.threadId }));
}

function byId<T>(map: ReadonlyMap<string, T>, id: string): T | MethodResult {
  if (!HEX_ID.test(id)) return fail(badRequest('Invalid id value'));
  return map.get(id) ?? fail(notFound());
}

function getAttachment(input: MethodInput): MethodResult {
  const message = byId(input.mailbox.messages, input.params[0] ?? '');
  if (isResult(message)) return message;
  const wanted = input.params[1] ?? '';
  const found = findAttachment(message, wanted);
  if (found === undefined) return fail(badRequest('Invalid attachment token'));
  return ok({ size: found.length, data: found.toString('base64').replace(/\+/g, '-').replace(/\//g, '_') });
}

function findAttachment(message: StoredMessage, attachmentId: string): Buffer | undefined {
  const walk = (partId: string): Buffer | undefined => {
    const entity = entityAt(message.entity, partId);
    if (entity === undefined) return undefined;
    if (entity.filename !== '' && attachmentIdFor(message.id, partId) === attachmentId) return entity.body;
    for (let i = 0; i < entity.parts.length; i++) {
      const found = walk(partId === '' ? String(i) : `${partId}.${i}`);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk('');
}

/** users.history.list's `historyTypes`, by the discovery document's names (the proto's too). */
const HISTORY_TYPES: Record<string, HistoryType> = {
  messageadded: 'messageAdded', message_added: 'messageAdded',
  messagedeleted: 'messageDeleted', message_deleted: 'messageDeleted',
  labeladded: 'labelAdded', label_added: 'labelAdded',
  labelremoved: 'labelRemoved', label_removed: 'labelRemoved',
};

function historyTypesOf(query: URLSearchParams): Set<string> | MethodResult {
  const raws = query.getAll('historyTypes');
  const violations = raws.flatMap((raw, i) =>
    HISTORY_TYPES[raw.toLowerCase()] === undefined
      ? [{ field: `history_types[${i}]`, description: `Invalid value at 'history_types[${i}]' (type.googleapis.com/google.apps.gmail.v1.HistoryType), "${raw}"` }]
      : [],
  );
  if (violations.length > 0) return fail(invalidFieldValues(violations));
  return new Set(raws.map((raw) => HISTORY_TYPES[raw.toLowerCase()] as string));
}

/** A record as Google writes it: `messages` (id and threadId only) plus the field of its type. */
function renderHistory(h: HistoryRecord): JsonObject {
  const message = { id: h.message.id, threadId: h.message.threadId, labelIds: [...h.message.labelIds] };
  const record: JsonObject = { id: String(h.id), messages: [{ id: h.message.id, threadId: h.message.threadId }] };
  switch (h.type) {
    case 'messageAdded':
      record['messagesAdded'] = [{ message }];
      break;
    case 'messageDeleted':
      record['messagesDeleted'] = [{ message }];
      break;
    case 'labelAdded':
      record['labelsAdded'] = [{ message, labelIds: [...(h.labelIds ?? [])] }];
      break;
    case 'labelRemoved':
      record['labelsRemoved'] = [{ message, labelIds: [...(h.labelIds ?? [])] }];
      break;
  }
  return record;
}

/**
 * Records after `startHistoryId`, oldest first, optionally only of `historyTypes` and only for
 * messages carrying `labelId` (after the change — or, for a label change, the label it changed,
 * so removing the label still shows). An id older than the fake keeps answers 404 (full resync).
 */
function listHistory(input: MethodInput): MethodResult {
  const { mailbox, query } = input;
  const start = query.get('startHistoryId');
  if (start === null || !/^\d+$/.test(start)) return fail(badRequest('Invalid startHistoryId', 'invalidArgument'));
  if (Number(start) < mailbox.historyFloor) return fail(notFound());
  const types = historyTypesOf(query);
  if (!(types instanceof Set)) return types;
  const labelId = query.get('labelId');
  const records = mailbox.history.filter(
    (h) =>
      h.id > Number(start) &&
      (types.size === 0 || types.has(h.type)) &&
      (labelId === null || h.message.labelIds.includes(labelId) || (h.labelIds ?? []).includes(labelId)),
  );
  const paged = page(records, query);
  if (!isPage(paged)) return paged;
  const body: JsonObject = {};
  if (paged.items.length > 0) body['history'] = paged.items.map(renderHistory);
  if (paged.next !== undefined) body['nextPageToken'] = paged.next;
  body['historyId'] = String(mailbox.currentHistoryId);
  return ok(body);
}

/**
 * A modify, checked in the order Google's layers would: the body as the proto layer reads it, the
 * id (400 `Invalid id value`, 404), then the labels — at least one (400 `No label add or removes
 * specified`, google-api-nodejs-client #312), each an existing label id (names and wrong case are
 * not ids) and none of SENT/DRAFT/CHAT, else 400 `Invalid label: <id>` (google-api-php-client
 * #1254 quotes that body for `removeLabelIds: ["SENT"]`).
 */
function labelEdit<T>(input: MethodInput, items: ReadonlyMap<string, T>): { target: T; add: string[]; remove: string[] } | MethodResult {
  const parsed = parseModifyBody(input.body);
  if (!parsed.ok) return fail(parsed.response);
  const target = byId<T>(items, input.params[0] ?? '');
  if (isResult(target)) return target;
  const { add, remove } = parsed.value;
  if (add.length === 0 && remove.length === 0) return fail(badRequest('No label add or removes specified'));
  const invalid = [...add, ...remove].find((id) => !input.mailbox.labels.has(id) || NOT_APPLICABLE.has(id));
  if (invalid !== undefined) return fail(badRequest(`Invalid label: ${invalid}`));
  return { target, add, remove };
}

/** What users.messages.modify answers, and each message of users.threads.modify's Thread. */
function modifiedMessage(message: StoredMessage): JsonObject {
  return { id: message.id, threadId: message.threadId, labelIds: [...message.labelIds] };
}

function modifyThread(input: MethodInput): MethodResult {
  const edit = labelEdit<StoredThread>(input, input.mailbox.threads);
  if (isResult(edit)) return edit;
  const thread = edit.target;
  input.mailbox.modifyLabels(thread.messages, edit);
  return ok({ id: thread.id, historyId: String(input.mailbox.threadHistoryId(thread)), messages: thread.messages.map(modifiedMessage) });
}

function modifyMessage(input: MethodInput): MethodResult {
  const edit = labelEdit<StoredMessage>(input, input.mailbox.messages);
  if (isResult(edit)) return edit;
  input.mailbox.modifyLabels([edit.target], edit);
  return ok(modifiedMessage(edit.target));
}

/**
 * users.labels.create: 400 `Invalid label name` for empty or reserved names (GYB #82, #95, #316,
 * lieer #52), 409 for a name taken regardless of case (see labelConflict), 400 for a color off
 * the palette; otherwise the new Label. A nested name (`Cases/Open`) needs no parent label.
 */
function createLabel(input: MethodInput): MethodResult {
  const parsed = parseLabelBody(input.body);
  if (!parsed.ok) return fail(parsed.response);
  const created = input.mailbox.labels.create(parsed.value.name, parsed.value.options);
  if (created.ok) return ok(created.label as unknown as JsonObject);
  return fail(created.problem === 'conflict' ? labelConflict() : badRequest(created.message));
}

function labelCounts(mailbox: Mailbox, labelId: string): JsonObject {
  const messages = [...mailbox.messages.values()].filter((m) => m.labelIds.includes(labelId));
  const threads = new Set(messages.map((m) => m.threadId));
  const unread = messages.filter((m) => m.labelIds.includes('UNREAD'));
  return {
    messagesTotal: messages.length,
    messagesUnread: unread.length,
    threadsTotal: threads.size,
    threadsUnread: new Set(unread.map((m) => m.threadId)).size,
  };
}

export function runMethod(input: MethodInput): MethodResult {
  const { mailbox } = input;
  switch (input.name) {
    case 'getProfile':
      return ok({
        emailAddress: mailbox.email,
        messagesTotal: mailbox.messages.size,
        threadsTotal: mailbox.threads.size,
        historyId: String(mailbox.currentHistoryId),
      });
    case 'labels.list':
      return ok({ labels: mailbox.labels.all() as unknown as JsonObject[] });
    case 'labels.create':
      return createLabel(input);
    case 'labels.get': {
      const label = mailbox.labels.all().find((l) => l.id === input.params[0]);
      return label === undefined ? fail(notFound()) : ok({ ...(label as unknown as JsonObject), ...labelCounts(mailbox, label.id) });
    }
    case 'threads.list':
      return listThreads(input);
    case 'messages.list':
      return listMessages(input);
    case 'threads.get': {
      const thread = byId<StoredThread>(mailbox.threads, input.params[0] ?? '');
      return isResult(thread) ? thread : ok(renderThread(mailbox, thread, renderOptions(input)));
    }
    case 'messages.get': {
      const message = byId<StoredMessage>(mailbox.messages, input.params[0] ?? '');
      return isResult(message) ? message : ok(renderMessage(message, renderOptions(input)));
    }
    case 'threads.modify':
      return modifyThread(input);
    case 'messages.modify':
      return modifyMessage(input);
    case 'messages.attachments.get':
      return getAttachment(input);
    case 'history.list':
      return listHistory(input);
    case 'drafts.create':
      return createDraft(input);
    case 'drafts.update':
      return updateDraft(input);
    case 'drafts.get':
      return getDraft(input);
    case 'drafts.list':
      return listDrafts(input);
    case 'drafts.delete':
      return deleteDraft(input);
  }
}
