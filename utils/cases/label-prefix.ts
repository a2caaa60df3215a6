/**
 * The prefix under which case labels live in Gmail (F4, issue 4). Admins may set it by policy, so
 * whatever they type is normalised once here — trimmed, ending in exactly one '/' — and anything
 * that would make a strange or unusable Gmail label is refused with a reason the policy screen can
 * show, instead of creating labels nobody asked for.
 */

declare const labelPrefixBrand: unique symbol;
/** A normalised prefix such as `iCustomer/`; only `parseLabelPrefix` makes one. */
export type LabelPrefix = string & { readonly [labelPrefixBrand]: true };

export const DEFAULT_LABEL_PREFIX = 'iCustomer/' as LabelPrefix;

/**
 * Our own bound, not Gmail's: it keeps the longest case label (`<prefix>Status/Pending`) far
 * below the length Gmail accepts for a label name, and a prefix this long is a typing accident.
 */
export const MAX_LABEL_PREFIX_LENGTH = 100;

/**
 * Gmail refuses to create a label whose first level is one of these, in any case (400 "Invalid
 * label name"): the system labels and the web UI's folder words, some in translation — the names
 * Google is known to refuse (GYB issues #82, #95, #135, #316, #429, #442). Under such a prefix
 * no case label could ever be created.
 */
const RESERVED_FIRST_LEVELS = new Set([
  'inbox', 'spam', 'trash', 'unread', 'starred', 'important', 'sent', 'draft', 'drafts', 'chat', 'chats',
  'category_forums', 'category_updates', 'category_personal', 'category_promotions', 'category_social',
  'migrated', 'buzz', 'bin', 'allmail', 'archive', 'archived', 'muted',
  'ongelezen', 'gearchiveerd', 'enviado', 'da leggere',
]);

export type LabelPrefixError =
  | 'empty'
  | 'empty-segment'
  | 'padded-segment'
  | 'control-character'
  | 'reserved'
  | 'too-long';

export type LabelPrefixResult =
  | { ok: true; prefix: LabelPrefix }
  /** `shown`: the part refused, as the admin wrote it (empty when the error says it all). */
  | { ok: false; error: LabelPrefixError; shown: string };

/**
 * `' iCustomer '`, `'iCustomer'` and `'iCustomer//'` all give `iCustomer/`; nested prefixes such as
 * `Support/Cases` are fine. Refused: nothing but spaces and slashes, an empty level (`a//b`, `/a`),
 * a level starting or ending with a space (Gmail would show it as a different-looking label),
 * control characters, a first level Gmail reserves, more than MAX_LABEL_PREFIX_LENGTH characters.
 */
export function parseLabelPrefix(raw: string): LabelPrefixResult {
  const body = raw.trim().replace(/[\s/]+$/u, '');
  if (body === '') return refuse('empty', '');
  if (/\p{Cc}/u.test(body)) return refuse('control-character', '');
  const segments = body.split('/');
  if (segments.some((segment) => segment === '')) return refuse('empty-segment', `${body}/`);
  if (segments.some((segment) => segment.trim() !== segment)) return refuse('padded-segment', `${body}/`);
  const first = segments[0] ?? '';
  if (RESERVED_FIRST_LEVELS.has(first.toLowerCase())) return refuse('reserved', first);
  const prefix = `${body}/`;
  if (prefix.length > MAX_LABEL_PREFIX_LENGTH) return refuse('too-long', '');
  return { ok: true, prefix: prefix as LabelPrefix };
}

function refuse(error: LabelPrefixError, shown: string): LabelPrefixResult {
  return { ok: false, error, shown };
}
