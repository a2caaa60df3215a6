/**
 * gmail.googleapis.com: authenticates the bearer token, checks the user id and the scopes
 * (including the gmail.metadata trap), charges quota, runs the method and trims the answer to
 * `fields`. The order of checks follows what Google answers first.
 */
import { forbidden, insufficientScope, invalidCredentials, invalidFieldSelection, invalidFieldValues, missingCredentials, rateLimited } from './errors.ts';
import { applyFieldMask, FieldMaskError, parseFieldMask, type FieldMask } from './fields.ts';
import { GMAIL_SERVICE, resolveGmailRoute, rpcName, type GmailRouteName } from './gmail-routes.ts';
import { requestedFormat } from './gmail-common.ts';
import { runMethod } from './gmail-methods.ts';
import { bearerToken, emptyMeta, htmlResponse, jsonResponse, noContent, type FakeRequest, type HandledResponse } from './http-types.ts';
import { unitsFor } from './quota.ts';
import { SCOPES } from './scopes.ts';
import type { FakeState } from './state.ts';

/** The project number in quota messages (the client id's numeric prefix in real life). */
const PROJECT_NUMBER = '292824132082';

/** The proto enum each get method's `format` is read as, named in the 400 for a value outside it. */
const FORMAT_ENUMS: Partial<Record<GmailRouteName, string>> = { 'threads.get': 'ThreadFormat', 'messages.get': 'MessageFormat', 'drafts.get': 'DraftFormat' };

export function gmailApiMethod(request: FakeRequest): string | null {
  if (request.path === '/batch/gmail/v1') return 'gmail.batch';
  return resolveGmailRoute(request.method, request.path)?.route.apiMethod ?? null;
}

function notFoundPage(path: string): HandledResponse {
  const html = `<!DOCTYPE html>\n<html lang=en><meta charset=utf-8><title>Error 404 (Not Found)!!1</title><p><b>404.</b> <ins>That’s an error.</ins><p>The requested URL <code>${path}</code> was not found on this server.  <ins>That’s all we know.</ins>\n`;
  return { response: htmlResponse(404, html), meta: emptyMeta() };
}

export function handleGmail(state: FakeState, request: FakeRequest): HandledResponse {
  const resolved = resolveGmailRoute(request.method, request.path);
  if (resolved === undefined) return notFoundPage(request.path);
  const { route, userId, params } = resolved;
  const meta = { ...emptyMeta(), apiMethod: route.apiMethod };
  const answer = (response: HandledResponse['response']): HandledResponse => ({ response, meta });

  const tokenValue = bearerToken(request);
  if (tokenValue === undefined) return answer(missingCredentials(GMAIL_SERVICE, rpcName(route)));
  const token = state.auth.valid(tokenValue);
  if (token === undefined) return answer(invalidCredentials());
  meta.account = token.accountEmail;
  meta.scopes = [...token.scopes];

  if (userId !== 'me' && userId.toLowerCase() !== token.accountEmail) {
    return answer(forbidden(`Delegation denied for ${token.accountEmail}`));
  }
  if (!token.scopes.some((s) => route.scopes.includes(s))) {
    return answer(insufficientScope(route.scopes, GMAIL_SERVICE, rpcName(route)));
  }

  const format = requestedFormat(route.name, request.query);
  const formatEnum = FORMAT_ENUMS[route.name];
  if (formatEnum !== undefined && format === 'invalid') {
    const value = request.query.get('format') ?? '';
    const description = `Invalid value at 'format' (type.googleapis.com/google.apps.gmail.v1.${formatEnum}), "${value}"`;
    return answer(invalidFieldValues([{ field: 'format', description }]));
  }
  // A token carrying gmail.metadata is held to it even when broader scopes are granted too.
  if (token.scopes.includes(SCOPES.metadata)) {
    if ((route.name === 'threads.list' || route.name === 'messages.list') && (request.query.get('q') ?? '') !== '') {
      return answer(forbidden("Metadata scope does not support 'q' parameter"));
    }
    if ((route.name === 'threads.get' || route.name === 'messages.get') && (format === 'full' || format === 'raw')) {
      return answer(forbidden(`Metadata scope doesn't allow format ${format.toUpperCase()}`));
    }
  }

  let mask: FieldMask | undefined;
  const fields = request.query.get('fields');
  if (fields !== null) {
    try {
      mask = parseFieldMask(fields);
    } catch (error) {
      if (error instanceof FieldMaskError) return answer(invalidFieldSelection(error.message));
      throw error;
    }
  }

  const units = unitsFor(route.apiMethod);
  const charged = state.quota.charge(token.accountEmail, units);
  if (!charged.ok) return answer(rateLimited(charged.retryAfterSeconds, PROJECT_NUMBER));
  meta.quotaUnits = units;

  const result = runMethod({ name: route.name, mailbox: state.mailbox(token.accountEmail), params, query: request.query, body: request.body, now: state.now() });
  if (!result.ok) return answer(result.response);
  if (result.body === null) return answer(noContent());
  return answer(jsonResponse(200, mask === undefined ? result.body : applyFieldMask(result.body, mask)));
}
