/**
 * JSON request bodies of the Gmail write methods, read as Google's proto layer (ESF transcoding)
 * reads them: field names in lowerCamel or proto snake_case, `null` as absent, an empty body as an
 * empty message, and a body it cannot map refused with 400 `Invalid JSON payload received. …` /
 * `Invalid value at '<field>' (…)`, reason `invalid`, a google.rpc.BadRequest detail per problem.
 * users.labels.create's body is the `label` field of its request, so its paths start `label.`;
 * users.drafts.create/update's is `draft`.
 */
import { invalidFieldValues } from './errors.ts';
import type { FakeResponse } from './http-types.ts';
import type { CreateLabelOptions, GmailLabelColor, LabelListVisibility, MessageListVisibility } from './types.ts';

export type BodyResult<T> = { ok: true; value: T } | { ok: false; response: FakeResponse };

type Violation = { field?: string; description: string };

const PAYLOAD = 'Invalid JSON payload received.';

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The body as one JSON object; an empty body is an empty message. */
function parseObject(body: Buffer): BodyResult<Record<string, unknown>> {
  const text = body.toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, response: invalidFieldValues([{ description: `${PAYLOAD} Unexpected token.` }]) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, response: invalidFieldValues([{ description: `${PAYLOAD} Root element must be a message.` }]) };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * Reads the known fields of one JSON object (each under its lowerCamel or snake_case name) and
 * reports unknown names the way ESF does: `Unknown name "x" at 'label': Cannot find field.`.
 */
function readFields(object: Record<string, unknown>, known: readonly string[], at: string | undefined, violations: Violation[]): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [key, value] of Object.entries(object)) {
    const field = known.find((name) => name === key || snake(name) === key);
    if (field === undefined) {
      const where = at === undefined ? '' : ` at '${at}'`;
      violations.push({ ...(at === undefined ? {} : { field: at }), description: `${PAYLOAD} Unknown name "${key}"${where}: Cannot find field.` });
      continue;
    }
    if (value !== null) values.set(field, value);
  }
  return values;
}

const shown = (value: unknown): string => JSON.stringify(value) ?? String(value);

function stringList(value: unknown, path: string, violations: Violation[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    violations.push({ field: path, description: `Invalid value at '${path}' (TYPE_STRING), ${shown(value)}` });
    return [];
  }
  const strings: string[] = [];
  value.forEach((item: unknown, i) => {
    if (typeof item === 'string') strings.push(item);
    else violations.push({ field: `${path}[${i}]`, description: `Invalid value at '${path}[${i}]' (TYPE_STRING), ${shown(item)}` });
  });
  return strings;
}

function stringField(value: unknown, path: string, violations: Violation[]): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  violations.push({ field: path, description: `Invalid value at '${path}' (TYPE_STRING), ${shown(value)}` });
  return undefined;
}

function enumField<T extends string>(value: unknown, allowed: readonly T[], path: string, type: string, violations: Violation[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  violations.push({ field: path, description: `Invalid value at '${path}' (type.googleapis.com/google.apps.gmail.v1.${type}), ${shown(value)}` });
  return undefined;
}

function refused<T>(violations: Violation[], value: T): BodyResult<T> {
  return violations.length > 0 ? { ok: false, response: invalidFieldValues(violations) } : { ok: true, value };
}

/** ModifyThreadRequest / ModifyMessageRequest: `{addLabelIds?: string[], removeLabelIds?: string[]}`. */
export function parseModifyBody(body: Buffer): BodyResult<{ add: string[]; remove: string[] }> {
  const parsed = parseObject(body);
  if (!parsed.ok) return parsed;
  const violations: Violation[] = [];
  const fields = readFields(parsed.value, ['addLabelIds', 'removeLabelIds'], undefined, violations);
  const add = stringList(fields.get('addLabelIds'), 'add_label_ids', violations);
  const remove = stringList(fields.get('removeLabelIds'), 'remove_label_ids', violations);
  return refused(violations, { add, remove });
}

const LABEL_FIELDS = [
  'id', 'name', 'messageListVisibility', 'labelListVisibility', 'type',
  'messagesTotal', 'messagesUnread', 'threadsTotal', 'threadsUnread', 'color',
] as const;

/** The Label of users.labels.create. Output-only fields (id, type, counts) are read and ignored. */
export function parseLabelBody(body: Buffer): BodyResult<{ name: string; options: CreateLabelOptions }> {
  const parsed = parseObject(body);
  if (!parsed.ok) return parsed;
  const violations: Violation[] = [];
  const fields = readFields(parsed.value, LABEL_FIELDS, 'label', violations);
  const name = stringField(fields.get('name'), 'label.name', violations) ?? '';
  const options: CreateLabelOptions = {};
  const messageListVisibility = enumField<MessageListVisibility>(
    fields.get('messageListVisibility'), ['show', 'hide'], 'label.message_list_visibility', 'Label.MessageListVisibility', violations,
  );
  const labelListVisibility = enumField<LabelListVisibility>(
    fields.get('labelListVisibility'), ['labelShow', 'labelShowIfUnread', 'labelHide'], 'label.label_list_visibility', 'Label.LabelListVisibility', violations,
  );
  if (messageListVisibility !== undefined) options.messageListVisibility = messageListVisibility;
  if (labelListVisibility !== undefined) options.labelListVisibility = labelListVisibility;
  const color = fields.get('color');
  if (color !== undefined) {
    if (typeof color !== 'object' || Array.isArray(color)) {
      violations.push({ field: 'label.color', description: `Invalid value at 'label.color' (type.googleapis.com/google.apps.gmail.v1.LabelColor), ${shown(color)}` });
    } else {
      const parts = readFields(color as Record<string, unknown>, ['textColor', 'backgroundColor'], 'label.color', violations);
      const textColor = stringField(parts.get('textColor'), 'label.color.text_color', violations);
      const backgroundColor = stringField(parts.get('backgroundColor'), 'label.color.background_color', violations);
      const value: GmailLabelColor = {};
      if (textColor !== undefined) value.textColor = textColor;
      if (backgroundColor !== undefined) value.backgroundColor = backgroundColor;
      options.color = value;
    }
  }
  return refused(violations, { name, options });
}

const MESSAGE_FIELDS = [
  'id', 'threadId', 'labelIds', 'snippet', 'historyId', 'internalDate', 'payload', 'sizeEstimate', 'raw', 'classificationLabelValues',
] as const;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

/** Proto3 JSON `bytes`: standard or URL-safe base64 (one alphabet, not both), padded or not. */
function isBase64(text: string): boolean {
  if (!BASE64.test(text) && !BASE64URL.test(text)) return false;
  const unpadded = text.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) return false;
  return unpadded.length === text.length || text.length % 4 === 0;
}

function bytesField(value: unknown, path: string, violations: Violation[]): Buffer | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    violations.push({ field: path, description: `Invalid value at '${path}' (TYPE_BYTES), ${shown(value)}` });
    return undefined;
  }
  if (!isBase64(value)) {
    violations.push({ field: path, description: `Invalid value at '${path}' (TYPE_BYTES), Base64 decoding failed for "${value}"` });
    return undefined;
  }
  // Node's base64 decoder reads the URL-safe alphabet too.
  return Buffer.from(value, 'base64');
}

/**
 * The Draft of users.drafts.create/update (the request's `draft` field, so paths start `draft.`):
 * `{id?, message?: Message}` of which Gmail uses `message.raw` and `message.threadId`; the other
 * Message fields are output-only, read and ignored. An empty `threadId` is proto3's "absent".
 */
export function parseDraftBody(body: Buffer): BodyResult<{ raw: Buffer | undefined; threadId: string | undefined }> {
  const parsed = parseObject(body);
  if (!parsed.ok) return parsed;
  const violations: Violation[] = [];
  const fields = readFields(parsed.value, ['id', 'message'], 'draft', violations);
  stringField(fields.get('id'), 'draft.id', violations);
  const message = fields.get('message');
  if (message === undefined) return refused(violations, { raw: undefined, threadId: undefined });
  if (typeof message !== 'object' || Array.isArray(message)) {
    violations.push({ field: 'draft.message', description: `Invalid value at 'draft.message' (type.googleapis.com/google.apps.gmail.v1.Message), ${shown(message)}` });
    return refused(violations, { raw: undefined, threadId: undefined });
  }
  const parts = readFields(message as Record<string, unknown>, MESSAGE_FIELDS, 'draft.message', violations);
  const raw = bytesField(parts.get('raw'), 'draft.message.raw', violations);
  const threadId = stringField(parts.get('threadId'), 'draft.message.thread_id', violations);
  stringList(parts.get('labelIds'), 'draft.message.label_ids', violations);
  return refused(violations, { raw, threadId: threadId === '' ? undefined : threadId });
}
