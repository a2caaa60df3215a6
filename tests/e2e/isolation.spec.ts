/**
 * F10, issue 7 › 6: two accounts, each in its own Gmail tab, both writing to the same customer, are
 * driven through every feature — card, history, case status, queue, a template inserted as draft,
 * the privacy centre's summary, export and erase, the toolbar badge. No record, view, export,
 * label, draft or badge ever mixes them, and one account's actions never touch the other's records.
 */
import type { Worker } from '@playwright/test';
import { exportDocumentSchema } from '../../utils/privacy/export-schema';
import { CATEGORY_STORES } from '../../utils/privacy/stored-sizes';
import { expect, test } from './fixtures';
import { AccountTab } from './pages/account-tab';
import { PrivacyPage } from './pages/privacy';
import { QUEUE_NOW, QUEUE_ORDER, seedQueue } from './queue-seed';
import { AGENT, AGENT_ACCOUNT_PATH, SECOND, SHARED_CUSTOMER, SUBJECTS } from './seed';
import { badgeOf, setWorkerClock } from './support-clock';
import { type StorageDump, dumpStorage, idbRecordsOf, withoutAccessLog } from './support-storage';

const TEMPLATE = { name: 'Isolation reply', body: 'Hello {{customer.firstName|there}}, {{agent.name}} ({{agent.email}}) here.' };
const OLGA = SHARED_CUSTOMER.email;
/** What only AGENT's mailbox holds, and what only SECOND's does. */
const AGENT_ONLY = [AGENT.email, SUBJECTS.sharedInAgent, ...QUEUE_ORDER.map((queued) => queued.subject)];
const SECOND_ONLY = [SECOND.email, SUBJECTS.second, SUBJECTS.sharedEarlierInSecond];

/** The stored data once two reads in a row agree (the background writes a moment after the panel shows). */
async function settled(worker: Worker): Promise<StorageDump> {
  let previous = '';
  let dump = withoutAccessLog(await dumpStorage(worker));
  await expect
    .poll(async () => {
      previous = JSON.stringify(dump);
      dump = withoutAccessLog(await dumpStorage(worker));
      return JSON.stringify(dump) === previous;
    })
    .toBe(true);
  return dump;
}

/** The privacy centre of the account's tab counts exactly the account's own records, category by category. */
async function expectOwnCounts(tab: AccountTab, dump: StorageDump): Promise<void> {
  const privacy = await PrivacyPage.openFromHeader(tab.panel);
  const stores = dump.idb['icustomer-mail'] ?? {};
  for (const [category, names] of Object.entries(CATEGORY_STORES)) {
    if (category === 'access-log') continue;
    const own = names.flatMap((name) => stores[name] ?? []).filter((record) => (record as { account?: unknown }).account === tab.email);
    expect(await privacy.storedCount(category as keyof typeof CATEGORY_STORES), `${category} of ${tab.email}`).toBe(own.length);
  }
  await privacy.back();
}

/** Exports from the account's panel: the document is the account's alone and mentions nothing of `foreign`. */
async function exportOf(tab: AccountTab, foreign: readonly string[]): Promise<string> {
  const privacy = await PrivacyPage.openFromHeader(tab.panel);
  const { document } = await privacy.export();
  await privacy.back();
  const exported = exportDocumentSchema.parse(document);
  expect(exported.account).toBe(tab.email);
  const records = [...Object.values(exported.cache).flat(), ...exported.accessLog].filter((record) => record !== null);
  expect(records.every((record) => record.account === tab.email)).toBe(true);
  const text = JSON.stringify(document);
  for (const other of foreign) expect(text, `export of ${tab.email}`).not.toContain(other);
  return text;
}

const rawOf = (draft: { raw: string }) => Buffer.from(draft.raw, 'base64').toString('utf8');

test('two accounts through every feature: panels, mailboxes, records, exports, erase and badges never mix', async ({ context, worker, google }) => {
  seedQueue(google);
  google.setNow(QUEUE_NOW);
  await setWorkerClock(worker, QUEUE_NOW);
  const setup = { context, worker, google, now: QUEUE_NOW };
  const b = await AccountTab.signIn(setup, { ...SECOND, subject: SUBJECTS.second });
  const a = await AccountTab.signIn(setup, { email: AGENT.email, accountPath: AGENT_ACCOUNT_PATH, subject: SUBJECTS.sharedInAgent });

  // SECOND first: card and history, Open P1 (overdue: Olga wrote 7 h ago), its queue, a draft.
  await b.openCard();
  await expect(b.panel.byTestId('customer-email')).toHaveText(OLGA);
  await expect(b.panel.byTestId('history-row')).toHaveText([new RegExp(SUBJECTS.sharedEarlierInSecond)]);
  await b.setCase('Open', 'P1');
  expect(await b.queue()).toEqual({ threadIds: [b.threadId], overdue: '1' });
  await b.createTemplate(TEMPLATE);
  await b.insertDraft(TEMPLATE.name, false);
  const secondRecords = idbRecordsOf(await settled(worker), SECOND.email);
  expect(secondRecords.length).toBeGreaterThan(0);

  // AGENT, in its own tab, on the same customer: the template as a draft first (compose), Pending, its queue.
  await a.openCard();
  await expect(a.panel.byTestId('customer-email')).toHaveText(OLGA);
  await expect(a.panel.byTestId('history-count')).toHaveAttribute('data-count', '0');
  await a.insertDraft(TEMPLATE.name, true);
  await a.setCase('Pending', null);
  expect(await a.queue()).toEqual({ threadIds: [...QUEUE_ORDER.map((queued) => queued.id), a.threadId].sort(), overdue: '2' });
  await expect(a.panel.byTestId('subject')).toHaveText(SUBJECTS.sharedInAgent);
  await expect(b.panel.byTestId('subject')).toHaveText(SUBJECTS.second);

  // Gmail holds each account's labels and drafts in that account's mailbox only.
  expect(a.caseLabels(google)).toEqual(['iCustomer/Status/Pending']);
  expect(b.caseLabels(google)).toEqual(['iCustomer/Priority/P1', 'iCustomer/Status/Open']);
  expect(google.labels(SECOND.email).labels.filter((label) => label.name.startsWith('iCustomer/')).map((label) => label.name).sort()).toEqual(b.caseLabels(google));
  const [draftA, ...moreA] = google.drafts(AGENT.email);
  const [draftB, ...moreB] = google.drafts(SECOND.email);
  expect([moreA, moreB]).toEqual([[], []]);
  expect([draftA?.threadId, draftB?.threadId]).toEqual([a.threadId, b.threadId]);
  expect(rawOf(draftA!)).toContain(`${AGENT.name} (${AGENT.email}) here.`);
  expect(rawOf(draftB!)).toContain(`${SECOND.name} (${SECOND.email}) here.`);
  for (const other of SECOND_ONLY) expect(rawOf(draftA!)).not.toContain(other);
  for (const other of AGENT_ONLY) expect(rawOf(draftB!)).not.toContain(other);

  // Every record names its account; each account's records mention nothing of the other.
  const both = await settled(worker);
  const all = Object.values((await dumpStorage(worker)).idb).flatMap((stores) => Object.values(stores).flat()) as { account?: unknown }[];
  expect(new Set(all.map((record) => record.account))).toEqual(new Set([AGENT.email, SECOND.email]));
  for (const other of SECOND_ONLY) expect(JSON.stringify(idbRecordsOf(both, AGENT.email))).not.toContain(other);
  for (const other of AGENT_ONLY) expect(JSON.stringify(idbRecordsOf(both, SECOND.email))).not.toContain(other);

  // Each tab's privacy centre counts and exports its own account only.
  await expectOwnCounts(a, both);
  await expectOwnCounts(b, both);
  expect(await exportOf(a, SECOND_ONLY)).toContain(SUBJECTS.sharedInAgent);

  // Erasing Olga in AGENT's account leaves SECOND's records of her exactly as they were.
  const privacy = await PrivacyPage.openFromHeader(a.panel);
  expect(await privacy.eraseCustomer(OLGA, 'Erase')).toMatch(/^olga@shop\.example: [1-9]\d* records? deleted/);
  await privacy.back();
  const erased = await settled(worker);
  expect(JSON.stringify(idbRecordsOf(erased, AGENT.email))).not.toContain(OLGA);
  expect(idbRecordsOf(erased, SECOND.email)).toEqual(secondRecords);
  const secondExport = await exportOf(b, AGENT_ONLY);
  expect(secondExport).toContain(OLGA);
  expect(secondExport).toContain(SUBJECTS.sharedEarlierInSecond);

  // Each tab's badge counts its own account's overdue cases: two for AGENT, one for SECOND.
  await expect.poll(() => badgeOf(worker, a.tabId)).toBe('2');
  await expect.poll(() => badgeOf(worker, b.tabId)).toBe('1');
});
