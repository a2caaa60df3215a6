import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GmailError, type GmailErrorKind, errorFromResponse, parseRetryAfter } from '../../../utils/gmail/errors';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from '../../../utils/gmail/retry';
import { googleError } from './fake-gmail';

describe('errorFromResponse', () => {
  it.each<[number, unknown, GmailErrorKind, string]>([
    [401, googleError(401, 'authError', 'UNAUTHENTICATED'), 'unauthorized', 'authError'],
    [403, googleError(403, 'insufficientPermissions', 'PERMISSION_DENIED'), 'insufficient-scope', 'insufficientPermissions'],
    [403, { error: { code: 403, message: 'scope', status: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' } }, 'insufficient-scope', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT'],
    [403, googleError(403, 'rateLimitExceeded', 'PERMISSION_DENIED'), 'rate-limited', 'rateLimitExceeded'],
    [403, googleError(403, 'userRateLimitExceeded', 'PERMISSION_DENIED'), 'rate-limited', 'userRateLimitExceeded'],
    [429, googleError(429, 'rateLimitExceeded', 'RESOURCE_EXHAUSTED'), 'rate-limited', 'rateLimitExceeded'],
    [404, googleError(404, 'notFound', 'NOT_FOUND'), 'not-found', 'notFound'],
    [400, googleError(400, 'invalidArgument', 'INVALID_ARGUMENT'), 'bad-request', 'invalidArgument'],
    [500, googleError(500, 'backendError', 'INTERNAL'), 'server', 'backendError'],
    [503, '<html>Service Unavailable</html>', 'server', ''],
  ])('classifies HTTP %i with %j as %s', (status, body, kind, reason) => {
    expect(errorFromResponse(status, body, null)).toMatchObject({ kind, status, reason });
  });

  it("keeps Google's own message, or says the status when there is no envelope", () => {
    expect(errorFromResponse(429, googleError(429, 'rateLimitExceeded', 'RESOURCE_EXHAUSTED'), null).message).toBe(
      'Google says rateLimitExceeded',
    );
    expect(errorFromResponse(502, null, null).message).toBe('HTTP 502');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each<[string | null, number | null]>([
    [null, null],
    ['', null],
    ['2', 2],
    [' 120 ', 120],
    ['Wed, 01 Jan 2025 00:00:05 GMT', 5],
    ['Tue, 31 Dec 2024 23:59:00 GMT', 0],
    ['soon', null],
  ])('reads %j as %j seconds', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });
});

describe('retryDelayMs', () => {
  const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 };
  const server = new GmailError('server', 'HTTP 503', 503);

  it.each<GmailErrorKind>(['unauthorized', 'insufficient-scope', 'not-found', 'bad-request', 'network', 'timeout', 'bad-response'])(
    'never retries a %s error',
    (kind) => {
      expect(retryDelayMs(new GmailError(kind, kind), 1, policy, () => 0.5)).toBeNull();
    },
  );

  it.each([
    [1, 0, 250],
    [1, 1, 500],
    [2, 0, 500],
    [3, 1, 2000],
  ])('backs off exponentially with half-fixed jitter (attempt %i, random %d → %i ms)', (attempt, random, ms) => {
    expect(retryDelayMs(server, attempt, policy, () => random)).toBe(ms);
  });

  it('caps the back-off at maxDelayMs', () => {
    expect(retryDelayMs(server, 20, { ...policy, maxAttempts: 30 }, () => 1)).toBe(policy.maxDelayMs);
  });

  it('has a sane default policy', () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeGreaterThan(1);
    expect(DEFAULT_RETRY_POLICY.maxDelayMs).toBeGreaterThanOrEqual(DEFAULT_RETRY_POLICY.baseDelayMs);
  });

  const policies = fc.record({
    maxAttempts: fc.integer({ min: 1, max: 10 }),
    baseDelayMs: fc.integer({ min: 0, max: 10_000 }),
    maxDelayMs: fc.integer({ min: 0, max: 60_000 }),
    maxRetryAfterMs: fc.integer({ min: 0, max: 120_000 }),
  });
  const errors = fc
    .record({
      kind: fc.constantFrom<GmailErrorKind>('rate-limited', 'server', 'unauthorized', 'network'),
      retryAfterSeconds: fc.option(fc.integer({ min: 0, max: 1_000 })),
    })
    .map(({ kind, retryAfterSeconds }) => new GmailError(kind, kind, 0, '', retryAfterSeconds));

  it('is never negative nor above the policy bounds, and null once attempts are used up', () => {
    fc.assert(
      fc.property(errors, fc.integer({ min: 1, max: 50 }), policies, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (error, attempt, p, random) => {
        const delay = retryDelayMs(error, attempt, p, () => random);
        if (attempt >= p.maxAttempts) expect(delay).toBeNull();
        if (delay === null) return;
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.max(p.maxDelayMs, p.maxRetryAfterMs));
      }),
    );
  });
});
