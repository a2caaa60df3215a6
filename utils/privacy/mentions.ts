/**
 * Whether a stored record mentions an address anywhere: every string in it, keys included, is
 * searched ignoring case, so a field added after this was written is searched too. Strings are
 * searched rather than the record's JSON, whose escapes (`\n` before an address) would hide a
 * mention. The address must stand alone: erasing `ana@shop.example` leaves `joana@shop.example`
 * and `ana@shop.example.br` — other customers — alone.
 */

/**
 * A character that continues an address's local part to the left, as real addresses are written:
 * letters, digits, '.', '_', '+', '-'. RFC 5322 allows more ('/', '=', '{', quotes…), but those
 * mostly delimit an address in text ("Clients/ana@…", "'ana@…'"): reading them as part of another
 * address would hide a mention, while at worst they cost another customer a cache entry.
 */
const LOCAL_PART_CHAR = '[\\w.+-]';
/** What would continue its domain to the right: a letter, digit or hyphen, or a dot before one. */
const DOMAIN_CONTINUES = '[\\w-]|\\.[\\w-]';

const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

export type MentionTest = (value: unknown) => boolean;

export function mentionOf(address: string): MentionTest {
  const literal = address.replace(SYNTAX, '\\$&');
  const pattern = new RegExp(`(?<!${LOCAL_PART_CHAR})${literal}(?!${DOMAIN_CONTINUES})`, 'iu');
  const mentions = (value: unknown): boolean => {
    if (typeof value === 'string') return pattern.test(value);
    if (Array.isArray(value)) return value.some(mentions);
    if (typeof value === 'object' && value !== null) {
      return Object.entries(value).some(([key, field]) => pattern.test(key) || mentions(field));
    }
    return false;
  };
  return mentions;
}
