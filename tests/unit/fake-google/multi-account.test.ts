/**
 * The e2e seed's three mailboxes (/mail/u/0, /mail/u/1, a delegated /mail/b/<id>/u/0): each path
 * serves its own account's page, OAuth with login_hint signs in that account, and its token sees
 * only its own mailbox. Also checks that the seed's exported expectations for LOYAL are what the
 * fake's Gmail API answers, so e2e tests can assert them exactly.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AGENT,
  AGENT_ACCOUNT_PATH,
  DELEGATED,
  e2eSeed,
  LOYAL,
  LOYAL_CURRENT_CONTACT,
  LOYAL_EARLIER_MESSAGES,
  LOYAL_EARLIER_SUBJECTS_NEWEST_FIRST,
  LOYAL_EARLIER_THREADS,
  LOYAL_FIRST_CONTACT,
  LOYAL_HIDDEN_SUBJECTS,
  LOYAL_LAST_EARLIER_CONTACT,
  LOYAL_ONLY_CC_THREADS,
  LOYAL_ONLY_TO_THREADS,
  SECOND,
  SHARED_CUSTOMER,
  SHARED_CUSTOMER_THREADS,
  SUBJECTS,
} from '../../e2e/seed.ts';
import type { GmailThreadResource } from '../../fake-google/index.ts';
import { authorizeUrl, call, fragmentOf, READONLY, signIn, useSeededFake } from './helpers.ts';

const seeded = useSeededFake(e2eSeed);
const ACCOUNTS = [
  { ...AGENT, accountPath: AGENT_ACCOUNT_PATH, authuser: '0' },
  { ...SECOND, authuser: '1' },
  { ...DELEGATED, authuser: '2' },
] as const;

interface ListBody {
  threads?: { id: string }[];
  messages?: { id: string }[];
  nextPageToken?: string;
  resultSizeEstimate: number;
}

const api = (token: string, path: string) => call(seeded.fake, 'gmail.googleapis.com', `/gmail/v1/users/me${path}`, { token });
const list = async (token: string, q: string, extra = '') =>
  (await api(token, `/threads?q=${encodeURIComponent(q)}&maxResults=500${extra}`)).json<ListBody>();

function subjectOf(thread: GmailThreadResource | undefined): string {
  return thread?.messages[0]?.payload.headers.find((h) => h.name === 'Subject')?.value ?? '';
}

function subjectsById(email: string): Map<string, string> {
  return new Map(seeded.fake.control.mailbox(email).threads.map((t) => [t.id, subjectOf(t)]));
}

describe('three mailboxes in one browser', () => {
  it.each(ACCOUNTS)('serves $accountPath/ as $email’s Gmail, with its own inbox only', async (account) => {
    const page = await call(seeded.fake, 'mail.google.com', `${account.accountPath}/`);
    expect(page.status).toBe(200);
    const title = /<title>([^<]*)<\/title>/.exec(page.text)?.[1] ?? '';
    expect(title).toMatch(new RegExp(`^Inbox( \\(\\d+\\))? - ${account.email.replace(/[.+]/g, '\\$&')} - Gmail$`));
    expect(page.text).toContain(`data-account-path="${account.accountPath}"`);
    const own = subjectsById(account.email);
    const others = ACCOUNTS.filter((a) => a.email !== account.email).flatMap((a) => [...subjectsById(a.email).values()]);
    const inbox = page.text;
    expect([...own.values()].some((s) => inbox.includes(s))).toBe(true);
    for (const subject of others.filter((s) => ![...own.values()].includes(s))) expect(inbox).not.toContain(`>${subject}<`);
  });

  it('titles a conversation with its subject and its own account', async () => {
    const thread = seeded.fake.control.mailbox(DELEGATED.email).threads[0];
    const view = (await call(seeded.fake, 'mail.google.com', `${DELEGATED.accountPath}/__fake/view?hash=${encodeURIComponent(`inbox/${thread?.id ?? ''}`)}`)).json<{ title: string }>();
    expect(view.title).toBe(`${SUBJECTS.delegated} - ${DELEGATED.email} - Gmail`);
    const elsewhere = await call(seeded.fake, 'mail.google.com', `${SECOND.accountPath}/__fake/view?hash=${encodeURIComponent(`inbox/${thread?.id ?? ''}`)}`);
    expect(elsewhere.json<{ kind: string }>().kind).toBe('list');
  });

  it.each(ACCOUNTS)('signs in $email with login_hint, and the token reads only that mailbox', async (account) => {
    seeded.fake.control.setConsentMode('auto-allow');
    const reply = await call(seeded.fake, 'accounts.google.com', authorizeUrl({ scope: `email ${READONLY}`, login_hint: account.email }));
    const fragment = fragmentOf(reply);
    expect(fragment.get('authuser')).toBe(account.authuser);
    const token = fragment.get('access_token') ?? '';
    expect((await api(token, '/profile')).json<{ emailAddress: string }>().emailAddress).toBe(account.email);
    const info = await call(seeded.fake, 'oauth2.googleapis.com', `/tokeninfo?access_token=${token}`);
    expect(info.json<{ email: string }>().email).toBe(account.email);

    const all = (await api(token, '/threads?maxResults=500&includeSpamTrash=true')).json<ListBody>();
    const own = seeded.fake.control.mailbox(account.email).threads.map((t) => t.id);
    expect(new Set(all.threads?.map((t) => t.id))).toEqual(new Set(own));
    for (const other of ACCOUNTS.filter((a) => a.email !== account.email)) {
      const foreign = seeded.fake.control.mailbox(other.email).threads[0]?.id ?? '';
      expect((await api(token, `/threads/${foreign}`)).status).toBe(404);
      const byName = await call(seeded.fake, 'gmail.googleapis.com', `/gmail/v1/users/${other.email}/profile`, { token });
      expect(byName.status).toBe(403);
    }
  });

  it('finds the shared customer in each account with that account’s subjects only', async () => {
    const q = `from:"${SHARED_CUSTOMER.email}" OR to:"${SHARED_CUSTOMER.email}" OR cc:"${SHARED_CUSTOMER.email}"`;
    const expected = [
      [AGENT.email, [SUBJECTS.sharedInAgent]],
      [SECOND.email, [SUBJECTS.second, SUBJECTS.sharedEarlierInSecond]],
      [DELEGATED.email, []],
    ] as const;
    for (const [email, subjects] of expected) {
      const token = await signIn(seeded.fake, email, READONLY);
      const body = await list(token, q);
      const names = subjectsById(email);
      expect((body.threads ?? []).map((t) => names.get(t.id))).toEqual(subjects);
      if (subjects.length === 0) expect(body).toEqual({ resultSizeEstimate: 0 });
    }
    expect(SHARED_CUSTOMER_THREADS).toEqual({ agent: 1, second: 2 });
  });
});

describe('LOYAL, a customer with 130 earlier conversations', () => {
  let token: string;
  beforeEach(async () => {
    token = await signIn(seeded.fake, AGENT.email, READONLY);
  });
  const address = LOYAL.email;
  const anyRole = `from:"${address}" OR to:"${address}" OR cc:"${address}"`;

  it('has the plus sign in the address and 130 earlier threads plus the current one, newest first', async () => {
    expect(address).toContain('+');
    const body = await list(token, anyRole);
    expect(body.resultSizeEstimate).toBe(LOYAL_EARLIER_THREADS + 1);
    expect('nextPageToken' in body).toBe(false);
    const names = subjectsById(AGENT.email);
    const subjects = (body.threads ?? []).map((t) => names.get(t.id));
    expect(subjects[0]).toBe(SUBJECTS.loyal);
    expect(subjects.slice(1)).toEqual(LOYAL_EARLIER_SUBJECTS_NEWEST_FIRST);
    expect(LOYAL_EARLIER_THREADS).toBe(130);
    expect(LOYAL_EARLIER_SUBJECTS_NEWEST_FIRST[0]).toBe('Order #1130');
    expect(LOYAL_EARLIER_SUBJECTS_NEWEST_FIRST.at(-1)).toBe('Order #1001');
    expect(subjects).not.toEqual(expect.arrayContaining([...LOYAL_HIDDEN_SUBJECTS]));
  });

  it('answers the brace form and the paged walk the same way', async () => {
    const braces = await list(token, `{from:"${address}" to:"${address}" cc:"${address}"}`);
    expect(braces.resultSizeEstimate).toBe(LOYAL_EARLIER_THREADS + 1);
    const first = (await api(token, `/threads?q=${encodeURIComponent(anyRole)}&maxResults=100`)).json<ListBody>();
    expect(first.threads).toHaveLength(100);
    const second = (await api(token, `/threads?q=${encodeURIComponent(anyRole)}&maxResults=100&pageToken=${first.nextPageToken ?? ''}`)).json<ListBody>();
    expect(second.threads).toHaveLength(LOYAL_EARLIER_THREADS + 1 - 100);
    expect('nextPageToken' in second).toBe(false);
  });

  it('keeps the trashed and spam threads out unless asked', async () => {
    expect((await list(token, anyRole, '&includeSpamTrash=true')).resultSizeEstimate).toBe(LOYAL_EARLIER_THREADS + 1 + LOYAL_HIDDEN_SUBJECTS.length);
  });

  it('matches the exported first and last contact, message count and roles', async () => {
    const ids = new Set(((await list(token, anyRole)).threads ?? []).map((t) => t.id));
    const threads = seeded.fake.control.mailbox(AGENT.email).threads.filter((t) => ids.has(t.id));
    const earlier = threads.filter((t) => subjectOf(t) !== SUBJECTS.loyal);
    const dates = earlier.flatMap((t) => t.messages.map((m) => Number(m.internalDate)));
    expect(Math.min(...dates)).toBe(LOYAL_FIRST_CONTACT);
    expect(Math.max(...dates)).toBe(LOYAL_LAST_EARLIER_CONTACT);
    expect(dates).toHaveLength(LOYAL_EARLIER_MESSAGES);
    expect(new Date(LOYAL_FIRST_CONTACT).toISOString()).toBe('2024-11-20T10:00:00.000Z');
    expect(new Date(LOYAL_LAST_EARLIER_CONTACT).toISOString()).toBe('2026-10-30T13:00:00.000Z');
    expect(new Date(LOYAL_CURRENT_CONTACT).toISOString()).toBe('2026-11-24T08:40:00.000Z');
    const messages = (await api(token, `/messages?q=${encodeURIComponent(anyRole)}&maxResults=500`)).json<ListBody>();
    expect(messages.resultSizeEstimate).toBe(LOYAL_EARLIER_MESSAGES + 1);
    expect((await list(token, `from:"${address}"`)).resultSizeEstimate).toBe(LOYAL_EARLIER_THREADS + 1 - LOYAL_ONLY_CC_THREADS - LOYAL_ONLY_TO_THREADS);
    expect((await list(token, `cc:"${address}"`)).resultSizeEstimate).toBe(LOYAL_ONLY_CC_THREADS);
  });

  it('keeps LOYAL’s history out of the inbox: only the current thread is there', async () => {
    const inbox = (await call(seeded.fake, 'mail.google.com', `${AGENT_ACCOUNT_PATH}/`)).text;
    expect(inbox).toContain(SUBJECTS.loyal);
    expect(inbox).not.toContain('>Order #1130<');
  });
});
