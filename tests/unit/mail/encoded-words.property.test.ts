/**
 * RFC 2047 on hostile headers (issue 7 › 4): near-valid encoded-words — charsets TextDecoder does not
 * know, base64 that is not, Q escapes that are cut short — are left exactly as written, while the
 * good words around them, in any charset TextDecoder knows, still decode.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHeaderValue } from '../../../utils/mail/encoded-words';

/** Labels TextDecoder knows, multi-byte and stateful ones included. */
const KNOWN_CHARSETS = ['UTF-8', 'utf-8*pt-BR', 'ISO-8859-1', 'windows-1252', 'KOI8-R', 'Shift_JIS', 'EUC-JP', 'ISO-2022-JP', 'GB18030', 'Big5', 'UTF-16LE', 'UTF-16BE'];
/** Labels TextDecoder refuses: unknown, UTF-7, the "replacement" family, nothing before a language suffix. */
const UNKNOWN_CHARSETS = ['x-klingon', 'UTF-7', 'replacement', 'ISO-2022-KR', 'HZ-GB-2312', '*en', 'utf8-ish', 'ébcdic'];

const hex = (byte: number) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** A well-formed word and what it reads as. */
const goodWord = fc
  .tuple(fc.constantFrom(...KNOWN_CHARSETS), fc.constantFrom('B', 'b', 'Q', 'q'), fc.uint8Array({ maxLength: 24 }))
  .map(([charset, letter, bytes]) => {
    const encoded = letter.toLowerCase() === 'b' ? Buffer.from(bytes).toString('base64') : Array.from(bytes, hex).join('');
    const decoder = new TextDecoder(charset.split('*')[0]);
    return { raw: `=?${charset}?${letter}?${encoded}?=`, text: decoder.decode(bytes) };
  });

const base64Char = fc.constantFrom(...'ABCabc019+/-_');
/** Encoded text that is no base64: a foreign character, padding inside, or a length no byte count gives. */
const badBase64 = fc.oneof(
  fc.tuple(fc.string({ unit: base64Char, maxLength: 8 }), fc.constantFrom('%', '.', '!', '*', 'é', '"'), fc.string({ unit: base64Char, maxLength: 8 })).map((p) => p.join('')),
  fc.tuple(fc.string({ unit: base64Char, minLength: 2, maxLength: 8 }), fc.string({ unit: base64Char, minLength: 1, maxLength: 8 })).map(([a, b]) => `${a}==${b}`),
  fc.integer({ min: 0, max: 5 }).chain((n) => fc.string({ unit: base64Char, minLength: 4 * n + 1, maxLength: 4 * n + 1 })),
);
/** Q text with an escape that is not =XX, or a character Q does not allow. */
const badQ = fc
  .tuple(fc.string({ unit: fc.constantFrom('a', '_', '=41', '.'), maxLength: 6 }), fc.constantFrom('=', '=4', '=G1', '=x0', 'é', '\u0001'))
  .map(([good, bad]) => `${good}${bad}`);

/** A word that must read exactly as written. */
const badWord = fc.oneof(
  fc.tuple(fc.constantFrom(...UNKNOWN_CHARSETS), goodWord).map(([charset, word]) => word.raw.replace(/^=\?[^?]+\?/, `=?${charset}?`)),
  fc.tuple(fc.constantFrom(...KNOWN_CHARSETS), badBase64).map(([charset, text]) => `=?${charset}?B?${text}?=`),
  fc.tuple(fc.constantFrom(...KNOWN_CHARSETS), badQ).map(([charset, text]) => `=?${charset}?Q?${text}?=`),
  fc.tuple(fc.constantFrom(...KNOWN_CHARSETS), fc.constantFrom('X', 'BQ', '')).map(([charset, letter]) => `=?${charset}?${letter}?QUJD?=`),
);

/** Text between words: never blank, so no two words are joined as folding, and never an encoded-word. */
const gap = fc.string({ unit: fc.constantFrom('a', ' ', 'é', '(', ')', '👋', '\t'), maxLength: 6 }).map((text) => `[${text}]`);

describe('decodeHeaderValue on near-valid encoded-words', () => {
  it('decodes the good words and keeps every bad one exactly as written (property)', () => {
    const piece = fc.oneof(goodWord, badWord.map((raw) => ({ raw, text: raw })));
    fc.assert(
      fc.property(fc.array(fc.tuple(gap, piece), { maxLength: 6 }), gap, (pieces, last) => {
        const raw = pieces.map(([before, word]) => before + word.raw).join('') + last;
        const expected = pieces.map(([before, word]) => before + word.text).join('') + last;
        expect(decodeHeaderValue(raw)).toBe(expected);
      }),
    );
  });

  it('reads a bad word alone as itself (property)', () => {
    fc.assert(
      fc.property(badWord, (raw) => {
        expect(decodeHeaderValue(raw)).toBe(raw);
      }),
    );
  });

  it('joins the bytes of adjacent words of one charset, so a character split across them reads whole (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.nat(), (text, at) => {
        const bytes = Buffer.from(text, 'utf-8');
        const cut = at % (bytes.length + 1);
        const words = [bytes.subarray(0, cut), bytes.subarray(cut)].map((half) => `=?utf-8?B?${half.toString('base64')}?=`);
        expect(decodeHeaderValue(words.join('\r\n '))).toBe(text);
      }),
    );
  });
});
