/**
 * F7: the privacy centre. What is stored and the access log as the panel shows them; the export read
 * back from the file Chrome downloads (F10: one account only); erasing or anonymising a customer,
 * and deleting everything, proven by reading every IndexedDB store and storage area afterwards.
 */
import { ANONYMOUS_CUSTOMER } from '../../utils/privacy/anonymise';
import { exportDocumentSchema } from '../../utils/privacy/export-schema';
import { EXTENSION_ID } from '../support/launch';
import type { Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { GmailPage } from './pages/gmail-page';
import type { PanelPage } from './pages/panel-page';
import { PrivacyPage } from './pages/privacy';
import { AGENT, SECOND, SUBJECTS } from './seed';
import { countIdbRecords, dumpStorage, settledStorage, type StorageDump, withoutAccessLog } from './support-storage';

const MARIA = 'maria@acme.example';
const PAT = 'pat@buyer.example';
const TEMPLATE = { name: 'Privacy spec reply', body: 'Hello {{customer.firstName}}, thank you for writing.' };

async function openConversation(gmail: GmailPage, panel: PanelPage, subject: string, customer: string): Promise<void> {
  await gmail.backToInbox();
  await gmail.openConversation(subject);
  await expect(panel.byTestId('customer-email')).toHaveText(customer);
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
}

async function createTemplate(panel: PanelPage): Promise<void> {
  await panel.page.getByRole('tab', { name: 'Templates' }).click();
  await panel.byTestId('template-new').click();
  await panel.byTestId('template-name').fill(TEMPLATE.name);
  await panel.byTestId('template-body').fill(TEMPLATE.body);
  await panel.byTestId('template-save').click();
  await expect(panel.byTestId('template-editor')).toHaveCount(0);
  await panel.page.getByRole('tab', { name: 'Conversation' }).click();
}

/**
 * Waits until the access log holds an entry for `method` (the background writes its entries a
 * moment after the calls, in one go), so that the centre opened next shows it.
 */
async function logged(worker: Worker, method: string): Promise<void> {
  await expect
    .poll(async () => {
      const entries = Object.values((await dumpStorage(worker)).idb).flatMap((stores) => stores['accessLog'] ?? []);
      return entries.some((entry) => JSON.stringify(entry).includes(method));
    })
    .toBe(true);
}

/** Every IndexedDB record that mentions `text` anywhere, whatever its case. */
function recordsMentioning(dump: StorageDump, text: string): unknown[] {
  const records = Object.values(dump.idb).flatMap((stores) => Object.values(stores).flat());
  return records.filter((record) => JSON.stringify(record).toLowerCase().includes(text.toLowerCase()));
}

test('what is stored grows with a conversation viewed; the access log lists Google calls; the links go where they say', async ({
  gmail,
  signedInPanel: panel,
  worker,
}) => {
  await logged(worker, 'userinfo');
  let privacy = await PrivacyPage.openFromHeader(panel);
  const before = await privacy.storedCount('conversations');
  await expect(privacy.accessLogRows.first()).toBeVisible();
  await expect(privacy.root.getByRole('table').last()).toContainText('Profile');

  await expect(privacy.link('Manage Google permissions')).toHaveAttribute('href', 'https://myaccount.google.com/permissions');
  await expect(privacy.link('Privacy policy')).toHaveAttribute('href', `chrome-extension://${EXTENSION_ID}/privacy.html`);
  for (const name of ['Manage Google permissions', 'Privacy policy']) {
    await expect(privacy.link(name)).toHaveAttribute('target', '_blank');
    await expect(privacy.link(name)).toHaveAttribute('rel', 'noopener noreferrer');
  }
  await expect(privacy.panel.byTestId('dpo-contact')).toHaveText('Your organisation has not named a data protection officer (DPO).');

  await privacy.back();
  await expect(panel.page.getByRole('button', { name: 'Privacy', exact: true })).toBeFocused();
  await openConversation(gmail, panel, SUBJECTS.plain, MARIA);
  await logged(worker, 'users.threads.get');
  privacy = await PrivacyPage.openFromHeader(panel);
  await expect.poll(() => privacy.storedCount('conversations')).toBe(before + 1);
  await expect(privacy.accessLogRows.filter({ hasText: 'users.threads.get' }).first()).toContainText('Conversation');
  // Newest first: the conversation just read comes before the sign-in's profile read.
  await expect(privacy.accessLogRows.last()).toContainText('Sign-in');
  // Prefilled with the customer of the conversation open in the tab.
  await expect(privacy.root.getByLabel("Customer's email address")).toHaveValue(MARIA);
});

test('signed out, the centre opens from the consent screen and reads nothing from Google', async ({ gmail, openPanel, google }) => {
  const panel = await openPanel(gmail);
  const privacy = await PrivacyPage.openFromConsent(panel);
  await expect(privacy.root).toContainText(`for ${AGENT.email}`);
  await expect(panel.byTestId('access-log-empty')).toBeVisible();
  await expect(privacy.root).toContainText('This account is not signed in');
  expect(google.requests().filter((r) => r.host === 'gmail.googleapis.com')).toEqual([]);
  await privacy.back();
  await expect(panel.signInButton).toBeVisible();
});

test('Export my data: one JSON file with this account’s cache, access log and templates, and nothing of the other account', async ({
  context,
  gmail,
  signedInPanel: panel,
  openPanel,
}) => {
  const second = await GmailPage.open(context, `${SECOND.accountPath}/`);
  const secondPanel = await openPanel(second);
  await secondPanel.signIn();
  await openConversation(second, secondPanel, SUBJECTS.second, 'olga@shop.example');
  await openConversation(gmail, panel, SUBJECTS.plain, MARIA);
  await createTemplate(panel);

  const privacy = await PrivacyPage.openFromHeader(panel);
  const { fileName, document } = await privacy.export();
  expect(fileName).toMatch(new RegExp(`^icustomer-export-${AGENT.email}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const parsed = exportDocumentSchema.safeParse(document);
  expect(parsed.error).toBeUndefined();
  const exported = parsed.data!;
  expect(exported.account).toBe(AGENT.email);
  expect(exported.cache.threads.map((thread) => thread.conversation.subject)).toContain(SUBJECTS.plain);
  expect(exported.accessLog.length).toBeGreaterThan(0);
  expect(exported.templates.map((template) => template.name)).toContain(TEMPLATE.name);

  const records = [...Object.values(exported.cache).flat(), ...exported.accessLog].filter((record) => record !== null);
  expect(records.every((record) => record.account === AGENT.email)).toBe(true);
  const text = JSON.stringify(document);
  for (const other of [SECOND.email, SUBJECTS.second, SUBJECTS.sharedEarlierInSecond]) expect(text).not.toContain(other);
});

test('Erase this customer’s data: the address is nowhere in IndexedDB; the other customer stays, shown from the cache', async ({
  gmail,
  signedInPanel: panel,
  google,
  worker,
}) => {
  await openConversation(gmail, panel, SUBJECTS.plain, MARIA);
  await openConversation(gmail, panel, SUBJECTS.contactForm, PAT);
  const before = withoutAccessLog(await settledStorage(worker));
  expect(recordsMentioning(before, MARIA).length).toBeGreaterThan(0);

  const privacy = await PrivacyPage.openFromHeader(panel);
  const conversations = await privacy.storedCount('conversations');
  const result = await privacy.eraseCustomer(MARIA.toUpperCase(), 'Erase');
  expect(result).toMatch(/^maria@acme\.example: [1-9]\d* records? deleted, 0 anonymised\. The emails stay in Gmail\.$/);
  await expect.poll(() => privacy.storedCount('conversations')).toBe(conversations - 1);

  const after = await dumpStorage(worker);
  expect(recordsMentioning(after, MARIA)).toEqual([]);
  expect(JSON.stringify(after.idb).toLowerCase()).not.toContain(MARIA);
  expect(recordsMentioning(after, PAT)).toEqual(recordsMentioning(before, PAT));

  // Pat's conversation is still cached: with Gmail slow, the panel shows it from IndexedDB at once.
  await privacy.back();
  google.addFault({ host: 'gmail.googleapis.com', pathIncludes: '/threads/', status: 200, delayMs: 3000 });
  await gmail.backToInbox();
  await gmail.openConversation(SUBJECTS.contactForm);
  await expect(panel.byTestId('customer-email')).toHaveText(PAT, { timeout: 2000 });
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'cache');
});

test('anonymise: the case’s records stay, without the customer’s address or name anywhere', async ({ gmail, signedInPanel: panel, worker }) => {
  await openConversation(gmail, panel, SUBJECTS.plain, MARIA);
  await openConversation(gmail, panel, SUBJECTS.contactForm, PAT);
  const before = withoutAccessLog(await settledStorage(worker));

  const privacy = await PrivacyPage.openFromHeader(panel);
  const result = await privacy.eraseCustomer(MARIA, 'Anonymise');
  const [, deleted, anonymised] = /: (\d+) records? deleted, (\d+) anonymised/.exec(result) ?? [];
  expect(Number(anonymised)).toBeGreaterThan(0);

  const after = withoutAccessLog(await dumpStorage(worker));
  const everything = JSON.stringify(after.idb).toLowerCase();
  expect(everything).not.toContain(MARIA);
  expect(everything).not.toContain('maria silva');
  expect(everything).not.toContain(SUBJECTS.plain.toLowerCase());
  expect(countIdbRecords(after)).toBe(countIdbRecords(before) - Number(deleted));
  expect(recordsMentioning(after, ANONYMOUS_CUSTOMER.email).length).toBeGreaterThan(0);
  expect(recordsMentioning(after, PAT)).toEqual(recordsMentioning(before, PAT));
});

test('Delete all local data: IndexedDB and storage.local empty, every account signed out, synced templates kept', async ({
  gmail,
  signedInPanel: panel,
  worker,
}) => {
  await openConversation(gmail, panel, SUBJECTS.plain, MARIA);
  await createTemplate(panel);
  const before = await dumpStorage(worker);
  expect(countIdbRecords(before)).toBeGreaterThan(0);
  const synced = before.sync;
  expect(JSON.stringify(synced)).toContain(TEMPLATE.name);

  const privacy = await PrivacyPage.openFromHeader(panel);
  await privacy.deleteAll();
  await expect(panel.signInButton).toBeVisible();
  await expect(panel.byTestId('deleted-all')).toContainText('All local data was deleted');

  const after = await dumpStorage(worker);
  expect(countIdbRecords(after)).toBe(0);
  expect(after.local).toEqual({});
  expect(Object.keys(after.session).filter((key) => key.startsWith('token:'))).toEqual([]);
  expect(after.sync).toEqual(synced);
});
