/**
 * Base64url and charsets on hostile input (issue 7 › 4): any text, any charset label a header can
 * name — the answer is bytes or text, or null; never an exception, never a guess.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64UrlToBytes, decodeBase64UrlToText } from '../../../utils/mail/base64url';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_';
const alphabetChar = fc.constantFrom(...ALPHABET);
/** Labels TextDecoder knows in Node and Chrome alike, written as mail writes them. */
const knownLabel = fc.constantFrom('utf-8', ' UTF-8 ', 'latin1', 'ISO-8859-15', 'windows-1251', 'koi8-u', 'Shift_JIS', 'euc-kr', 'ISO-2022-JP', 'gbk', 'big5', 'utf-16');
const anyLabel = fc.oneof(knownLabel, fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('replacement', 'UTF-7', 'x-klingon', '', 'utf-8\u0000'));

describe('decodeBase64UrlToBytes on any text', () => {
  it('decodes every string of the alphabet whose length some byte count gives, to ¾ of its length (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: alphabetChar, maxLength: 80 }).filter((s) => s.length % 4 !== 1), (s) => {
        expect(decodeBase64UrlToBytes(s)?.length).toBe(Math.floor((s.length * 3) / 4));
      }),
    );
  });

  it('ignores line breaks and spaces anywhere, as MIME folds base64 (property)', () => {
    const folded = fc.array(fc.oneof(alphabetChar, fc.constantFrom('\r\n', ' ', '\t')), { maxLength: 80 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(folded, (s) => {
        expect(decodeBase64UrlToBytes(s)).toEqual(decodeBase64UrlToBytes(s.replace(/\s/g, '')));
      }),
    );
  });

  it('refuses a string holding any character outside both alphabets, whitespace and final padding (property)', () => {
    const foreign = fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }).filter((s) => /[^A-Za-z0-9+/\-_\s=]/.test(s));
    fc.assert(
      fc.property(fc.string({ unit: alphabetChar, maxLength: 20 }), foreign, fc.string({ unit: alphabetChar, maxLength: 20 }), (before, bad, after) => {
        expect(decodeBase64UrlToBytes(before + bad + after)).toBeNull();
      }),
    );
  });
});

describe('decodeBase64UrlToText with any charset label', () => {
  it('gives text or null, never an exception (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('base64url'))), anyLabel, (s, label) => {
        const text = decodeBase64UrlToText(s, label);
        expect(text === null || typeof text === 'string').toBe(true);
      }),
    );
  });

  it('decodes any bytes in a charset TextDecoder knows exactly as TextDecoder does (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), knownLabel, (bytes, label) => {
        expect(decodeBase64UrlToText(Buffer.from(bytes).toString('base64url'), label)).toBe(new TextDecoder(label.trim()).decode(bytes));
      }),
    );
  });

  it.each(['replacement', 'UTF-7', 'ISO-2022-KR', 'x-klingon', ''])('refuses the label %j rather than guess', (label) => {
    expect(decodeBase64UrlToText('SGk', label)).toBeNull();
  });
});
