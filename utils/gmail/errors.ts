/**
 * Typed Gmail/Google failures. The client turns every non-2xx answer, network failure and schema
 * violation into one of these, so callers decide by `kind`, never by parsing messages.
 */
import { googleErrorSchema } from './schemas';

export type GmailErrorKind =
  | 'unauthorized' // 401: token missing, expired or revoked
  | 'insufficient-scope' // 403 insufficientPermissions
  | 'rate-limited' // 429, or 403 rateLimitExceeded / userRateLimitExceeded
  | 'server' // 5xx
  | 'not-found' // 404
  | 'bad-request' // other 4xx
  | 'network' // fetch rejected: offline, DNS, TLS
  | 'timeout' // no answer in time
  | 'bad-response'; // 2xx whose body violates Google's schema

export class GmailError extends Error {
  override readonly name = 'GmailError';
  constructor(
    readonly kind: GmailErrorKind,
    message: string,
    readonly status = 0,
    readonly reason = '',
    /** Seconds from a Retry-After header, when Google sent one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);

export function isRetryable(error: GmailError): boolean {
  return error.kind === 'rate-limited' || error.kind === 'server';
}

/** Reads Google's error envelope (when there is one) and classifies the failure. */
export function errorFromResponse(status: number, body: unknown, retryAfter: string | null): GmailError {
  const parsed = googleErrorSchema.safeParse(body);
  const reason = parsed.success ? (parsed.data.error.errors?.[0]?.reason ?? parsed.data.error.status ?? '') : '';
  const message = parsed.success ? parsed.data.error.message : `HTTP ${status}`;
  const retryAfterSeconds = parseRetryAfter(retryAfter);
  const kind = classify(status, reason);
  return new GmailError(kind, message, status, reason, retryAfterSeconds);
}

function classify(status: number, reason: string): GmailErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 429 || RATE_LIMIT_REASONS.has(reason)) return 'rate-limited';
  if (status === 403 && (reason === 'insufficientPermissions' || reason === 'ACCESS_TOKEN_SCOPE_INSUFFICIENT')) {
    return 'insufficient-scope';
  }
  if (status === 404) return 'not-found';
  if (status >= 500) return 'server';
  return 'bad-request';
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
