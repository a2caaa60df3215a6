/**
 * JSON request bodies of the Gmail write methods, read as Google's proto layer (ESF transcoding)
 * reads them: field names in lowerCamel or proto snake_case, `null` as absent, an empty body as an
 * empty message, and a body it cannot map refused with 400 `Invalid JSON payload received. …` /
 * `Invalid value at '<field>' (…)`, reason `invalid`, a google.rpc.BadRequest detail per problem.
 * users.labels.create's body is the `label` field of its request, so its paths start `label.`.
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
