/**
 * Turns whatever failed in the background into an AppError the panel can explain: a code that
 * picks the words on screen, and a detail (Gmail's own reason) for the curious and for the logs.
 */
import { AuthLostError } from '../auth/auth-service';
import { GmailError, type GmailErrorKind } from '../gmail/errors';
import type { AppError, ErrorCode } from '../messaging/protocol';

const CODE_BY_GMAIL_KIND: Record<GmailErrorKind, ErrorCode> = {
  unauthorized: 'access-revoked',
  'insufficient-scope': 'not-signed-in',
  'rate-limited': 'rate-limited',
  server: 'gmail-unavailable',
  'not-found': 'not-found',
  'bad-request': 'gmail-error',
  network: 'offline',
  timeout: 'timeout',
  'bad-response': 'bad-response',
};

/** A panel asked for something its tab does not entitle it to (F10: the tab decides what is read). */
export class RequestRefused extends Error {
  override readonly name = 'RequestRefused';
}

/** The agent has not granted the scope a change needs: the panel explains and asks (issue 4 › 2). */
export class ScopeRequired extends Error {
  override readonly name = 'ScopeRequired';
}

/** Google no longer honours the grant: the silent refresh was refused, or a fresh token still gets 401. */
export function isRevocation(error: unknown): boolean {
  return (
    (error instanceof AuthLostError && error.reason === 'revoked') ||
    (error instanceof GmailError && error.kind === 'unauthorized')
  );
}

export function toAppError(error: unknown): AppError {
  if (error instanceof RequestRefused) return { code: 'bad-request', detail: error.message };
  if (error instanceof ScopeRequired) return { code: 'scope-required', detail: error.message };
  if (error instanceof GmailError) {
    const reason = error.reason ? ` (${error.reason})` : '';
    return { code: CODE_BY_GMAIL_KIND[error.kind], detail: `${error.message}${reason}`.slice(0, 2000) };
  }
  if (error instanceof AuthLostError) {
    return { code: error.reason === 'revoked' ? 'access-revoked' : 'not-signed-in', detail: error.message };
  }
  return { code: 'internal', detail: error instanceof Error ? error.message : String(error) };
}
