import { describe, expect, it } from 'vitest';
import { authorizeUrl, call, CLIENT_ID, fragmentOf, READONLY, REDIRECT, signIn, useDemoFake } from './helpers.ts';

const AGENT = 'agent@support.example';
const demo = useDemoFake();


describe('accounts.google.com implicit flow', () => {
  it('answers prompt=none without a grant with consent_required in the fragment', async () => {
    const reply = await call(demo.fake, 'accounts.google.com', authorizeUrl({ scope: READONLY, login_hint: AGENT, prompt: 'none', state: 's1' }));
    expect(reply.status).toBe(302);
    expect(reply.headers['location']).toBe(`${REDIRECT}#error=consent_required&state=s1`);
  });

  it('shows a consent page with Allow and Cancel that posts back, then redirects with a token', async () => {
    const page = await call(demo.fake, 'accounts.google.com', authorizeUrl({ scope: `email ${READONLY}`, login_hint: AGENT, state: 'xyz' }));
    expect(page.status).toBe(200);
    expect(page.text).toContain('wants to access your Google Account');
    expect(page.text).toContain(AGENT);
    expect(page.text).toContain('View your email messages and settings');
    expect(page.text).toMatch(/<button[^>]*value="allow">Allow<\/button>/);
    expect(page.text).toMatch(/<button[^>]*value="deny">Cancel<\/button>/);
    const consentId = /name="consent_id" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const allowed = await call(demo.fake, 'accounts.google.com', '/o/oauth2/v2/auth/consent', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `consent_id=${consentId}&decision=allow`,
    });
    expect(allowed.status).toBe(302);
    expect(allowed.headers['location']?.startsWith(`${REDIRECT}#access_token=ya29.`)).toBe(true);
    const fragment = fragmentOf(allowed);
    expect(fragment.get('token_type')).toBe('Bearer');
    expect(fragment.get('expires_in')).toBe('3599');
    expect(fragment.get('state')).toBe('xyz');
    expect(fragment.get('scope')?.split(' ').sort()).toEqual(
      ['https://www.googleapis.com/auth/userinfo.email', 'openid', READONLY].sort(),
    );
    expect(demo.fake.control.grants()).toEqual([{ accountEmail: AGENT, scopes: expect.arrayContaining([READONLY, 'openid']) as unknown }]);
  });

  it('redirects with access_denied when the user clicks Cancel or consent is auto-denied', async () => {
    demo.fake.control.setConsentMode('auto-deny');
    const reply = await call(demo.fake, 'accounts.google.com', authorizeUrl({ scope: READONLY, login_hint: AGENT, state: 'n' }));
    expect(reply.headers['location']).toBe(`${REDIRECT}#error=access_denied&state=n`);
  });

  it('refreshes silently once granted, and answers consent_required after the grant is revoked', async () => {
    const first = await signIn(demo.fake, AGENT, READONLY);
    const silent = await call(demo.fake, 'accounts.google.com', authorizeUrl({ scope: READONLY, login_hint: AGENT, prompt: 'none' }));
    const second = fragmentOf(silent).get('access_token');
    expect(second).toMatch(/^ya29\./);
    expect(second).not.toBe(first);
    demo.fake.control.revokeGrant(AGENT);
    const api = await call(demo.fake, 'gmail.googleapis.com', '/gmail/v1/users/me/profile', { token: second ?? '' });
    expect(api.status).toBe(401);
    const after = await call(demo.fake, 'accounts.google.com', authorizeUrl({ scope: READONLY, login_hint: AGENT, prompt: 'none' }));
    expect(fragmentOf(after).get('error')).toBe('consent_required');
  });

  it('keeps the grant when tokens merely expire', async () => {
    const token = await signIn(demo.fake, AGENT, READONLY);
    demo.fake.control.expireTokens(AGENT);
    expect((await call(demo.fake, 'gmail.googleapis.com', '/gmail/v1/users/me/profile', { token })).status).toBe(401);
    const silent = await call(demo.fake, 'accounts.google.com', authorizeUrl({ scope: READONLY, login_hint: AGENT, prompt: 'none' }));
    expect(fragmentOf(silent).get('access_token')).toMatch(/^ya29\./);
  });

  it('merges earlier grants into the token with include_granted_scopes=true', async () => {
    await signIn(demo.fake, AGENT, 'email');
    await signIn(demo.fake, AGENT, READONLY);
    const plain = await call(demo.fake, 'accounts.google.com', authorizeUrl({ scope: READONLY, login_hint: AGENT, prompt: 'none' }));
    expect(fragmentOf(plain).get('scope')).toBe(READONLY);
    const merged = await call(demo.fake, 'accounts.google.com', authorizeUrl({ scope: READONLY, login_hint: AGENT, prompt: 'none', include_granted_scopes: 'true' }));
    expect(fragmentOf(merged).get('scope')?.split(' ')).toEqual(expect.arrayContaining([READONLY, 'openid', 'https://www.googleapis.com/auth/userinfo.email']));
  });

  it.each([
    ['a malformed client id', { client_id: 'my-client' }, 401, 'Error 401: invalid_client'],
    ['a redirect that is not chromiumapp.org', { redirect_uri: 'https://evil.example/' }, 400, 'Error 400: redirect_uri_mismatch'],
    ['response_type=code', { response_type: 'code' }, 400, 'unsupported_response_type'],
    ['an unknown scope', { scope: 'https://www.googleapis.com/auth/gmail.everything' }, 400, 'Error 400: invalid_scope'],
  ])('shows Google’s error page for %s', async (_name, params, status, text) => {
    const reply = await call(demo.fake, 'accounts.google.com', authorizeUrl({ scope: READONLY, login_hint: AGENT, ...params }));
    expect(reply.status).toBe(status);
    expect(reply.headers['location']).toBeUndefined();
    expect(reply.text).toContain(text);
  });

  it('answers login_required for an unknown login_hint and interaction_required when it must ask which account', async () => {
    const unknown = await call(demo.fake, 'accounts.google.com', authorizeUrl({ scope: READONLY, login_hint: 'nobody@x.example', prompt: 'none' }));
    expect(fragmentOf(unknown).get('error')).toBe('login_required');
    const noHint = await call(demo.fake, 'accounts.google.com', authorizeUrl({ scope: READONLY, prompt: 'none' }));
    expect(fragmentOf(noHint).get('error')).toBe('interaction_required');
  });
});

describe('oauth2.googleapis.com and userinfo', () => {
  it('describes a token at /tokeninfo with Google’s string-typed fields', async () => {
    demo.fake.control.setNow(Date.now());
    const token = await signIn(demo.fake, AGENT, `email ${READONLY}`);
    const info = await call(demo.fake, 'oauth2.googleapis.com', `/tokeninfo?access_token=${token}`);
    expect(info.status).toBe(200);
    const body = info.json<Record<string, string>>();
    expect(body).toMatchObject({ azp: CLIENT_ID, aud: CLIENT_ID, email: AGENT, email_verified: 'true', access_type: 'online', expires_in: '3599' });
    expect(body['exp']).toMatch(/^\d+$/);
    expect(body['sub']).toMatch(/^\d{21}$/);
    const bad = await call(demo.fake, 'oauth2.googleapis.com', '/tokeninfo?access_token=nope');
    expect(bad.status).toBe(400);
    expect(bad.json()).toEqual({ error: 'invalid_token', error_description: 'Invalid Value' });
  });

  it('revokes a token and its grant, and refuses a second revoke', async () => {
    const token = await signIn(demo.fake, AGENT, READONLY);
    const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${token}` };
    const revoked = await call(demo.fake, 'oauth2.googleapis.com', '/revoke', form);
    expect(revoked.status).toBe(200);
    expect(revoked.json()).toEqual({});
    expect(demo.fake.control.grants()).toEqual([]);
    const again = await call(demo.fake, 'oauth2.googleapis.com', '/revoke', form);
    expect(again.status).toBe(400);
    expect(again.json()).toEqual({ error: 'invalid_token', error_description: 'Token expired or revoked' });
    expect(demo.fake.control.revocations().map((r) => r.accountEmail)).toEqual([AGENT, AGENT]);
  });

  it('returns userinfo fields only for granted scopes and 401 for a bad token', async () => {
    const emailOnly = await signIn(demo.fake, AGENT, 'email');
    const a = await call(demo.fake, 'www.googleapis.com', '/oauth2/v3/userinfo', { token: emailOnly });
    expect(Object.keys(a.json()).sort()).toEqual(['email', 'email_verified', 'sub']);
    const full = await signIn(demo.fake, AGENT, 'openid email profile');
    const b = await call(demo.fake, 'www.googleapis.com', '/oauth2/v3/userinfo', { token: full });
    expect(b.json()).toMatchObject({ name: 'Ana Agent', given_name: 'Ana', family_name: 'Agent', email: AGENT, email_verified: true });
    const bad = await call(demo.fake, 'www.googleapis.com', '/oauth2/v3/userinfo', { token: 'ya29.bogus' });
    expect(bad.status).toBe(401);
    expect(bad.headers['www-authenticate']).toContain('error="invalid_token"');
  });
});
