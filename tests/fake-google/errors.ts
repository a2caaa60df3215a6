/**
 * Google API error bodies: {"error":{"code","message","errors":[{message,domain,reason}],
 * "status"}} as googleapis.com answers them (notes/google-facts.md), with the exact texts seen
 * in real responses where we have them, and the WWW-Authenticate headers of 401/403.
 */
import { jsonResponse, type FakeResponse } from './http-types.ts';

const REALM = 'Bearer realm="https://accounts.google.com/"';

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND',
  409: 'ABORTED', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 501: 'NOT_IMPLEMENTED',
  502: 'UNAVAILABLE', 503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED',
};

export interface ErrorItem {
  message: string;
  domain: string;
  reason: string;
  location?: string;
  locationType?: string;
}

export function googleError(
  code: number,
  message: string,
  item: Partial<ErrorItem> & { reason: string },
  extra: { headers?: Record<string, string>; details?: unknown[] } = {},
): FakeResponse {
  const error: Record<string, unknown> = {
    code,
    message,
    errors: [{ message: item.message ?? message, domain: item.domain ?? 'global', reason: item.reason, ...pick(item) }],
    status: STATUS_NAMES[code] ?? 'UNKNOWN',
  };
  if (extra.details !== undefined) error['details'] = extra.details;
  return jsonResponse(code, { error }, extra.headers);
}

function pick(item: Partial<ErrorItem>): Partial<ErrorItem> {
  return item.location === undefined ? {} : { location: item.location, locationType: item.locationType ?? 'header' };
}

function errorInfo(reason: string, service: string, method: string): unknown {
  return { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com', metadata: { method, service } };
}

export function missingCredentials(service: string, method: string): FakeResponse {
  const message =
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
  return googleError(401, message, { message: 'Login Required.', reason: 'required', location: 'Authorization' }, {
    headers: { 'www-authenticate': REALM },
    details: [errorInfo('CREDENTIALS_MISSING', service, method)],
  });
}

export function invalidCredentials(): FakeResponse {
  const message =
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
  return googleError(401, message, { message: 'Invalid Credentials', reason: 'authError', location: 'Authorization' }, {
    headers: { 'www-authenticate': `${REALM}, error="invalid_token"` },
  });
}

export function insufficientScope(acceptedScopes: readonly string[], service: string, method: string): FakeResponse {
  return googleError(403, 'Request had insufficient authentication scopes.', { message: 'Insufficient Permission', reason: 'insufficientPermissions' }, {
    headers: { 'www-authenticate': `${REALM}, error="insufficient_scope", scope="${acceptedScopes.join(' ')}"` },
    details: [errorInfo('ACCESS_TOKEN_SCOPE_INSUFFICIENT', service, method)],
  });
}

export function forbidden(message: string): FakeResponse {
  return googleError(403, message, { reason: 'forbidden' });
}

export function notFound(): FakeResponse {
  return googleError(404, 'Requested entity was not found.', { reason: 'notFound' });
}

export function badRequest(message: string, reason = 'invalidArgument'): FakeResponse {
  return googleError(400, message, { reason });
}

/**
 * The proto layer's refusal of a query parameter it cannot read as its type (ESF transcoding):
 * `Invalid value at 'max_results' (TYPE_UINT32), "abc"`. Unlike Gmail's own 400s its `errors[]`
 * entry is `reason: invalid` with no `domain`, and every refused value is a field violation in a
 * `google.rpc.BadRequest` detail; several refusals are one 400 whose message joins theirs. A JSON
 * body it cannot read (`Invalid JSON payload received. …`) is refused the same way; a violation
 * without a field (an unknown name at the top level) leaves `field` out.
 */
export function invalidFieldValues(violations: readonly { field?: string; description: string }[]): FakeResponse {
  const message = violations.map((v) => v.description).join('\n');
  return jsonResponse(400, {
    error: {
      code: 400,
      message,
      errors: [{ message, reason: 'invalid' }],
      status: STATUS_NAMES[400],
      details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: violations.map((v) => ({ ...v })) }],
    },
  });
}

/**
 * users.labels.create on a name that equals an existing label's, case aside: 409 with
 * `errors[0].reason: "aborted"` — GYB prints "409: Label name exists or conflicts - aborted"
 * (`<code>: <errors[0].message> - <errors[0].reason>`, got-your-back #105/#124/#152) and lieer #207
 * quotes the item `{'message': 'Label name exists or conflicts', 'domain': 'global', 'reason':
 * 'aborted'}` for "Amazon" against an existing "amazon". The status follows the reason: ABORTED.
 */
export function labelConflict(): FakeResponse {
  return googleError(409, 'Label name exists or conflicts', { reason: 'aborted' });
}

export function invalidFieldSelection(message: string): FakeResponse {
  return googleError(400, message, { reason: 'invalidParameter', location: 'fields', locationType: 'parameter' });
}

/** The per-user-per-minute quota answer (Gmail sends 429 RESOURCE_EXHAUSTED, reason rateLimitExceeded). */
export function rateLimited(retryAfterSeconds: number, projectNumber: string): FakeResponse {
  const message = `Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service 'gmail.googleapis.com' for consumer 'project_number:${projectNumber}'.`;
  return googleError(429, message, { domain: 'usageLimits', reason: 'rateLimitExceeded' }, { headers: { 'retry-after': String(retryAfterSeconds) } });
}

/** Default body of an injected fault with this status. */
export function faultError(status: number): FakeResponse {
  switch (status) {
    case 400: return badRequest('Bad Request', 'badRequest');
    case 401: return invalidCredentials();
    case 403: return googleError(403, 'User Rate Limit Exceeded', { domain: 'usageLimits', reason: 'userRateLimitExceeded' });
    case 404: return notFound();
    case 429: return googleError(429, 'Resource has been exhausted (e.g. check quota).', { reason: 'rateLimitExceeded' }, { headers: { 'retry-after': '1' } });
    case 500: return googleError(500, 'Backend Error', { reason: 'backendError' });
    case 503: return googleError(503, 'The service is currently unavailable.', { reason: 'backendError' });
    default: return googleError(status, 'Internal error encountered.', { reason: status >= 500 ? 'backendError' : 'badRequest' });
  }
}
