/**
 * RFC 5322 address lists as real mail writes them: quoted names with commas, bare addresses,
 * `addr (Name)` comments, groups, and RFC 2047 encoded names. Entries without a usable address
 * are dropped rather than guessed at.
 */
import { tokenizeAddressList, type AddressToken } from './address-tokens';
import { decodeHeaderValue, unfoldHeader } from './encoded-words';
import type { Person } from './types';

// One '@', something on each side, nothing that can only come from a parsing accident.
const VALID_EMAIL = /^[^\s@<>()",;:\\]+@[^\s@<>()",;:\\]+$/;

/** Every mailbox in an address header (From, To, Cc, Reply-To…), in order. */
export function parseAddressList(raw: string): Person[] {
  if (typeof raw !== 'string') return [];
  const people: Person[] = [];
  let entry: AddressToken[] = [];
  for (const token of tokenizeAddressList(unfoldHeader(raw))) {
    if (token.kind !== 'separator') {
      entry.push(token);
    } else if (token.char === ':') {
      // What precedes ':' names a group ("Team:", "undisclosed-recipients:"), not a person.
      entry = [];
    } else {
      pushPerson(people, entry);
      entry = [];
    }
  }
  pushPerson(people, entry);
  return people;
}

/** The first mailbox of a header such as From; null when it holds none. */
export function parseMailbox(raw: string): Person | null {
  return parseAddressList(raw)[0] ?? null;
}

/** The lowercased part after the last '@'; '' when there is none. */
export function domainOf(email: string): string {
  if (typeof email !== 'string') return '';
  const at = email.lastIndexOf('@');
  return at === -1 ? '' : email.slice(at + 1).trim().toLowerCase();
}

function pushPerson(people: Person[], entry: AddressToken[]): void {
  const person = toPerson(entry);
  if (person !== null) people.push(person);
}

function toPerson(entry: AddressToken[]): Person | null {
  const words = entry.flatMap((token) => (token.kind === 'word' ? [token.text] : []));
  const comments = entry.flatMap((token) => (token.kind === 'comment' ? [token.text] : []));
  const angle = entry.find((token) => token.kind === 'angle');
  // Without <…>, the address is the word holding '@' and any other words are the name.
  const addressWord = angle === undefined ? words.findLast((word) => word.includes('@')) : undefined;
  const rawEmail = angle?.text ?? addressWord;
  if (rawEmail === undefined) return null;
  const email = normalizeEmail(rawEmail);
  if (!VALID_EMAIL.test(email)) return null;
  const nameWords = words.filter((word) => word !== addressWord);
  const rawName = nameWords.length > 0 ? nameWords.join(' ') : comments.join(' ');
  return { name: cleanName(decodeHeaderValue(rawName)), email };
}

/** Drops an obsolete source route or a `mailto:` prefix: only the part after ':' is mail. */
function normalizeEmail(raw: string): string {
  const afterRoute = raw.slice(raw.lastIndexOf(':') + 1);
  return afterRoute.trim().toLowerCase();
}

/** Outlook often wraps names in single quotes ('Jane Doe'); they are not part of the name. */
function cleanName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  const quoted = /^'(.*)'$/.exec(trimmed);
  return (quoted?.[1] ?? trimmed).trim();
}
