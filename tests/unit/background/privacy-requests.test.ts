import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AuthService } from '../../../utils/auth/auth-service';
import { createTokenStore } from '../../../utils/auth/token-store';
import { createPrivacyRequests } from '../../../utils/background/privacy-requests';
import { createSessions } from '../../../utils/background/sessions';
import { endAccessWith } from './end-access';
import { createTabContexts } from '../../../utils/background/tab-contexts';
import type { PanelRequest } from '../../../utils/messaging/protocol';
import { STORED_CATEGORIES } from '../../../utils/privacy/schemas';
import { freshDb, resetDb } from '../db/db-helpers';
import { ACCOUNT, NOW, OTHER_ACCOUNT, accessLogOf, customerData, dumpAll, seed } from '../privacy/cache-fixtures';

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDb();
});

const GMAIL_TAB = 3;
const UNKNOWN_TAB = 4;
const OTHER_TAB = 5;
const MARIA = { name: 'Maria', email: 'maria@cliente.com.br' };
const token = { accessToken: 'ya29.a', expiresAt: NOW + 3_600_000, scopes: ['openid'] };

async function setup() {
  const db = await freshDb();
  const session = fakeBrowser.storage.session;
  const contexts = createTabContexts(session);
  const thread = { view: 'thread' as const, threadId: 'a1', senders: [] };
  await contexts.set(GMAIL_TAB, { accountPath: '/mail/u/0', accountEmail: ACCOUNT, ...thread });
  await contexts.set(UNKNOWN_TAB, { accountPath: '/mail/u/3', accountEmail: null, ...thread });
  const tokens = createTokenStore(session);
  const auth = { forget: (email: string) => tokens.remove(email), revoke: vi.fn() };
  const sessions = createSessions({
    auth: auth as unknown as AuthService,
    db: async () => db,
    contexts,
    session,
    now: () => NOW,
    allowedDomains: async () => null,
    onAccountChanged: vi.fn(),
    endAccess: endAccessWith(fakeBrowser.storage.local, session, db, auth as unknown as AuthService),
  });
  const publish = vi.fn();
  const privacy = createPrivacyRequests({
    contexts,
    sessions,
    db: async () => db,
    now: () => NOW,
    retentionDays: () => 30,
    personalTemplates: async () => [],
    local: fakeBrowser.storage.local,
    flushAccessLog: async () => undefined,
    publish,
    log: vi.fn(),
  });
  await seed(db, customerData(ACCOUNT, MARIA, ['a1']), customerData(OTHER_ACCOUNT, MARIA, ['a1']), {
    accounts: [{ account: ACCOUNT, name: 'Agent', signedInAt: 1 }, { account: OTHER_ACCOUNT, name: 'Lead', signedInAt: 1 }],
    accessLog: [...accessLogOf(ACCOUNT, 3), ...accessLogOf(OTHER_ACCOUNT, 1)],
  });
  await tokens.set(ACCOUNT, token);
  await tokens.set(OTHER_ACCOUNT, token);
  return { db, privacy, auth, publish, sessions, tokens };
}

type Privacy = Extract<PanelRequest, { type: `privacy/${string}` }>;
const everyRequest = (tabId: number): Privacy[] => [
  { type: 'privacy/summary', tabId },
  { type: 'privacy/access-log', tabId, before: null, limit: 10 },
  { type: 'privacy/export', tabId },
  { type: 'privacy/erase-customer', tabId, account: ACCOUNT, customer: MARIA.email, mode: 'erase' },
  { type: 'privacy/delete-all', tabId },
];

describe('privacy requests', () => {
  it.each(everyRequest(OTHER_TAB))('answers $type from a tab that is not Gmail with not-gmail-tab', async (request) => {
    const { privacy } = await setup();
    expect(await privacy.handle(request)).toEqual({ ok: false, error: { code: 'not-gmail-tab' } });
  });

  it("sums up the tab's account only", async () => {
    const { privacy } = await setup();
    const answer = await privacy.handle({ type: 'privacy/summary', tabId: GMAIL_TAB });
    expect(answer).toMatchObject({ ok: true, data: { account: ACCOUNT, signedIn: true, retentionDays: 30 } });
    const counts = answer.ok ? (answer.data as { categories: { count: number }[] }).categories.map((c) => c.count) : [];
    expect(counts).toEqual([1, 1, 2, 1, 1, 3]);
  });

  it('sums up a tab whose account is unknown as nothing stored', async () => {
    const { privacy } = await setup();
    expect(await privacy.handle({ type: 'privacy/summary', tabId: UNKNOWN_TAB })).toEqual({
      ok: true,
      data: { account: null, signedIn: false, categories: STORED_CATEGORIES.map((category) => ({ category, count: 0, bytes: 0 })), retentionDays: 30 },
    });
  });

  it('pages the access log newest first, without the stored keys', async () => {
    const { privacy } = await setup();
    const answer = await privacy.handle({ type: 'privacy/access-log', tabId: GMAIL_TAB, before: null, limit: 2 });
    const { account: _, id: __, ...newest } = accessLogOf(ACCOUNT, 3)[2]!;
    expect(answer).toMatchObject({ ok: true, data: { more: true } });
    expect(answer.ok && (answer.data as { entries: unknown[] }).entries[0]).toEqual(newest);
  });

  it.each(['privacy/export', 'privacy/erase-customer'] as const)('refuses %s for a tab whose account is unknown', async (type) => {
    const { privacy } = await setup();
    const request = everyRequest(UNKNOWN_TAB).find((r) => r.type === type)!;
    expect(await privacy.handle(request)).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
  });

  it('erases nothing when the tab shows another account than the one the agent confirmed for', async () => {
    const { privacy, db } = await setup();
    const before = await dumpAll(db);
    const answer = await privacy.handle({ type: 'privacy/erase-customer', tabId: GMAIL_TAB, account: OTHER_ACCOUNT, customer: MARIA.email, mode: 'erase' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dumpAll(db)).toEqual(before);
  });

  it('refuses to erase the account itself as a customer', async () => {
    const { privacy, db } = await setup();
    const before = await dumpAll(db);
    const answer = await privacy.handle({ type: 'privacy/erase-customer', tabId: GMAIL_TAB, account: ACCOUNT, customer: ACCOUNT, mode: 'erase' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dumpAll(db)).toEqual(before);
  });

  it("erases the customer in the tab's account only", async () => {
    const { privacy, db } = await setup();
    const answer = await privacy.handle({ type: 'privacy/erase-customer', tabId: GMAIL_TAB, account: ACCOUNT, customer: MARIA.email, mode: 'erase' });
    expect(answer).toEqual({ ok: true, data: { deleted: 5, anonymised: 0 } });
    expect([...(await dumpAll(db)).keys()].filter((key) => key.includes(MARIA.email) || key.includes('"a1"'))).toEqual([
      `threads ["${OTHER_ACCOUNT}","a1"]`,
      `summaries ["${OTHER_ACCOUNT}","a1"]`,
      `histories ["${OTHER_ACCOUNT}","${MARIA.email}"]`,
      `cases ["${OTHER_ACCOUNT}","a1"]`,
      `drafts ["${OTHER_ACCOUNT}","a1"]`,
    ]);
  });

  describe('delete all local data', () => {
    it('signs every account out without revoking, empties every store and storage.local, keeps storage.sync', async () => {
      const { privacy, db, auth, publish, sessions, tokens } = await setup();
      const synced = { 'tpl:abc': { v: 1, name: 'Refund' } };
      await fakeBrowser.storage.sync.set(synced);
      await fakeBrowser.storage.local.set({ 'tpl-local:abc': { v: 1 }, other: 1 });

      expect(await privacy.handle({ type: 'privacy/delete-all', tabId: GMAIL_TAB })).toEqual({ ok: true, data: null });

      expect(await dumpAll(db)).toEqual(new Map());
      expect(await fakeBrowser.storage.local.get(null)).toEqual({});
      expect(await fakeBrowser.storage.sync.get(null)).toEqual(synced);
      expect(await tokens.get(ACCOUNT)).toBeNull();
      expect(await tokens.get(OTHER_ACCOUNT)).toBeNull();
      expect(await sessions.signedOutReason(ACCOUNT)).toBe('signed-out');
      expect(await sessions.signedOutReason(OTHER_ACCOUNT)).toBe('signed-out');
      expect(auth.revoke).not.toHaveBeenCalled();
      expect(publish).toHaveBeenCalled();
    });
  });
});
