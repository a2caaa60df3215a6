/**
 * How personal templates lie in storage.sync (F6, issue 5). No shared index: each template owns its
 * keys, so two computers adding templates at once never overwrite each other.
 *   `tpl:<id>`          head  {v: 1, id, name, updatedAt, parts, length, body: first chunk}
 *   `tpl:<id>:<n>`      chunk {v: 1, updatedAt, body: chunk n}, for n = 1 … parts - 1
 * A chunk carries its head's updatedAt, so a head and chunks of different saves (still arriving
 * from another computer) are never joined into a body nobody wrote.
 */
import * as z from 'zod/mini';
import { templateBodySchema, templateNameSchema, type PersonalTemplate } from './types';

/** chrome.storage.sync's limits (developer.chrome.com/docs/extensions/reference/api/storage). */
export const SYNC_QUOTA = { bytes: 102_400, bytesPerItem: 8_192, items: 512 } as const;
/** What one item may take: below the per-item quota, so an estimate a few bytes off still fits. */
export const ITEM_BUDGET = SYNC_QUOTA.bytesPerItem - 256;

export const SYNC_KEY_PREFIX = 'tpl:';
export const headKey = (id: string) => `${SYNC_KEY_PREFIX}${id}`;
export const chunkKey = (id: string, part: number) => `${headKey(id)}:${part}`;
export const ownsKey = (id: string, key: string) => key === headKey(id) || key.startsWith(`${headKey(id)}:`);

/** Ids are keys' middle segment, so they never contain ':' (crypto.randomUUID's ids qualify). */
export const templateIdSchema = z.string().check(z.regex(/^[\w-]{1,64}$/, 'must be 1 to 64 letters, digits, "-" or "_"'));

export type TemplateRecord = Pick<PersonalTemplate, 'id' | 'name' | 'body' | 'updatedAt'>;

const epochMsSchema = z.number().check(z.int(), z.nonnegative());
const headSchema = z.object({
  v: z.literal(1),
  id: templateIdSchema,
  name: templateNameSchema,
  updatedAt: epochMsSchema,
  parts: z.number().check(z.int(), z.positive(), z.lte(SYNC_QUOTA.items)),
  length: z.number().check(z.int(), z.positive()),
  body: z.string(),
});
const chunkSchema = z.object({ v: z.literal(1), updatedAt: epochMsSchema, body: z.string() });

const encoder = new TextEncoder();
const INT32 = 2 ** 31;
// Chrome writes '<', U+2028 and U+2029 as six-byte \uXXXX escapes where JSON.stringify does not.
const CHROME_ESCAPED = /[<\u2028\u2029]/g;

/**
 * An item's size as Chrome counts it: key bytes plus its base::JSONWriter serialization in UTF-8.
 * Never less: a number beyond int32 is a double there, written "N.0", as long as the string "N".
 */
export function syncedBytes(key: string, value: unknown): number {
  const json = JSON.stringify(value, (_, field: unknown) =>
    typeof field === 'number' && Number.isInteger(field) && Math.abs(field) >= INT32 ? String(field) : field,
  );
  return encoder.encode(key).length + encoder.encode(json.replace(CHROME_ESCAPED, '\\u0000')).length;
}

/** Where the chunk starting at `from` ends to fit `budget` bytes; never inside a surrogate pair. */
function chunkEnd(body: string, from: number, budget: number): number {
  let end = from;
  let used = 0;
  while (end < body.length) {
    const width = (body.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
    const cost = syncedBytes('', body.slice(end, end + width)) - 2;
    // At least one character per chunk, so that the loop always ends.
    if (used + cost > budget && end > from) break;
    used += cost;
    end += width;
  }
  return end;
}

function splitBody({ id, name, updatedAt, body }: TemplateRecord): string[] {
  // Measured with the most parts there could be, so the head fits whatever the count turns out to be.
  const headBytes = syncedBytes(headKey(id), { v: 1, id, name, updatedAt, parts: body.length, length: body.length, body: '' });
  const chunks: string[] = [];
  let at = 0;
  do {
    const overhead = chunks.length === 0 ? headBytes : syncedBytes(chunkKey(id, chunks.length), { v: 1, updatedAt, body: '' });
    const end = chunkEnd(body, at, ITEM_BUDGET - overhead);
    chunks.push(body.slice(at, end));
    at = end;
  } while (at < body.length);
  return chunks;
}

/** Every item of one template, each within ITEM_BUDGET, for a single set(). */
export function toSyncItems(record: TemplateRecord): Record<string, unknown> {
  const { id, name, updatedAt, body } = record;
  const [first = '', ...rest] = splitBody(record);
  const items: Record<string, unknown> = {
    [headKey(id)]: { v: 1, id, name, updatedAt, parts: rest.length + 1, length: body.length, body: first },
  };
  rest.forEach((chunk, index) => {
    items[chunkKey(id, index + 1)] = { v: 1, updatedAt, body: chunk };
  });
  return items;
}

function assemble(id: string, items: Record<string, unknown>): TemplateRecord | null {
  const head = headSchema.safeParse(items[headKey(id)]);
  if (!head.success || head.data.id !== id) return null;
  const { name, updatedAt, parts, length } = head.data;
  let body = head.data.body;
  for (let part = 1; part < parts; part += 1) {
    const chunk = chunkSchema.safeParse(items[chunkKey(id, part)]);
    if (!chunk.success || chunk.data.updatedAt !== updatedAt) return null;
    body += chunk.data.body;
  }
  return body.length === length && templateBodySchema.safeParse(body).success ? { id, name, body, updatedAt } : null;
}

/** The templates in storage.sync's items, and the ids of those whose records are incomplete or invalid. */
export function readSynced(items: Record<string, unknown>): { templates: TemplateRecord[]; damaged: string[] } {
  const templates: TemplateRecord[] = [];
  const damaged: string[] = [];
  for (const key of Object.keys(items)) {
    const id = key.slice(SYNC_KEY_PREFIX.length);
    if (!key.startsWith(SYNC_KEY_PREFIX) || !templateIdSchema.safeParse(id).success) continue;
    const record = assemble(id, items);
    if (record) templates.push(record);
    else damaged.push(id);
  }
  return { templates, damaged };
}

export type SyncWritePlan =
  | { fits: true; items: Record<string, unknown>; leftovers: string[] }
  | { fits: false; problem: 'quota-total' | 'quota-count' };

/**
 * Whether writing `record` over sync's `current` items stays within quota, as Chrome checks a set():
 * older chunks the new version does not overwrite still count, they are removed only afterwards.
 */
export function planSyncWrite(current: Record<string, unknown>, record: TemplateRecord): SyncWritePlan {
  const items = toSyncItems(record);
  const after = Object.entries({ ...current, ...items });
  if (after.reduce((bytes, [key, value]) => bytes + syncedBytes(key, value), 0) > SYNC_QUOTA.bytes) {
    return { fits: false, problem: 'quota-total' };
  }
  if (after.length > SYNC_QUOTA.items) return { fits: false, problem: 'quota-count' };
  const leftovers = Object.keys(current).filter((key) => ownsKey(record.id, key) && !Object.hasOwn(items, key));
  return { fits: true, items, leftovers };
}
