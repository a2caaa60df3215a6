/**
 * The Gmail method bodies: given an authorised request for one mailbox, build the JSON Google
 * would answer (or its error). Lists are newest first, paged with opaque numeric page tokens,
 * and leave spam and trash out unless asked. The write methods (labels.create, threads.modify,
 * messages.modify) change the mailbox and its history.
 */
import { badRequest, invalidFieldValues, labelConflict, notFound } from './errors.ts';
import { parseLabelBody, parseModifyBody } from './gmail-bodies.ts';
import { HEX_ID } from './ids.ts';
import type { FakeResponse } from './http-types.ts';
import { NOT_APPLICABLE } from './labels.ts';
import type { HistoryRecord, HistoryType, Mailbox, StoredMessage, StoredThread } from './mailbox.ts';
import { attachmentIdFor, entityAt } from './mime-parse.ts';
import { renderMessage, renderThread, type JsonObject, type MessageFormat } from './resources.ts';
import { compileQuery, mentionsSpamOrTrash } from './search.ts';
import type { GmailRouteName } from './gmail-routes.ts';

export type MethodResult = { ok: true; body: JsonObject } | { ok: false; response: FakeResponse };

export interface MethodInput {
  name: GmailRouteName;
  mailbox: Mailbox;
  params: string[];
  query: URLSearchParams;
  /** The request body (JSON for the write methods, empty otherwise). */
  body: Buffer;
  now: number;
}

const ok = (body: JsonObject): MethodResult => ({ ok: true, body });
const fail = (response: FakeResponse): MethodResult => ({ ok: false, response });

export function requestedFormat(name: GmailRouteName, query: URLSearchParams): MessageFormat | 'invalid' {
  const format = (query.get('format') ?? 'full').toLowerCase();
  const allowed = name === 'messages.get' ? ['full', 'metadata', 'minimal', 'raw'] : ['full', 'metadata', 'minimal'];
  return allowed.includes(format) ? (format as MessageFormat) : 'invalid';
}

/** Page tokens look like Google's: a long string of digits. */
function pageOffset(token: string | null): number | undefined {
  if (token === null || token === '') return 0;
  return /^\d{20}$/.test(token) ? Number(token.slice(-10)) : undefined;
}

function pageToken(offset: number): string {
  return `1${String(offset).padStart(19, '0')}`;
}

/** The list methods' page size when `maxResults` is absent, and the most one page holds. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

const UINT32 = /^\+?[0-9]+$/;
const BOOL: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };

/**
 * `maxResults` as Gmail reads it. The proto layer parses every repeat as a uint32 and refuses all
 * it cannot read in one 400 (`Invalid value at 'max_results' (TYPE_UINT32), "<value>"`: negative,
 * empty, fractional, non-numeric, past 2^32-1). The method then takes the last repeat: 0 and values
 * from 2^31 up are `Invalid maxResults`; anything else above 500 is served as 500, not refused.
 */
export function pageSize(query: URLSearchParams): number | MethodResult {
  const raws = query.getAll('maxResults');
  if (raws.length === 0) return DEFAULT_PAGE_SIZE;
  const unreadable = raws.filter((raw) => !UINT32.test(raw) || BigInt(raw) > 0xffff_ffffn);
  if (unreadable.length > 0) {
    return fail(invalidFieldValues(unreadable.map((raw) => ({ field: 'max_results', description: `Invalid value at 'max_results' (TYPE_UINT32), "${raw}"` }))));
  }
  const size = Number(raws.at(-1));
  if (size === 0 || size >= 2 ** 31) return fail(badRequest('Invalid maxResults'));
  return Math.min(size, MAX_PAGE_SIZE);
}

/** `includeSpamTrash` as the proto layer reads a bool (last repeat wins); default false. */
function includeSpamTrashOf(query: URLSearchParams): boolean | MethodResult {
  const raws = query.getAll('includeSpamTrash');
  const unreadable = raws.filter((raw) => BOOL[raw.toLowerCase()] === undefined);
  if (unreadable.length > 0) {
    return fail(invalidFieldValues(unreadable.map((raw) => ({ field: 'include_spam_trash', description: `Invalid value at 'include_spam_trash' (TYPE_BOOL), "${raw}"` }))));
  }
  const last = raws.at(-1);
  return last === undefined ? false : BOOL[last.toLowerCase()] === true;
}

function listFilter(input: MethodInput): ((m: StoredMessage) => boolean) | MethodResult {
  const q = input.query.get('q') ?? '';
  const labelIds = input.query.getAll('labelIds');
  const asked = includeSpamTrashOf(input.query);
  if (typeof asked !== 'boolean') return asked;
  const includeSpamTrash = asked || mentionsSpamOrTrash(q);
  const matchesQuery = q.trim() === '' ? () => true : compileQuery(q, input.mailbox.labels, input.now);
  return (m) =>
    labelIds.every((l) => m.labelIds.includes(l)) &&
    (includeSpamTrash || !m.labelIds.some((l) => l === 'SPAM' || l === 'TRASH')) &&
    matchesQuery(m);
}

/** A page of `items`; the last page carries no `next` (Gmail leaves `nextPageToken` out). */
function page<T>(items: T[], query: URLSearchParams): { items: T[]; next?: string } | MethodResult {
  const size = pageSize(query);
  if (typeof size !== 'number') return size;
  const offset = pageOffset(query.get('pageToken'));
  if (offset === undefined) return fail(badRequest('Invalid pageToken', 'invalidArgument'));
  const slice = items.slice(offset, offset + size);
  return offset + size < items.length ? { items: slice, next: pageToken(offset + size) } : { items: slice };
}

function isPage<T>(value: { items: T[]; next?: string } | MethodResult): value is { items: T[]; next?: string } {
  return 'items' in value;
}

function compareIdsDesc(a: string, b: string): number {
  const x = BigInt(`0x${a}`);
  const y = BigInt(`0x${b}`);
  return x === y ? 0 : x > y ? -1 : 1;
}

function listThreads(input: MethodInput): MethodResult {
  const filter = listFilter(input);
  if (typeof filter !== 'function') return filter;
  const { mailbox } = input;
  const threads = [...mailbox.threads.values()]
    .filter((t) => t.messages.some(filter))
    // Most recent activity first; ids (which grow with time) break ties so paging is stable.
    .sort((a, b) => mailbox.lastDate(b) - mailbox.lastDate(a) || compareIdsDesc(a.id, b.id));
  const paged = page(threads, input.query);
  if (!isPage(paged)) return paged;
  const body: JsonObject = {};
  if (paged.items.length > 0) {
    body['threads'] = paged.items.map((t) => ({
      id: t.id,
      snippet: t.messages.at(-1)?.snippet ?? '',
      historyId: String(mailbox.threadHistoryId(t)),
    }));
  }
  if (paged.next !== undefined) body['nextPageToken'] = paged.next;
  body['resultSizeEstimate'] = threads.length;
  return ok(body);
}

function listMessages(input: MethodInput): MethodResult {
  const filter = listFilter(input);
  if (typeof filter !== 'function') return filter;
  const messages = [...input.mailbox.messages.values()]
    .filter(filter)
    .sort((a, b) => b.internalDate - a.internalDate || compareIdsDesc(a.id, b.id));
  const paged = page(messages, input.query);
  if (!isPage(paged)) return paged;
  const body: JsonObject = {};
  if (paged.items.length > 0) body['messages'] = paged.items.map((m) => ({ id: m.id, threadId: m.threadId }));
  if (paged.next !== undefined) body['nextPageToken'] = paged.next;
  body['resultSizeEstimate'] = messages.length;
  return ok(body);
}

function byId<T>(map: ReadonlyMap<string, T>, id: string): T | MethodResult {
  if (!HEX_ID.test(id)) return fail(badRequest('Invalid id value'));
  return map.get(id) ?? fail(notFound());
}

function isResult(value: unknown): value is MethodResult {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean' && ('response' in value || 'body' in value);
}

function renderOptions(input: MethodInput): { format: MessageFormat; metadataHeaders: string[] } {
  const format = requestedFormat(input.name, input.query);
  return { format: format === 'invalid' ? 'full' : format, metadataHeaders: input.query.getAll('metadataHeaders') };
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
const HISTORY_TYPES: Record<string, HistoryType | 'messageDeleted'> = {
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
  }
}
