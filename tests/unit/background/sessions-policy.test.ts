/** The admin's allowedDomains at sign-in and afterwards (F9, issue 6). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthService } from '../../../utils/auth/auth-service';
import type { SessionArea } from '../../../utils/auth/token-store';
import { createSessions } from '../../../utils/background/sessions';
import { endAccessWith } from './end-access';
import { createTabContexts } from '../../../utils/background/tab-contexts';
import { countAccountRecords } from '../../../utils/db/purge';
import { readAccount, writeAccount, writeThread } from '../../../utils/db/repositories';
import type { AllowedDomains } from '../../../utils/policy/domains';
import { freshDb, resetDb } from '../db/db-helpers';

beforeEach(resetDb);

const TAB = 7;
const NOW = 1_764_000_000_000;

function memoryArea(): SessionArea {
  const items = new Map<string, unknown>();
  return {
    get: async (key) => (key === null ? Object.fromEntries(items) : items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (values) => void Object.entries(values).forEach(([key, value]) => items.set(key, value)),
    remove: async (key) => void items.delete(key),
  };
}

async function setup(allowed: AllowedDomains, tabAccount: string | null, googleSays = tabAccount ?? 'bo@elsewhere.example') {
  const db = await freshDb();
  const area = memoryArea();
  const contexts = createTabContexts(area);
  await contexts.set(TAB, { accountPath: '/mail/u/0', accountEmail: tabAccount, view: 'thread', threadId: 'abc', senders: [] });
  const auth = {
    signIn: vi.fn(async () => ({ ok: true as const, email: googleSays, name: 'Agent' })),
    revoke: vi.fn(async () => ({ revokedAtGoogle: true })),
    forget: vi.fn(async () => undefined),
  };
  const sessions = createSessions({
    auth: auth as unknown as AuthService,
    db: async () => db,
    contexts,
    session: area,
    now: () => NOW,
    allowedDomains: async () => allowed,
    onAccountChanged: vi.fn(),
    endAccess: endAccessWith(memoryArea(), area, db, auth as unknown as AuthService),
  });
  return { db, auth, sessions };
}

describe('sign-in under allowedDomains', () => {
  it('lets an account of an allowed domain in', async () => {
    const { sessions, db } = await setup(['support.example'], 'ana@support.example');
    expect(await sessions.signIn(TAB)).toEqual({ ok: true, data: { email: 'ana@support.example', name: 'Agent' } });
    expect(await readAccount(db, 'ana@support.example')).not.toBeNull();
  });

  it('refuses the tab’s account before Google is asked, naming the allowed domains', async () => {
    const { sessions, auth, db } = await setup(['support.example', 'sales.example'], 'bo@elsewhere.example');
    expect(await sessions.signIn(TAB)).toEqual({
      ok: false,
      error: { code: 'account-not-allowed', detail: 'support.example, sales.example' },
    });
    expect(auth.signIn).not.toHaveBeenCalled();
    expect(await readAccount(db, 'bo@elsewhere.example')).toBeNull();
  });

  it('refuses an account Google names only after sign-in, and gives its token back', async () => {
    const { sessions, auth, db } = await setup(['support.example'], null, 'bo@elsewhere.example');
    expect(await sessions.signIn(TAB)).toMatchObject({ ok: false, error: { code: 'account-not-allowed' } });
    expect(auth.revoke).toHaveBeenCalledWith('bo@elsewhere.example', expect.any(Array));
    expect(await readAccount(db, 'bo@elsewhere.example')).toBeNull();
  });

  it('refuses everyone, with no domain to name, when the policy is broken (fails closed)', async () => {
    const { sessions } = await setup([], 'ana@support.example');
    expect(await sessions.signIn(TAB)).toEqual({ ok: false, error: { code: 'account-not-allowed', detail: '' } });
  });
});

describe('an account the policy no longer allows', () => {
  it('is signed out at Google, purged, and told why', async () => {
    const { sessions, auth, db } = await setup(null, 'ana@support.example');
    await writeAccount(db, { account: 'ana@support.example', name: 'Ana', signedInAt: NOW });
    await writeThread(db, 'ana@support.example', { threadId: 'abc' } as never, NOW);
    await sessions.disallowed('ana@support.example');
    expect(auth.revoke).toHaveBeenCalledWith('ana@support.example', expect.any(Array));
    expect(await countAccountRecords(db, 'ana@support.example')).toBe(0);
    expect(await sessions.signedOutReason('ana@support.example')).toBe('policy');
  });

  it('keeps "policy" as the reason when calls in flight then meet the revoked grant', async () => {
    const { sessions, db } = await setup(null, 'ana@support.example');
    await writeAccount(db, { account: 'ana@support.example', name: 'Ana', signedInAt: NOW });
    await Promise.all([sessions.disallowed('ana@support.example'), sessions.revoked('ana@support.example')]);
    await sessions.revoked('ana@support.example');
    expect(await sessions.signedOutReason('ana@support.example')).toBe('policy');
  });
});
