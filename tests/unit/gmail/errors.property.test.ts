/**
 * Google's error answers, whatever their body and Retry-After hold (issue 7 › 4): a GmailError whose
 * kind follows the status, a message, and a wait that is a whole number of seconds, never negative —
 * or none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GmailError, errorFromResponse, parseRetryAfter } from '../../../utils/gmail/errors';

const envelope = fc.record({
  error: fc.record({ code: fc.integer(), message: fc.string({ maxLength: 20 }), errors: fc.array(fc.record({ reason: fc.constantFrom('rateLimitExceeded', 'insufficientPermissions', 'backendError', 'notFound') }), { maxLength: 2 }) }),
});
const body = fc.oneof(fc.jsonValue({ maxDepth: 3 }), envelope);
const retryAfter = fc.option(
  fc.oneof(fc.nat().map(String), fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()), fc.string({ maxLength: 12 }), fc.constantFrom('9'.repeat(400), '-1', '1.5', ' 3 ')),
  { nil: null },
);

describe('errorFromResponse on any error answer', () => {
  it('classifies by status, keeps a readable message, and reads Retry-After as whole seconds or none (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), body, retryAfter, (status, answer, after) => {
        const error = errorFromResponse(status, answer, after);
        expect(error).toBeInstanceOf(GmailError);
        expect(error.status).toBe(status);
        if (status === 401) expect(error.kind).toBe('unauthorized');
        if (status === 429) expect(error.kind).toBe('rate-limited');
        if (status >= 500) expect(['server', 'rate-limited']).toContain(error.kind);
        expect(typeof error.message).toBe('string');
        const seconds = error.retryAfterSeconds;
        // Digits past what a double holds read as Infinity: longer than any wait, so the call gives up.
        if (seconds !== null) expect(Number.isInteger(seconds) || seconds === Infinity).toBe(true);
        if (seconds !== null) expect(seconds).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('reads any Retry-After as a non-negative number of seconds or null (property)', () => {
    fc.assert(
      fc.property(retryAfter, (after) => {
        const seconds = parseRetryAfter(after, 1_750_000_000_000);
        if (seconds !== null) expect(seconds).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
