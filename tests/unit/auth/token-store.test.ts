import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type SessionArea, createTokenStore } from '../../../utils/auth/token-store';
import { mapSessionArea } from './fake-google-auth';

const token = { accessToken: 'ya29.a', expiresAt: 1_700_000_000_000, scopes: ['openid'] };

describe.each<[string, () => SessionArea]>([
  ['a Map-backed area', mapSessionArea],
  ['browser.storage.session', () => fakeBrowser.storage.session],
])('createTokenStore over %s', (_, area) => {
  beforeEach(() => fakeBrowser.reset());

  it('stores, reads and removes a token per account, whatever the case of the address', async () => {
    const store = createTokenStore(area());
    await store.set('Agent@Acme.com', token);
    expect(await store.get('agent@acme.com')).toEqual(token);
    expect(await store.get('other@acme.com')).toBeNull();
    await store.remove('AGENT@acme.com');
    expect(await store.get('agent@acme.com')).toBeNull();
  });

  it.each([
    ['an empty token', { ...token, accessToken: '' }],
    ['a string expiry', { ...token, expiresAt: '1700000000000' }],
    ['no scopes', { accessToken: 'ya29.a', expiresAt: 1 }],
    ['a bare string', 'ya29.a'],
  ])('reads %s as no token', async (_, stored) => {
    const session = area();
    await session.set({ 'token:agent@acme.com': stored });
    expect(await createTokenStore(session).get('agent@acme.com')).toBeNull();
  });
});
