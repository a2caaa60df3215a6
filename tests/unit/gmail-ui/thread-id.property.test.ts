/**
 * Thread ids from Gmail's DOM, on any attribute values (issue 7 › 4): a Gmail API id (1–16 lowercase
 * hex digits) or null — leading zeros, numbers past 2^64, hex where decimal belongs, any text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeThreadId, permIdToHex } from '../../../utils/gmail-ui/thread-id';

const API_ID = /^[0-9a-f]{1,16}$/;
const MAX_UINT64 = (1n << 64n) - 1n;

const attribute = fc.oneof(
  fc.bigInt({ min: 0n, max: 1n << 80n }).chain((n) => fc.constantFrom(`thread-f:${n}`, `#thread-f:${n}`, ` thread-f:0${n} `, n.toString(16), `thread-f:${n.toString(16)}`)),
  fc.constantFrom('undefined', 'null', 'thread-a:r-123', 'thread-f:', 'thread-f:-1', '#', 'FFFF'),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

describe('thread ids from any attribute values', () => {
  it('are an API id or null (property)', () => {
    fc.assert(
      fc.property(fc.option(attribute, { nil: null }), fc.option(attribute, { nil: null }), (legacy, perm) => {
        const id = normalizeThreadId(legacy, perm);
        if (id !== null) expect(id).toMatch(API_ID);
      }),
    );
  });

  it('read a perm id with leading zeros as the same thread, up to 20 digits (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: MAX_UINT64 }), fc.nat(19), (value, zeros) => {
        const digits = value.toString(10);
        const padded = `${'0'.repeat(Math.min(zeros, 20 - digits.length))}${digits}`;
        expect(permIdToHex(`thread-f:${padded}`)).toBe(value.toString(16));
      }),
    );
  });

  it('refuse every number past 2^64 - 1 rather than wrap it (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: MAX_UINT64 + 1n, max: 10n ** 30n }), (value) => {
        expect(permIdToHex(`thread-f:${value}`)).toBeNull();
      }),
    );
  });
});
