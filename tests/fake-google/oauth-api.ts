/**
 * oauth2.googleapis.com (revoke, tokeninfo) and www.googleapis.com/oauth2/v3/userinfo, with
 * Google's OAuth-style error bodies ({"error","error_description"}) rather than the API
 * envelope, as those endpoints answer.
 */
import { emptyMeta, bearerToken, jsonResponse, type FakeRequest, type HandledResponse } from './http-types.ts';
import { subjectIdFor } from './ids.ts';
import { SCOPES } from './scopes.ts';
import type { FakeState } from './state.ts';

function formOrQuery(request: FakeRequest, name: string): string | null {
  const contentType = request.headers['content-type'] ?? '';
  if (request.method === 'POST' && contentType.includes('application/x-www-form-urlencoded')) {
    const value = new URLSearchParams(request.body.toString('utf8')).get(name);
    if (value !== null) return value;
  }
  return request.query.get(name);
}

export function handleOAuth2Api(state: FakeState, request: FakeRequest): HandledResponse {
  const meta = emptyMeta();
  if (request.path === '/revoke' && request.method === 'POST') {
    meta.apiMethod = 'oauth2.revoke';
    const value = formOrQuery(request, 'token') ?? '';
    const known = state.auth.lookup(value);
    state.revocations.push({ token: value, accountEmail: known?.accountEmail ?? null, at: state.now() });
    const token = state.auth.valid(value);
    if (token === undefined) {
      return { response: jsonResponse(400, { error: 'invalid_token', error_description: 'Token expired or revoked' }), meta };
    }
    meta.account = token.accountEmail;
    state.auth.revokeGrantOf(token);
    return { response: jsonResponse(200, {}), meta };
  }
  if (request.path === '/tokeninfo' && (request.method === 'GET' || request.method === 'POST')) {
    return tokenInfo(state, request);
  }
  return { response: jsonResponse(404, { error: 'not_found', error_description: 'Not Found' }), meta };
}

function tokenInfo(state: FakeState, request: FakeRequest): HandledResponse {
  const meta = { ...emptyMeta(), apiMethod: 'oauth2.tokeninfo' };
  const token = state.auth.valid(formOrQuery(request, 'access_token') ?? '');
  if (token === undefined) return { response: jsonResponse(400, { error: 'invalid_token', error_description: 'Invalid Value' }), meta };
  meta.account = token.accountEmail;
  meta.scopes = [...token.scopes];
  const body: Record<string, string> = {
    azp: token.clientId,
    aud: token.clientId,
    sub: subjectIdFor(token.accountEmail),
    scope: token.scopes.join(' '),
    exp: String(Math.floor(token.expiresAt / 1000)),
    expires_in: String(Math.max(0, Math.floor((token.expiresAt - state.now()) / 1000))),
  };
  if (token.scopes.includes(SCOPES.email)) {
    body['email'] = token.accountEmail;
    body['email_verified'] = 'true';
  }
  body['access_type'] = 'online';
  return { response: jsonResponse(200, body), meta };
}

/** www.googleapis.com: the OpenID userinfo endpoint (and tokeninfo's older home). */
export function handleWwwGoogleapis(state: FakeState, request: FakeRequest): HandledResponse {
  if (request.path === '/oauth2/v3/tokeninfo') return tokenInfo(state, request);
  const meta = { ...emptyMeta(), apiMethod: 'oauth2.userinfo' };
  if (request.path !== '/oauth2/v3/userinfo' || (request.method !== 'GET' && request.method !== 'POST')) {
    return { response: jsonResponse(404, { error: { code: 404, message: 'Not Found', status: 'NOT_FOUND' } }), meta };
  }
  const value = bearerToken(request);
  const token = value === undefined ? undefined : state.auth.valid(value);
  if (token === undefined) {
    const challenge = value === undefined ? 'Bearer realm="https://accounts.google.com/"' : 'Bearer realm="https://accounts.google.com/", error="invalid_token"';
    return {
      response: jsonResponse(401, { error: 'invalid_request', error_description: 'Invalid Credentials' }, { 'www-authenticate': challenge }),
      meta,
    };
  }
  meta.account = token.accountEmail;
  meta.scopes = [...token.scopes];
  const mailbox = state.mailbox(token.accountEmail);
  const body: Record<string, string | boolean> = { sub: subjectIdFor(token.accountEmail) };
  if (token.scopes.includes(SCOPES.profile)) {
    const [given = mailbox.name, ...family] = mailbox.name.split(' ');
    body['name'] = mailbox.name;
    body['given_name'] = given;
    if (family.length > 0) body['family_name'] = family.join(' ');
    body['picture'] = `https://lh3.googleusercontent.com/a/ACg8ocFake${subjectIdFor(token.accountEmail).slice(-8)}=s96-c`;
  }
  if (token.scopes.includes(SCOPES.email)) {
    body['email'] = token.accountEmail;
    body['email_verified'] = true;
  }
  return { response: jsonResponse(200, body), meta };
}
