import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLegacyHexId, normalizeThreadId, permIdToHex } from '../../../utils/gmail-ui/thread-id';

describe('permIdToHex', () => {
  it.each([
    ['the subject h2 form', 'thread-f:1581064946762017791', '15f1123136926bff'],
    ['the list row form', '#thread-f:1581064946762017791', '15f1123136926bff'],
    ['surrounding spaces', ' thread-f:1581064946762017791 ', '15f1123136926bff'],
    ['a small id', 'thread-f:255', 'ff'],
    ['the largest uint64', 'thread-f:18446744073709551615', 'ffffffffffffffff'],
  ])('converts %s', (_, permId, hex) => {
    expect(permIdToHex(permId)).toBe(hex);
  });

  it.each([
    ['"undefined" (seen on Workspace accounts)', 'undefined'],
    ['a just-sent thread', 'thread-a:r-1234567890123456789'],
    ['a message id', 'msg-f:1581064946762017791'],
    ['a value above uint64', 'thread-f:18446744073709551616'],
    ['zero', 'thread-f:0'],
    ['no digits', 'thread-f:'],
    ['hex digits', 'thread-f:15f1123136926bff'],
    ['a negative number', 'thread-f:-1'],
    ['the URL hash token', 'FMfcgzQZTzJbsWkjKlwVrGxBnLqHZcSs'],
    ['an empty string', ''],
  ])('rejects %s', (_, permId) => {
    expect(permIdToHex(permId)).toBeNull();
  });

  it('round-trips any uint64 between decimal and hex', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }), (value) => {
        const hex = permIdToHex(`thread-f:${value.toString(10)}`);
        expect(hex).not.toBeNull();
        expect(BigInt(`0x${hex ?? ''}`)).toBe(value);
        expect(isLegacyHexId(hex ?? '')).toBe(true);
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        permIdToHex(s);
        permIdToHex(`thread-f:${s}`);
      }),
    );
  });
});

describe('isLegacyHexId', () => {
  it.each([
    ['15f1123136926bff', true],
    ['18c0a1b2c3d40000', true],
    ['ff', true],
    ['15F1123136926BFF', false],
    ['15f1123136926bff0', false],
    ['', false],
    ['undefined', false],
    ['thread-f:1581064946762017791', false],
  ])('isLegacyHexId(%j) is %s', (id, expected) => {
    expect(isLegacyHexId(id)).toBe(expected);
  });
});

describe('normalizeThreadId', () => {
  it.each([
    ['a valid legacy id', '15f1123136926bff', 'thread-f:1', '15f1123136926bff'],
    ['the perm id when legacy is missing', null, 'thread-f:1581064946762017791', '15f1123136926bff'],
    ['the perm id when legacy is junk', 'undefined', 'thread-f:1581064946762017791', '15f1123136926bff'],
    ['the legacy id when perm is "undefined"', '15f1123136926bff', 'undefined', '15f1123136926bff'],
    ['null for a just-sent thread', null, 'thread-a:r-1234567890123456789', null],
    ['null when both are missing', null, null, null],
  ])('returns %s', (_, legacy, perm, expected) => {
    expect(normalizeThreadId(legacy, perm)).toBe(expected);
  });
});
