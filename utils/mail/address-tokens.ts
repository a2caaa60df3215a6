/**
 * Lexer for RFC 5322 address lists. It only has to tell display names, comments, angle
 * addresses and the three separators apart; addresses.ts gives the tokens their meaning.
 * Unterminated quotes, comments and angle brackets run to the end of the input instead of
 * failing, because a broken header should still yield whatever addresses it holds.
 */

export type AddressToken =
  | { kind: 'word'; text: string }
  | { kind: 'comment'; text: string }
  | { kind: 'angle'; text: string }
  | { kind: 'separator'; char: string };

const SPECIALS = '"(<>),:;';
const WHITESPACE = /\s/;

interface Scan {
  text: string;
  /** Index just after the token. */
  end: number;
}

export function tokenizeAddressList(input: string): AddressToken[] {
  const tokens: AddressToken[] = [];
  let spaceBefore = true;
  let i = 0;
  while (i < input.length) {
    const char = input[i] ?? '';
    if (WHITESPACE.test(char) || char === '>' || char === ')') {
      spaceBefore = true;
      i++;
      continue;
    }
    if (char === ',' || char === ':' || char === ';') {
      tokens.push({ kind: 'separator', char });
      i++;
    } else if (char === '(') {
      const scan = scanComment(input, i);
      tokens.push({ kind: 'comment', text: scan.text });
      i = scan.end;
    } else if (char === '<') {
      const scan = scanUntil(input, i + 1, '>');
      tokens.push({ kind: 'angle', text: scan.text });
      i = scan.end;
    } else {
      const scan = char === '"' ? scanQuoted(input, i + 1) : scanAtom(input, i);
      pushWord(tokens, scan.text, spaceBefore);
      i = scan.end;
    }
    spaceBefore = false;
  }
  return tokens;
}

/** `"john"@x.com` is one word: text with no whitespace in between belongs together. */
function pushWord(tokens: AddressToken[], text: string, spaceBefore: boolean): void {
  const previous = tokens.at(-1);
  if (!spaceBefore && previous?.kind === 'word') previous.text += text;
  else tokens.push({ kind: 'word', text });
}

function scanAtom(input: string, start: number): Scan {
  let end = start;
  while (end < input.length && !SPECIALS.includes(input[end] ?? '') && !WHITESPACE.test(input[end] ?? '')) end++;
  return { text: input.slice(start, end), end };
}

function scanUntil(input: string, start: number, closing: string): Scan {
  const close = input.indexOf(closing, start);
  const end = close === -1 ? input.length : close;
  return { text: input.slice(start, end), end: close === -1 ? end : end + 1 };
}

/** A quoted-string's content, backslash escapes resolved (RFC 5322 §3.2.4). */
function scanQuoted(input: string, start: number): Scan {
  let text = '';
  let i = start;
  while (i < input.length && input[i] !== '"') {
    if (input[i] === '\\' && i + 1 < input.length) i++;
    text += input[i];
    i++;
  }
  return { text, end: i + 1 };
}

/** A comment's content; comments nest and may contain escapes (RFC 5322 §3.2.2). */
function scanComment(input: string, start: number): Scan {
  let text = '';
  let depth = 0;
  let i = start;
  for (; i < input.length; i++) {
    const char = input[i] ?? '';
    if (char === '\\' && i + 1 < input.length) {
      text += input[++i];
      continue;
    }
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (depth === 0) break;
    if (char !== '(' || depth > 1) text += char;
  }
  return { text, end: i + 1 };
}
