/**
 * Encoders behind the reply drafts of issue 5: RFC 2047 encoded-words for header text,
 * quoted-printable or base64 bodies (RFC 2045) and RFC 5322 header folding. Everything is UTF-8,
 * the one charset that can carry any template and that Gmail always renders.
 */

const utf8 = new TextEncoder();

// C0, DEL, C1 (NEL among them) and U+2028/U+2029: some parser ends a header line at each of them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** True when `text` holds a character that could end a header line. */
export function hasControl(text: string): boolean {
  return CONTROL.test(text);
}

/** Header text with each control character replaced by a space, so it cannot start a new line. */
export function neutralizeControls(text: string): string {
  return text.replace(CONTROLS, ' ');
}

/** Standard base64 (with padding) of `bytes`. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked because spreading a large array into fromCharCode overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

// 39 bytes give 52 base64 characters, a 64-character word: under RFC 2047's limit of 75, and
// short enough that "Subject: " followed by one word still fits a 78-character line.
const WORD_BYTES = 39;

/**
 * `text` as B-encoded words. B rather than Q because it is valid in every header position
 * (Q has extra restrictions inside phrases). Words break between code points, so neither a
 * surrogate pair nor a UTF-8 sequence is ever split; a lone surrogate becomes U+FFFD.
 */
export function encodeWords(text: string): string[] {
  const words: string[] = [];
  let chunk: number[] = [];
  for (const char of text) {
    const bytes = utf8.encode(char);
    if (chunk.length + bytes.length > WORD_BYTES) {
      words.push(bWord(chunk));
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0) words.push(bWord(chunk));
  return words;
}

function bWord(bytes: number[]): string {
  return `=?UTF-8?B?${toBase64(Uint8Array.from(bytes))}?=`;
}

const HEADER_LINE = 78;

/**
 * `Name: token token …`, folded before a token whenever the line would pass 78 characters
 * (RFC 5322 §2.1.1). A single token longer than a line (a very long message-id) stays whole:
 * splitting it would change its meaning.
 */
export function foldHeader(name: string, tokens: readonly string[]): string {
  const lines: string[] = [];
  let current = `${name}:`;
  tokens.forEach((token, index) => {
    if (index > 0 && current.length + 1 + token.length > HEADER_LINE) {
      lines.push(current);
      current = '';
    }
    current += ` ${token}`;
  });
  lines.push(current);
  return lines.join('\r\n');
}

export type TransferEncoding = 'quoted-printable' | 'base64';

// QP may be up to half again as long as base64 before base64 is used (see encodeBody).
const QP_TOLERANCE = 1.5;

/**
 * The body with CRLF line breaks, quoted-printable unless that is over 1.5 times the base64 size.
 * QP keeps Latin-script text (English, Portuguese accents) readable in "Show original" and costs
 * little there; text mostly in other scripts or emoji escapes every byte as =XX, about 2.25
 * times base64, so base64 wins clearly and the threshold separates the two cases.
 */
export function encodeBody(text: string): { encoding: TransferEncoding; body: string } {
  const canonical = text.replace(/\r\n|\r|\n/g, '\r\n');
  const qp = toQuotedPrintable(canonical);
  const base64 = wrapBase64(toBase64(utf8.encode(canonical)));
  return qp.length <= base64.length * QP_TOLERANCE
    ? { encoding: 'quoted-printable', body: qp }
    : { encoding: 'base64', body: base64 };
}

const BODY_LINE = 76;

function wrapBase64(base64: string): string {
  return (base64.match(/.{1,76}/g) ?? []).join('\r\n');
}

/** RFC 2045 §6.7: line breaks of the text stay hard breaks, long lines get `=` soft breaks. */
export function toQuotedPrintable(text: string): string {
  return text.split(/\r\n|\r|\n/).map(quotedPrintableLine).join('\r\n');
}

function quotedPrintableLine(line: string): string {
  // One token per code point, so a soft break never falls inside an =XX escape or a character.
  const tokens = Array.from(line, quotedPrintableChar);
  const last = tokens.length - 1;
  // Whitespace at the end of a line may be stripped in transit (rule 3), so it is escaped.
  if (tokens[last] === ' ') tokens[last] = '=20';
  if (tokens[last] === '\t') tokens[last] = '=09';
  const lines: string[] = [];
  let current = '';
  tokens.forEach((token, index) => {
    // A soft break's '=' takes a column, except after the last token, which needs none.
    const room = index === last ? BODY_LINE : BODY_LINE - 1;
    if (current.length + token.length > room) {
      lines.push(`${current}=`);
      current = '';
    }
    current += token;
  });
  lines.push(current);
  return lines.join('\r\n');
}

function quotedPrintableChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const literal = (code >= 0x21 && code <= 0x7e && char !== '=') || char === ' ' || char === '\t';
  if (literal) return char;
  return Array.from(utf8.encode(char), (byte) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}
