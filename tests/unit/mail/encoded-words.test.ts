import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHeaderValue } from '../../../utils/mail/encoded-words';

/** B-encodes text as one UTF-8 encoded-word, the way a mailer would. */
const bEncode = (text: string): string => `=?UTF-8?B?${Buffer.from(text, 'utf-8').toString('base64')}?=`;

describe('decodeHeaderValue', () => {
  // RFC 2047 §8 examples, verbatim.
  it.each([
    ['=?US-ASCII?Q?Keith_Moore?=', 'Keith Moore'],
    ['=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?=', 'Keld Jørn Simonsen'],
    ['=?ISO-8859-1?Q?Andr=E9?= Pirard', 'André Pirard'],
    [
      '=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\r\n    =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=',
      'If you can read this you understand the example.',
    ],
    ['(=?ISO-8859-1?Q?a?=)', '(a)'],
    ['(=?ISO-8859-1?Q?a?= b)', '(a b)'],
    ['(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)', '(ab)'],
    ['(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)', '(ab)'],
    ['(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)', '(ab)'],
    ['(=?ISO-8859-1?Q?a_b?=)', '(a b)'],
    ['(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)', '(a b)'],
  ])('decodes the RFC 2047 example %j', (raw, expected) => {
    expect(decodeHeaderValue(raw)).toBe(expected);
  });

  it.each([
    ['UTF-8, B', '=?UTF-8?B?Sm9zw6kgU2lsdmE=?=', 'José Silva'],
    ['UTF-8, Q with underscores', '=?utf-8?q?Jos=C3=A9_Silva?=', 'José Silva'],
    ['Windows-1252', '=?windows-1252?Q?Zo=EB_Caf=E9?=', 'Zoë Café'],
    ['Shift_JIS', '=?Shift_JIS?B?jlKTY5G+mFk=?=', '山田太郎'],
    ['ISO-2022-JP', '=?ISO-2022-JP?B?GyRCOzNFRBsoQg==?=', '山田'],
    ['KOI8-R, B', '=?koi8-r?B?6dfBziDwxdTSz9c=?=', 'Иван Петров'],
    ['KOI8-R, Q', '=?KOI8-R?Q?=E9=D7=C1=CE?=', 'Иван'],
    ['GB2312', '=?gb2312?B?1cXOsA==?=', '张伟'],
    ['lowercase encoding letter and hex', '=?iso-8859-1?q?caf=e9?=', 'café'],
    ['RFC 2231 language suffix', '=?US-ASCII*EN?Q?Keith_Moore?=', 'Keith Moore'],
    ['a character split across two words', '=?UTF-8?B?5pel5g==?= =?UTF-8?B?nKzoqp4=?=', '日本語'],
    ['an empty word', '=?UTF-8?B??=', ''],
    ['words amid plain text', 'Re: =?UTF-8?Q?Caf=C3=A9?= order #12', 'Re: Café order #12'],
    ['a word glued to text', 'Order=?UTF-8?Q?_n=C2=BA?=5', 'Order nº5'],
  ])('decodes %s', (_, raw, expected) => {
    expect(decodeHeaderValue(raw)).toBe(expected);
  });

  // Node ≥ 20.18.3 decodes windows-1252 0x80–0x9F as Latin-1 (nodejs/node#56542, #60888);
  // browsers follow the WHATWG table. Runs wherever the runtime gets it right.
  const followsWhatwgWindows1252 = new TextDecoder('windows-1252').decode(Uint8Array.of(0x80)) === '€';
  it.skipIf(!followsWhatwgWindows1252).each([
    ['curly quote', '=?windows-1252?Q?Zo=EB=92s_Caf=E9?=', 'Zoë’s Café'],
    ['euro sign', '=?Windows-1252?Q?Price_=80?=', 'Price €'],
  ])('decodes the Windows-1252 %s', (_, raw, expected) => {
    expect(decodeHeaderValue(raw)).toBe(expected);
  });

  it.each([
    ['plain ASCII', 'Hello world'],
    ['plain unicode', 'Olá, mundo — ação'],
    ['text that only looks encoded', 'a =? b ?= c'],
    ['an unknown charset', '=?x-klingon?Q?tlhIngan?='],
    ['invalid base64', '=?UTF-8?B?***?='],
    ['a broken Q escape', '=?UTF-8?Q?caf=E?='],
    ['an unknown encoding letter', '=?UTF-8?X?abc?='],
    ['spaces inside the encoded text', '=?UTF-8?Q?a b?='],
    ['an empty string', ''],
  ])('leaves %s as it is', (_, raw) => {
    expect(decodeHeaderValue(raw)).toBe(raw);
  });

  it('keeps a malformed word next to a good one', () => {
    expect(decodeHeaderValue('=?x-klingon?Q?a?= =?UTF-8?Q?b?=')).toBe('=?x-klingon?Q?a?= b');
  });

  it.each([
    ['CRLF + space', 'Quarterly\r\n report', 'Quarterly report'],
    ['CRLF + tab', 'Quarterly\r\n\treport', 'Quarterly\treport'],
    ['bare LF + space', 'Quarterly\n report', 'Quarterly report'],
  ])('unfolds %s', (_, raw, expected) => {
    expect(decodeHeaderValue(raw)).toBe(expected);
  });

  it('never throws on arbitrary strings', () => {
    const encodedish = fc
      .tuple(fc.string(), fc.constantFrom('B', 'Q', 'b', 'q', 'x'), fc.string({ unit: 'binary' }))
      .map(([charset, letter, text]) => `=?${charset}?${letter}?${text}?=`);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), encodedish)), (pieces) => {
        expect(typeof decodeHeaderValue(pieces.join(' '))).toBe('string');
      }),
    );
  });

  it('passes text without "=?" through unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }).filter((s) => !s.includes('=?') && !/\n[ \t]/.test(s)),
        (text) => {
          expect(decodeHeaderValue(text)).toBe(text);
        },
      ),
    );
  });

  it('round-trips any unicode text B-encoded as one or several words', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', minLength: 1 }), { minLength: 1, maxLength: 4 }), (chunks) => {
        const header = chunks.map(bEncode).join('\r\n ');
        expect(decodeHeaderValue(header)).toBe(chunks.join(''));
      }),
    );
  });
});
