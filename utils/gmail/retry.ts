/**
 * When to retry a failed Gmail call: rate limits and server errors only, with exponential back-off
 * and jitter (half fixed, half random), honouring Retry-After, and a bounded number of attempts so that a 429 storm never
 * becomes a request storm (ARCHITECTURE.md, issue 3).
 */
import { type GmailError, isRetryable } from './errors';

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error reaches the user instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

/** Milliseconds to wait before attempt `attempt + 1`, or null to give up. `attempt` counts from 1. */
export function retryDelayMs(
  error: GmailError,
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
): number | null {
  if (!isRetryable(error) || attempt >= policy.maxAttempts) return null;
  if (error.retryAfterSeconds !== null) {
    const requested = error.retryAfterSeconds * 1000;
    return requested <= policy.maxRetryAfterMs ? requested : null;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
