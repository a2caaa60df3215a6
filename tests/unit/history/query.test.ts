import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerSearchQuery } from '../../../utils/history/query';

describe('customerSearchQuery', () => {
  it('finds the address in From, To or Cc, quoted', () => {
    expect(customerSearchQuery('ana@cliente.example')).toBe(
      'from:"ana@cliente.example" OR to:"ana@cliente.example" OR cc:"ana@cliente.example"',
    );
  });

  it.each([
    ['a plus sign', 'maria.lopes+orders@cliente.example'],
    ['a dash and digits', 'j-doe-42@sub.cliente.example'],
    ['unicode letters', 'joão.ção@exemplo.com.br'],
    ['an internationalised domain', 'info@bücher.example'],
    ['braces and parentheses', '{a}(b)@x.example'],
  ])('keeps an address with %s literal inside the quotes', (_, address) => {
    expect(customerSearchQuery(address)).toBe(`from:"${address}" OR to:"${address}" OR cc:"${address}"`);
  });

  it.each([
    ['a quote that would end the phrase', 'a" OR label:secret "@x.example', 'a OR label:secret @x.example'],
    ['a backslash', 'a\\"b@x.example', 'a b@x.example'],
    ['a line break', 'a\r\nb@x.example', 'a b@x.example'],
  ])('drops %s so the address cannot add an operator', (_, address, literal) => {
    expect(customerSearchQuery(address)).toBe(`from:"${literal}" OR to:"${literal}" OR cc:"${literal}"`);
  });

  it.each(['', '   ', 'no-at-sign', '"\\"'])('has no query for %j', (address) => {
    expect(customerSearchQuery(address)).toBeNull();
  });

  it('always yields three balanced quoted phrases, or nothing (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (address) => {
        const query = customerSearchQuery(address);
        if (query === null) return;
        const match = /^from:"([^"\\]*)" OR to:"\1" OR cc:"\1"$/u.exec(query);
        expect(match).not.toBeNull();
        expect(match?.[1]).not.toMatch(/[\p{Cc}]/u);
      }),
    );
  });
});
