/**
 * Gmail's search language, enough of it to find a customer's mail: `from:` `to:` `cc:` `bcc:`
 * `subject:` `in:` `label:` `is:` `has:attachment` `filename:` `after:`/`before:` (dates, read as
 * midnight Pacific time like Gmail, or epoch seconds) `newer_than:`/`older_than:`
 * `rfc822msgid:`, `OR`, `{a b}`, `-x`, quoted phrases, bare words and `(…)` grouping, including
 * `from:(a OR b)`. Matching is per message, case-insensitive, on RFC 2047-decoded headers; an
 * operand that is an address (`from:"a+b@x.example"`, `cc:joão@x.example`) matches whole addresses.
 */
import { decodeEncodedWords, parseAddressList } from './address.ts';
import type { LabelSet } from './labels.ts';
import type { StoredMessage } from './mailbox.ts';
import { bodyText, headerValue, type ParsedEntity } from './mime-parse.ts';

export type QueryNode =
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode }
  | { kind: 'term'; op: string | null; value: string };

type Token = { type: '(' | ')' | '{' | '}' | '-' | 'OR' } | { type: 'word'; op: string | null; value: string; group: boolean };

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const readQuoted = (): string => {
    const end = query.indexOf('"', i + 1);
    const value = query.slice(i + 1, end < 0 ? query.length : end);
    i = end < 0 ? query.length : end + 1;
    return value;
  };
  while (i < query.length) {
    const char = query[i] ?? '';
    if (/\s/.test(char)) {
      i++;
    } else if ('(){}'.includes(char)) {
      tokens.push({ type: char as '(' | ')' | '{' | '}' });
      i++;
    } else if (char === '-' && (i === 0 || /[\s({]/.test(query[i - 1] ?? ' '))) {
      tokens.push({ type: '-' });
      i++;
    } else if (char === '"') {
      tokens.push({ type: 'word', op: null, value: readQuoted(), group: false });
    } else {
      const match = /^[^\s(){}"]+/.exec(query.slice(i)) ?? [''];
      const word = match[0];
      i += word.length;
      const opMatch = /^([a-z_0-9]+):(.*)$/i.exec(word);
      if (word === 'OR' || word === '|') tokens.push({ type: 'OR' });
      else if (opMatch !== null && opMatch[2] === '' && query[i] === '"') tokens.push({ type: 'word', op: (opMatch[1] ?? '').toLowerCase(), value: readQuoted(), group: false });
      else if (opMatch !== null && opMatch[2] === '' && query[i] === '(') tokens.push({ type: 'word', op: (opMatch[1] ?? '').toLowerCase(), value: '', group: true });
      else if (opMatch !== null) tokens.push({ type: 'word', op: (opMatch[1] ?? '').toLowerCase(), value: opMatch[2] ?? '', group: false });
      else tokens.push({ type: 'word', op: null, value: word, group: false });
    }
  }
  return tokens;
}

function withOperator(node: QueryNode, op: string): QueryNode {
  switch (node.kind) {
    case 'term':
      return node.op === null ? { ...node, op } : node;
    case 'not':
      return { kind: 'not', item: withOperator(node.item, op) };
    default:
      return { kind: node.kind, items: node.items.map((item) => withOperator(item, op)) };
  }
}

export function parseQuery(query: string): QueryNode {
  const tokens = tokenize(query);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const parseOr = (closer: ')' | '}' | null): QueryNode => {
    const alternatives: QueryNode[] = [parseAnd(closer)];
    while (peek()?.type === 'OR') {
      pos++;
      alternatives.push(parseAnd(closer));
    }
    return alternatives.length === 1 ? (alternatives[0] as QueryNode) : { kind: 'or', items: alternatives };
  };
  const parseAnd = (closer: ')' | '}' | null): QueryNode => {
    const items: QueryNode[] = [];
    for (let token = peek(); token !== undefined && token.type !== 'OR' && token.type !== closer; token = peek()) {
      if (token.type === ')' || token.type === '}') {
        pos++; // a stray closer: Gmail ignores it
        continue;
      }
      items.push(parseUnary());
    }
    return items.length === 1 ? (items[0] as QueryNode) : { kind: 'and', items };
  };
  const parseGroup = (closer: ')' | '}'): QueryNode => {
    const inner = closer === '}' ? parseBraces() : parseOr(')');
    if (peek()?.type === closer) pos++;
    return inner;
  };
  const parseBraces = (): QueryNode => {
    const items: QueryNode[] = [];
    for (let token = peek(); token !== undefined && token.type !== '}'; token = peek()) {
      if (token.type === 'OR') pos++;
      else items.push(parseUnary());
    }
    return { kind: 'or', items };
  };
  const parseUnary = (): QueryNode => {
    const token = tokens[pos++];
    if (token === undefined) return { kind: 'and', items: [] };
    if (token.type === '-') return { kind: 'not', item: parseUnary() };
    if (token.type === '(') return parseGroup(')');
    if (token.type === '{') return parseGroup('}');
    if (token.type === 'word' && token.group && token.op !== null) {
      pos++; // the '(' after `op:`
      return withOperator(parseGroup(')'), token.op);
    }
    if (token.type === 'word') return { kind: 'term', op: token.op, value: token.value };
    return { kind: 'and', items: [] };
  };
  return parseOr(null);
}

/** Midnight of a calendar day in America/Los_Angeles, which is how Gmail reads `after:2024/01/31`. */
function pacificMidnight(year: number, month: number, day: number): number {
  const utcGuess = Date.UTC(year, month - 1, day, 8);
  const pacificHour = Number(
    new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hour: 'numeric', hourCycle: 'h23' }).format(utcGuess),
  );
  return utcGuess - pacificHour * 3_600_000;
}

export function parseSearchDate(value: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const ymd = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  if (ymd !== null) return pacificMidnight(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const mdy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (mdy !== null) return pacificMidnight(Number(mdy[3]), Number(mdy[1]), Number(mdy[2]));
  return undefined;
}

const UNIT_MS: Record<string, number> = { d: 86_400_000, m: 30 * 86_400_000, y: 365 * 86_400_000 };

function relativeAge(value: string): number | undefined {
  const match = /^(\d+)([dmy])$/i.exec(value);
  return match === null ? undefined : Number(match[1]) * (UNIT_MS[(match[2] ?? 'd').toLowerCase()] ?? 0);
}

interface MessageView {
  header(name: string): string;
  /** The addresses (lower-cased, NFC) of an address header. */
  addresses(name: string): string[];
  text: string;
  labelIds: string[];
  date: number;
  filenames: string[];
}

function filenames(entity: ParsedEntity): string[] {
  return [entity.filename, ...entity.parts.flatMap(filenames)].filter((f) => f !== '');
}

function viewOf(message: StoredMessage): MessageView {
  const body = bodyText(message.entity);
  return {
    header: (name) => decodeEncodedWords(headerValue(message.entity.headers, name) ?? '').normalize('NFC').toLowerCase(),
    addresses: (name) => parseAddressList(headerValue(message.entity.headers, name) ?? '').map((a) => a.address.normalize('NFC').toLowerCase()),
    text: (body?.html ? body.text.replace(/<[^>]+>/g, ' ') : (body?.text ?? '')).toLowerCase(),
    labelIds: message.labelIds,
    date: message.internalDate,
    filenames: filenames(message.entity).map((f) => f.toLowerCase()),
  };
}

const IN_LABELS: Record<string, string> = {
  inbox: 'INBOX', sent: 'SENT', draft: 'DRAFT', drafts: 'DRAFT', spam: 'SPAM', trash: 'TRASH',
  starred: 'STARRED', important: 'IMPORTANT', chats: 'CHAT', unread: 'UNREAD',
};

/**
 * An address operand (`from:a+b@x.example`, `to:@x.example`) names whole addresses: Gmail matches
 * `from:ana@x.example` against the address, so `joana@x.example` is not a match. Other operands
 * (`from:maria`, `from:x.example`, `from:"Maria Lopes"`) match within names and addresses.
 */
function isAddressOperand(value: string): boolean {
  return value.includes('@') && !/\s/.test(value.trim());
}

function matchTerm(term: { op: string | null; value: string }, m: MessageView, labels: LabelSet, now: number): boolean {
  const value = term.value.normalize('NFC').toLowerCase();
  const contains = (...headers: string[]): boolean => headers.some((h) => m.header(h).includes(value));
  const has = (...headers: string[]): boolean => {
    if (!isAddressOperand(value)) return contains(...headers);
    const wanted = value.trim();
    return headers.some((h) => m.addresses(h).some((a) => (wanted.startsWith('@') ? a.endsWith(wanted) : a === wanted)));
  };
  switch (term.op) {
    case null:
      return contains('subject', 'from', 'to', 'cc', 'bcc', 'reply-to') || m.text.includes(value) || m.filenames.some((f) => f.includes(value));
    case 'from': return has('from');
    // Gmail's to: also finds mail where the address was only in Cc or Bcc.
    case 'to': return has('to', 'cc', 'bcc');
    case 'cc': return has('cc');
    case 'bcc': return has('bcc');
    case 'subject': return contains('subject');
    case 'deliveredto': return has('delivered-to');
    case 'rfc822msgid': return m.header('message-id').replace(/[<>]/g, '') === value.replace(/[<>]/g, '');
    case 'in':
      if (value === 'anywhere') return true;
      return m.labelIds.includes(IN_LABELS[value] ?? labels.findByName(value) ?? '\0');
    case 'label': return m.labelIds.includes(labels.findByName(value) ?? '\0');
    case 'is':
      if (value === 'read') return !m.labelIds.includes('UNREAD');
      return m.labelIds.includes(IN_LABELS[value] ?? '\0');
    case 'has': return value === 'attachment' ? m.filenames.length > 0 : m.labelIds.includes(labels.findByName(value) ?? '\0');
    case 'filename': return m.filenames.some((f) => f.includes(value) || f.endsWith(`.${value}`));
    case 'after': case 'newer': { const t = parseSearchDate(value); return t !== undefined && m.date >= t; }
    case 'before': case 'older': { const t = parseSearchDate(value); return t !== undefined && m.date < t; }
    case 'newer_than': { const age = relativeAge(value); return age !== undefined && m.date >= now - age; }
    case 'older_than': { const age = relativeAge(value); return age !== undefined && m.date < now - age; }
    default:
      // Gmail treats an unknown operator as plain text.
      return matchTerm({ op: null, value: `${term.op}:${term.value}` }, m, labels, now);
  }
}

function evaluate(node: QueryNode, m: MessageView, labels: LabelSet, now: number): boolean {
  switch (node.kind) {
    case 'and': return node.items.every((item) => evaluate(item, m, labels, now));
    case 'or': return node.items.some((item) => evaluate(item, m, labels, now));
    case 'not': return !evaluate(node.item, m, labels, now);
    case 'term': return matchTerm(node, m, labels, now);
  }
}

/** True when the query itself asks for spam or trash (which are otherwise left out). */
export function mentionsSpamOrTrash(query: string): boolean {
  return /\bin:(spam|trash|anywhere)\b/i.test(query);
}

export function compileQuery(query: string, labels: LabelSet, now: number): (message: StoredMessage) => boolean {
  const tree = parseQuery(query);
  return (message) => evaluate(tree, viewOf(message), labels, now);
}
