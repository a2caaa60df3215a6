/**
 * The encoders behind reply drafts on any text (issue 7 › 4): encoded-words are 7-bit ASCII within
 * RFC 2047's 75 characters and each decodes alone; folded headers stay within 78 characters;
 * quoted-printable and base64 bodies are 7-bit lines of at most 76 that decode back to the text;
 * the HTML alternative holds no markup that the text did not become.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBody, encodeWords, foldHeader, toQuotedPrintable } from '../../../utils/drafts/encoding';
import { textToHtml } from '../../../utils/drafts/html';

/** Any UTF-16, lone surrogates included, plus the characters that break encoders. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 60 }),
  fc.array(fc.constantFrom('=', ' ', '\t', '\r\n', '\n', '\r', 'é', '😀', '=?UTF-8?B?QQ==?=', 'a'.repeat(80), '<', '&'), { maxLength: 20 }).map((p) => p.join('')),
);
/** What a UTF-8 round trip makes of the text: lone surrogates become U+FFFD. */
const wellFormed = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s));
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeWord(word: string): string {
  const base64 = /^=\?UTF-8\?B\?([A-Za-z0-9+/]*={0,2})\?=$/.exec(word)?.[1];
  if (base64 === undefined) throw new Error(`not a B-encoded UTF-8 word: ${word}`);
  return fatalUtf8.decode(Buffer.from(base64, 'base64'));
}

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const unbroken = body.replace(/=\r\n/g, '');
  for (let i = 0; i < unbroken.length; i++) {
    if (unbroken[i] === '=') {
      bytes.push(parseInt(unbroken.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(unbroken.charCodeAt(i));
  }
  return fatalUtf8.decode(Uint8Array.from(bytes));
}

const canonical = (s: string) => wellFormed(s).replace(/\r\n|\r|\n/g, '\r\n');

describe('encodeWords', () => {
  it('writes 7-bit words of at most 75 characters, each decoding alone, together decoding to the text (property)', () => {
    fc.assert(
      fc.property(text, (input) => {
        const words = encodeWords(input);
        for (const word of words) expect(word.length).toBeLessThanOrEqual(75);
        expect(words.map(decodeWord).join('')).toBe(wellFormed(input));
      }),
    );
  });
});

describe('foldHeader', () => {
  it('folds encoded-words into lines of at most 78 characters that unfold back to one line (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('Subject', 'To', 'References'), text, (name, input) => {
        const words = encodeWords(input);
        const folded = foldHeader(name, words);
        for (const line of folded.split('\r\n')) {
          expect(line.length).toBeLessThanOrEqual(78);
          expect(line).toMatch(/^[\x20-\x7e]*$/);
        }
        expect(folded.replace(/\r\n(?= )/g, '')).toBe(`${name}:${words.map((w) => ` ${w}`).join('')}`);
      }),
    );
  });
});

describe('body encodings', () => {
  it('quoted-printable: 7-bit lines of at most 76, no trailing blank, decoding to the text (property)', () => {
    fc.assert(
      fc.property(text, (input) => {
        const body = toQuotedPrintable(canonical(input));
        for (const line of body.split('\r\n')) {
          expect(line).toMatch(/^[\t\x20-\x7e]{0,76}$/);
          expect(line).not.toMatch(/[ \t]$/);
        }
        expect(decodeQuotedPrintable(body)).toBe(canonical(input));
      }),
    );
  });

  it('whichever encoding it picks, the body decodes to the text with CRLF line breaks (property)', () => {
    fc.assert(
      fc.property(text, (input) => {
        const { encoding, body } = encodeBody(input);
        for (const line of body.split('\r\n')) expect(line).toMatch(/^[\t\x20-\x7e]{0,76}$/);
        const decoded = encoding === 'base64' ? fatalUtf8.decode(Buffer.from(body, 'base64')) : decodeQuotedPrintable(body);
        expect(decoded).toBe(canonical(input));
      }),
    );
  });
});

describe('textToHtml', () => {
  it('adds only its own paragraph and line-break tags; every other <, >, quote and & is escaped (property)', () => {
    fc.assert(
      fc.property(text, (input) => {
        const withoutOwnTags = textToHtml(input).replace(/<div dir="auto">|<\/div>|<\/?p>|<br>/g, '');
        expect(withoutOwnTags).not.toMatch(/[<>"']/);
        expect(withoutOwnTags.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
      }),
    );
  });
});
