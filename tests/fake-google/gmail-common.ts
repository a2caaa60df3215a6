/**
 * What the Gmail method bodies share: the input/result contract, the `format` options of the get
 * methods, and the list methods' plumbing — `maxResults`/`pageToken` paging with opaque numeric
 * tokens, the `q`/`labelIds`/`includeSpamTrash` filter (spam and trash left out unless asked) and
 * newest-first ordering.
 */
import { badRequest, invalidFieldValues } from './errors.ts';
import type { GmailRouteName } from './gmail-routes.ts';
import type { FakeResponse } from './http-types.ts';
import type { Mailbox, StoredMessage } from './mailbox.ts';
import type { JsonObject, MessageFormat, RenderOptions } from './resources.ts';
import { compileQuery, mentionsSpamOrTrash } from './search.ts';

/** A method's answer: a JSON body, `null` for an empty 204 (the delete methods), or an error. */
export type MethodResult = { ok: true; body: JsonObject | null } | { ok: false; response: FakeResponse };

export interface MethodInput {
  name: GmailRouteName;
  mailbox: Mailbox;
  params: string[];
  query: URLSearchParams;
  /** The request body (JSON for the write methods, empty otherwise). */
  body: Buffer;
  now: number;
}

export const ok = (body: JsonObject | null): MethodResult => ({ ok: true, body });
export const fail = (response: FakeResponse): MethodResult => ({ ok: false, response });

export function isResult(value: unknown): value is MethodResult {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean' && ('response' in value || 'body' in value);
}

/** Only messages.get and drafts.get render the whole message as `raw`. */
export function requestedFormat(name: GmailRouteName, query: URLSearchParams): MessageFormat | 'invalid' {
  const format = (query.get('format') ?? 'full').toLowerCase();
  const allowed = name === 'messages.get' || name === 'drafts.get' ? ['full', 'metadata', 'minimal', 'raw'] : ['full', 'metadata', 'minimal'];
  return allowed.includes(format) ? (format as MessageFormat) : 'invalid';
}

/** An invalid `format` has been refused before the method runs, so it cannot reach here. */
export function renderOptions(input: MethodInput): RenderOptions {
  const format = requestedFormat(input.name, input.query);
  return { format: format === 'invalid' ? 'full' : format, metadataHeaders: input.query.getAll('metadataHeaders') };
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

/** The list filter: `q`, spam and trash, and the `labelIds` a method has (drafts.list has none). */
export function listFilter(input: MethodInput, labelIds: readonly string[]): ((m: StoredMessage) => boolean) | MethodResult {
  const q = input.query.get('q') ?? '';
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
export function page<T>(items: T[], query: URLSearchParams): { items: T[]; next?: string } | MethodResult {
  const size = pageSize(query);
  if (typeof size !== 'number') return size;
  const offset = pageOffset(query.get('pageToken'));
  if (offset === undefined) return fail(badRequest('Invalid pageToken', 'invalidArgument'));
  const slice = items.slice(offset, offset + size);
  return offset + size < items.length ? { items: slice, next: pageToken(offset + size) } : { items: slice };
}

export function isPage<T>(value: { items: T[]; next?: string } | MethodResult): value is { items: T[]; next?: string } {
  return 'items' in value;
}

/**
 * A list method's answer: one page of `items` under `key` — left out, not `[]`, when the page is
 * empty, as Gmail does — then `nextPageToken` unless it is the last page, and the total as
 * `resultSizeEstimate`.
 */
export function listAnswer<T>(items: T[], key: string, query: URLSearchParams, render: (item: T) => JsonObject): MethodResult {
  const paged = page(items, query);
  if (!isPage(paged)) return paged;
  const body: JsonObject = {};
  if (paged.items.length > 0) body[key] = paged.items.map(render);
  if (paged.next !== undefined) body['nextPageToken'] = paged.next;
  body['resultSizeEstimate'] = items.length;
  return ok(body);
}

export function compareIdsDesc(a: string, b: string): number {
  const x = BigInt(`0x${a}`);
  const y = BigInt(`0x${b}`);
  return x === y ? 0 : x > y ? -1 : 1;
}

/** Messages newest first; ids (which grow with time) break ties so paging is stable. */
export function newestFirst(a: StoredMessage, b: StoredMessage): number {
  return b.internalDate - a.internalDate || compareIdsDesc(a.id, b.id);
}
