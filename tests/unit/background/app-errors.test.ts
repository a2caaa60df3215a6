import { describe, expect, it } from 'vitest';
import { AuthLostError } from '../../../utils/auth/auth-service';
import { toAppError } from '../../../utils/background/app-errors';
import { GmailError, type GmailErrorKind } from '../../../utils/gmail/errors';
import { type ErrorCode, errorCodeSchema } from '../../../utils/messaging/protocol';

describe('toAppError', () => {
  it.each<[GmailErrorKind, ErrorCode]>([
    ['unauthorized', 'access-revoked'],
    ['insufficient-scope', 'not-signed-in'],
    ['rate-limited', 'rate-limited'],
    ['server', 'gmail-unavailable'],
    ['not-found', 'not-found'],
    ['bad-request', 'gmail-error'],
    ['network', 'offline'],
    ['timeout', 'timeout'],
    ['bad-response', 'bad-response'],
  ])('maps a GmailError of kind %s to %s', (kind, code) => {
    expect(toAppError(new GmailError(kind, 'what Google said')).code).toBe(code);
  });

  it.each<[AuthLostError['reason'], ErrorCode]>([
    ['revoked', 'access-revoked'],
    ['needs-interaction', 'not-signed-in'],
  ])('maps an AuthLostError for reason %s to %s', (reason, code) => {
    expect(toAppError(new AuthLostError(reason, 'consent_required'))).toEqual({ code, detail: 'consent_required' });
  });

  it("keeps Google's message and reason in the detail", () => {
    const error = new GmailError('rate-limited', 'Quota exceeded', 429, 'rateLimitExceeded');
    expect(toAppError(error)).toEqual({ code: 'rate-limited', detail: 'Quota exceeded (rateLimitExceeded)' });
  });

  it('cuts the detail to what the protocol allows', () => {
    const detail = toAppError(new GmailError('server', 'x'.repeat(5_000))).detail ?? '';
    expect(detail.length).toBe(2_000);
  });

  it.each([
    ['an Error', new TypeError('boom'), 'boom'],
    ['a string', 'plain failure', 'plain failure'],
    ['undefined', undefined, 'undefined'],
  ])('maps anything else (%s) to internal', (_, error, detail) => {
    expect(toAppError(error)).toEqual({ code: 'internal', detail });
  });

  it('always produces a code the protocol knows', () => {
    const samples: unknown[] = [new GmailError('server', 'x'), new AuthLostError('revoked', 'x'), new Error('x'), null];
    for (const sample of samples) expect(errorCodeSchema.safeParse(toAppError(sample).code).success).toBe(true);
  });
});
