import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AuthorizeRequest, buildAuthorizeUrl, parseAuthorizeRedirect } from '../../../utils/auth/oauth-flow';
import { GMAIL_READ_SCOPE } from '../../../utils/google/scopes';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const request: AuthorizeRequest = {
  clientId: 'client-123.apps.googleusercontent.com',
  redirectUri: REDIRECT,
  scopes: ['openid', 'email', GMAIL_READ_SCOPE],
  loginHint: 'agent@acme.com',
  interactive: true,
  state: 'state-xyz',
};

function paramsOf(url: string): URLSearchParams {
  const parsed = new URL(url);
  expect(`${parsed.origin}${parsed.pathname}`).toBe('https://accounts.google.com/o/oauth2/v2/auth');
  return parsed.searchParams;
}

describe('buildAuthorizeUrl', () => {
  it('asks for an implicit-flow token with the granted scopes included', () => {
    const params = paramsOf(buildAuthorizeUrl(request));
    expect(params.get('client_id')).toBe(request.clientId);
    expect(params.get('redirect_uri')).toBe(REDIRECT);
    expect(params.get('response_type')).toBe('token');
    expect(params.get('include_granted_scopes')).toBe('true');
    expect(params.get('state')).toBe('state-xyz');
    expect(params.get('scope')).toBe(`openid email ${GMAIL_READ_SCOPE}`);
  });

  it.each([
    ['interactive with a hint', { interactive: true, loginHint: 'a@x.com' }, 'a@x.com', null],
    ['interactive without a hint', { interactive: true, loginHint: null }, null, null],
    ['silent with a hint', { interactive: false, loginHint: 'a@x.com' }, 'a@x.com', 'none'],
    ['silent without a hint', { interactive: false, loginHint: null }, null, 'none'],
  ])('sets login_hint and prompt only when needed (%s)', (_, overrides, loginHint, prompt) => {
    const params = paramsOf(buildAuthorizeUrl({ ...request, ...overrides }));
    expect(params.get('login_hint')).toBe(loginHint);
    expect(params.get('prompt')).toBe(prompt);
  });
});

describe('parseAuthorizeRedirect', () => {
  const now = 1_700_000_000_000;
  const redirect = (fields: Record<string, string>, part: '#' | '?' = '#') =>
    `${REDIRECT}${part}${new URLSearchParams(fields)}`;

  it('returns the token, its expiry and its scopes in long form', () => {
    const url = redirect({
      state: 'S',
      access_token: 'ya29.token',
      token_type: 'Bearer',
      expires_in: '3599',
      scope: `email profile ${GMAIL_READ_SCOPE} openid`,
    });
    expect(parseAuthorizeRedirect(url, 'S', now)).toEqual({
      ok: true,
      token: {
        accessToken: 'ya29.token',
        expiresAt: now + 3_599_000,
        scopes: [
          'https://www.googleapis.com/auth/userinfo.email',
          'https://www.googleapis.com/auth/userinfo.profile',
          GMAIL_READ_SCOPE,
          'openid',
        ],
      },
    });
  });

  it.each([
    ['access_denied', 'access_denied'],
    ['consent_required', 'consent_required'],
    ['interaction_required', 'interaction_required'],
    ['login_required', 'login_required'],
    ['temporarily_unavailable', 'invalid_response'],
  ])('reports Google error %s as %s', (googleError, error) => {
    const outcome = parseAuthorizeRedirect(redirect({ state: 'S', error: googleError }), 'S', now);
    expect(outcome).toEqual({ ok: false, error, detail: googleError });
  });

  it("keeps Google's error_description and accepts errors in the query", () => {
    const url = redirect({ state: 'S', error: 'access_denied', error_description: 'The user said no' }, '?');
    expect(parseAuthorizeRedirect(url, 'S', now)).toEqual({ ok: false, error: 'access_denied', detail: 'The user said no' });
  });

  it.each([
    ['another state', redirect({ state: 'T', access_token: 'x', expires_in: '3599' })],
    ['no state', redirect({ access_token: 'x', expires_in: '3599' })],
    ['an error for another state', redirect({ state: 'T', error: 'access_denied' })],
    ['no access token', redirect({ state: 'S', expires_in: '3599' })],
    ['an empty access token', redirect({ state: 'S', access_token: '', expires_in: '3599' })],
    ['no expiry', redirect({ state: 'S', access_token: 'x' })],
    ['a zero expiry', redirect({ state: 'S', access_token: 'x', expires_in: '0' })],
    ['a non-numeric expiry', redirect({ state: 'S', access_token: 'x', expires_in: 'soon' })],
    ['not a URL', 'not a url at all'],
    ['an empty string', ''],
  ])('refuses a redirect with %s', (_, url) => {
    expect(parseAuthorizeRedirect(url, 'S', now)).toMatchObject({ ok: false, error: 'invalid_response' });
  });

  it('never throws, whatever the redirect', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (tail, state) => {
        parseAuthorizeRedirect(tail, state, now);
        parseAuthorizeRedirect(`${REDIRECT}#${tail}`, state, now);
        parseAuthorizeRedirect(`${REDIRECT}#state=${encodeURIComponent(state)}&${tail}`, state, now);
      }),
    );
  });

  it('only ever issues a token for the expected state', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (sent, expected) => {
        fc.pre(sent !== expected);
        const url = redirect({ state: sent, access_token: 'x', expires_in: '3599' });
        expect(parseAuthorizeRedirect(url, expected, now).ok).toBe(false);
      }),
    );
  });
});
