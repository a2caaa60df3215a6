import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64UrlToBytes, decodeBase64UrlToText } from '../../../utils/mail/base64url';

const bytesOf = (s: string): number[] => [...(decodeBase64UrlToBytes(s) ?? [-1])];

describe('decodeBase64UrlToBytes', () => {
  it.each([
    ['padded base64url, as Gmail sends it', 'SGk-Pz8_', [0x48, 0x69, 0x3e, 0x3f, 0x3f, 0x3f]],
    ['one byte, padded', 'QQ==', [0x41]],
    ['one byte, unpadded', 'QQ', [0x41]],
    ['two bytes, padded', 'QUI=', [0x41, 0x42]],
    ['two bytes, unpadded', 'QUI', [0x41, 0x42]],
    ['plain base64 alphabet', 'SGk+Pz8/', [0x48, 0x69, 0x3e, 0x3f, 0x3f, 0x3f]],
    ['MIME line breaks', 'SGVs\r\nbG8=', [0x48, 0x65, 0x6c, 0x6c, 0x6f]],
    ['empty input', '', []],
  ])('decodes %s', (_, input, expected) => {
    expect(bytesOf(input)).toEqual(expected);
  });

  it.each([
    ['a character outside both alphabets', 'SGk*'],
    ['padding in the middle', 'QQ==QQ=='],
    ['too much padding', 'QQ==='],
    ['a length that no byte count gives', 'QUJDR'],
    ['non-ASCII', 'SGé='],
  ])('returns null for %s', (_, input) => {
    expect(decodeBase64UrlToBytes(input)).toBeNull();
  });

  it('round-trips any bytes, with and without padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const padded = Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
        const unpadded = Buffer.from(bytes).toString('base64url');
        expect(decodeBase64UrlToBytes(padded)).toEqual(bytes);
        expect(decodeBase64UrlToBytes(unpadded)).toEqual(bytes);
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        decodeBase64UrlToBytes(s);
        decodeBase64UrlToText(s, 'shift_jis');
      }),
    );
  });
});

describe('decodeBase64UrlToText', () => {
  it.each([
    ['UTF-8 by default', 'Sm9zw6kgU2lsdmE=', undefined, 'José Silva'],
    ['Shift_JIS', 'jlKTY5G-mFk=', 'Shift_JIS', '山田太郎'],
    ['KOI8-R', '6dfBziDwxdTSz9c', 'koi8-r', 'Иван Петров'],
  ])('decodes %s', (_, input, charset, expected) => {
    expect(decodeBase64UrlToText(input, charset)).toBe(expected);
  });

  it('returns null for a charset TextDecoder does not know', () => {
    expect(decodeBase64UrlToText('QQ==', 'x-klingon')).toBeNull();
  });

  it('returns null for invalid base64', () => {
    expect(decodeBase64UrlToText('%%%')).toBeNull();
  });

  it('round-trips any unicode text through UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(decodeBase64UrlToText(Buffer.from(text, 'utf-8').toString('base64url'))).toBe(text);
      }),
    );
  });
});
