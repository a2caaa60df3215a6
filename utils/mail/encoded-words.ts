/**
 * Header decoding: RFC 5322 unfolding and RFC 2047 encoded-words (`=?charset?B|Q?text?=`), with
 * the RFC 2231 language suffix (`charset*lang`). Runs on untrusted mail, so it never throws: a
 * word that is malformed or names a charset TextDecoder does not know is left exactly as written.
 */
import { decodeBase64UrlToBytes } from './base64url';

// Encoded text may contain neither '?' nor whitespace (RFC 2047 §2), so a match cannot run on.
const ENCODED_WORD = /=\?([^?\s]+)\?([bq])\?([^?\s]*)\?=/gi;
const ONLY_WHITESPACE = /^[ \t\r\n]*$/;

type Segment = { kind: 'text'; text: string } | { kind: 'word'; encoding: string; bytes: Uint8Array };
type WordSegment = Extract<Segment, { kind: 'word' }>;

/** Removes header folding: a line break followed by a space or tab (RFC 5322 §2.2.3). */
export function unfoldHeader(raw: string): string {
  return raw.replace(/\r?\n(?=[ \t])/g, '');
}

/** Decodes every encoded-word in a header value; plain text passes through unchanged. */
export function decodeHeaderValue(raw: string): string {
  if (typeof raw !== 'string') return '';
  return toSegments(unfoldHeader(raw)).map(segmentText).join('');
}

function toSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  for (const match of text.matchAll(ENCODED_WORD)) {
    const word = decodeWord(match[1] ?? '', match[2] ?? '', match[3] ?? '');
    // An undecodable word stays in the text between cursor and the next good word.
    if (word === null) continue;
    const gap = text.slice(cursor, match.index);
    const previous = segments.at(-1);
    // Whitespace between two encoded-words is folding, not content (RFC 2047 §6.2).
    const gapIsFolding = previous?.kind === 'word' && ONLY_WHITESPACE.test(gap);
    if (gap !== '' && !gapIsFolding) segments.push({ kind: 'text', text: gap });
    appendWord(segments, word);
    cursor = match.index + match[0].length;
  }
  if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor) });
  return segments;
}

/**
 * Adjacent words in one charset are joined as bytes before decoding: some mailers split a
 * multi-byte character across two words, which would otherwise decode to two U+FFFD.
 */
function appendWord(segments: Segment[], word: WordSegment): void {
  const previous = segments.at(-1);
  if (previous?.kind !== 'word' || previous.encoding !== word.encoding) {
    segments.push(word);
    return;
  }
  const joined = new Uint8Array(previous.bytes.length + word.bytes.length);
  joined.set(previous.bytes);
  joined.set(word.bytes, previous.bytes.length);
  previous.bytes = joined;
}

function segmentText(segment: Segment): string {
  if (segment.kind === 'text') return segment.text;
  return new TextDecoder(segment.encoding).decode(segment.bytes);
}

function decodeWord(charsetAndLanguage: string, encoding: string, encodedText: string): WordSegment | null {
  const canonicalEncoding = canonicalCharset(charsetAndLanguage.split('*')[0] ?? '');
  if (canonicalEncoding === null) return null;
  const bytes = encoding.toLowerCase() === 'b' ? decodeBase64UrlToBytes(encodedText) : decodeQ(encodedText);
  return bytes === null ? null : { kind: 'word', encoding: canonicalEncoding, bytes };
}

/** TextDecoder's canonical name for a charset label, or null when it does not know it. */
function canonicalCharset(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** RFC 2047 §4.2 "Q": '_' is a space, =XX a byte, other printable ASCII itself. */
function decodeQ(encodedText: string): Uint8Array | null {
  const bytes: number[] = [];
  for (let i = 0; i < encodedText.length; i++) {
    const char = encodedText.charCodeAt(i);
    if (encodedText[i] === '_') {
      bytes.push(0x20);
    } else if (encodedText[i] === '=') {
      const hex = encodedText.slice(i + 1, i + 3);
      if (!/^[0-9a-f]{2}$/i.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (char > 0x20 && char < 0x7f) {
      bytes.push(char);
    } else {
      return null;
    }
  }
  return Uint8Array.from(bytes);
}
