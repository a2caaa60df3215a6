/**
 * Issue 7 › 5: after the agent has used every feature — conversation card and history, a case
 * status and the queue, a template inserted as a draft, the privacy centre and its export — every
 * access token Google issued is in storage.session and nowhere else (and gone after sign-out),
 * there is no refresh token, no email body (nor the draft written from a template) is stored
 * anywhere, and IndexedDB holds only the stores the registry declares.
 */
import type { Page } from '@playwright/test';
import { STORE_REGISTRY } from '../../utils/db/registry';
import { DB_NAME } from '../../utils/db/schema';
import type { SeedThread } from '../fake-google/index';
import { expect, test } from './fixtures';
import type { PanelPage } from './pages/panel-page';
import { PrivacyPage } from './pages/privacy';
import { AGENT } from './seed';
import { type StorageDump, settledStorage } from './support-storage';

/** Only in the customer's message bodies: in Gmail's snippets too, never in a header. */
const BODY_MARKER = 'BODY-MARKER-7f3a';
/** Only in the agent's template, so in the draft's body Gmail keeps, and in the agent's own templates. */
const TEMPLATE_MARKER = 'TEMPLATE-MARKER-c41e';
const CUSTOMER = { name: 'Zed Quill', email: 'zed@hinges.example' };
const SUBJECT = 'The hinge broke again';
const TEMPLATE = { name: 'Hinge reply', body: `${TEMPLATE_MARKER} Hello {{customer.firstName}}, a new hinge is on its way.` };

const DAY = 24 * 3_600_000;
const customer = `${CUSTOMER.name} <${CUSTOMER.email}>`;
const agent = `${AGENT.name} <${AGENT.email}>`;
const body = (text: string) => ({ text: `${BODY_MARKER} ${text}`, html: `<p>${BODY_MARKER} ${text}</p>` });
const threads: SeedThread[] = [
  {
    messages: [
      { from: customer, to: agent, subject: 'The hinge broke', date: Date.now() - 9 * DAY, ...body('My cabinet hinge snapped.') },
      { from: agent, to: customer, subject: 'Re: The hinge broke', date: Date.now() - 8 * DAY, ...body('Sorry, a new one is coming.') },
    ],
  },
  { messages: [{ from: customer, to: agent, subject: SUBJECT, date: Date.now() - 3_600_000, ...body('The new hinge snapped too.') }] },
];

/** Which storage areas (IndexedDB stores by name) hold `text` anywhere in their keys or values. */
function areasHolding(dump: StorageDump, text: string): string[] {
  const areas: [string, unknown][] = [
    ...Object.entries(dump.idb).flatMap(([db, stores]) => Object.entries(stores).map(([store, records]): [string, unknown] => [`idb ${db}/${store}`, records])),
    ['storage.local', dump.local],
    ['storage.sync', dump.sync],
    ['storage.session', dump.session],
  ];
  return areas.filter(([, value]) => JSON.stringify(value).includes(text)).map(([name]) => name);
}

/** What the extension's pages could keep outside the extension APIs: web storage and Cache Storage. */
function webStorageOf(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const cached = await Promise.all((await caches.keys()).map(async (name) => [name, (await (await caches.open(name)).keys()).map((r) => r.url)]));
    return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cached });
  });
}

/** Drafts first: modify (asked for by a case status) would cover drafts, and both consents are wanted. */
async function useEveryFeature(panel: PanelPage): Promise<void> {
  await expect(panel.byTestId('customer-email')).toHaveText(CUSTOMER.email);
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
  await expect(panel.byTestId('history-count')).toHaveAttribute('data-count', '1');

  await panel.page.getByRole('tab', { name: 'Templates' }).click();
  await panel.byTestId('template-new').click();
  await panel.byTestId('template-name').fill(TEMPLATE.name);
  await panel.byTestId('template-body').fill(TEMPLATE.body);
  await panel.byTestId('template-save').click();
  await panel.byTestId('template-row').filter({ hasText: TEMPLATE.name }).getByRole('button', { name: TEMPLATE.name, exact: true }).click();
  await expect(panel.byTestId('template-preview')).toContainText(`${TEMPLATE_MARKER} Hello Zed`);
  await panel.page.getByRole('button', { name: 'Insert as draft' }).click();
  await panel.answerGoogle(panel.byTestId('draft-consent-allow'), 'Allow');
  await expect(panel.byTestId('draft-done')).toBeVisible();

  await panel.page.getByRole('tab', { name: 'Conversation' }).click();
  await panel.setFirstStatus('Open');
  await panel.queueTab().click();
  await expect(panel.byTestId('queue-row').filter({ hasText: SUBJECT })).toHaveCount(1);

  const privacy = await PrivacyPage.openFromHeader(panel);
  await expect(privacy.accessLogRows.first()).toBeVisible();
  await privacy.export();
  await privacy.back();
}

test('after every feature, tokens are only in storage.session and no email body is stored', async ({
  gmail,
  signedInPanel: panel,
  worker,
  google,
}) => {
  for (const thread of threads) google.addThread(AGENT.email, thread);
  await gmail.page.reload();
  await gmail.openConversation(SUBJECT);
  await useEveryFeature(panel);
  const dump = await settledStorage(worker);
  const webStorage = await webStorageOf(panel.page);

  // Controls: the markers did reach Google's side (snippets, the draft), and three tokens were issued.
  expect(JSON.stringify(google.mailbox(AGENT.email).threads)).toContain(BODY_MARKER);
  expect(Buffer.from(google.drafts(AGENT.email)[0]?.raw ?? '', 'base64').toString('utf8')).toContain(TEMPLATE_MARKER);
  const tokens = google.issuedTokens().map((issued) => issued.token);
  expect(tokens).toHaveLength(3); // sign-in, then the drafts and the cases consents

  for (const token of tokens) {
    expect(areasHolding(dump, token).filter((area) => area !== 'storage.session'), 'a token outside storage.session').toEqual([]);
    expect(webStorage).not.toContain(token);
  }
  // The token in use is where the check looks, under its account's key only.
  const current = tokens.at(-1)!;
  expect(Object.keys(dump.session).filter((key) => JSON.stringify(dump.session[key]).includes(current))).toEqual([`token:${AGENT.email}`]);
  // Access tokens by their shape, whoever issued them; the implicit flow has no refresh token.
  const outsideSession = JSON.stringify({ idb: dump.idb, local: dump.local, sync: dump.sync }) + webStorage;
  expect(outsideSession).not.toMatch(/ya29\./);
  expect(JSON.stringify(dump) + webStorage).not.toMatch(/refresh[_-]?token|"1\/\/0/i);

  expect(areasHolding(dump, BODY_MARKER)).toEqual([]);
  expect(webStorage).not.toContain(BODY_MARKER);
  // The agent's own template is a setting they wrote; the draft made from it stays in Gmail.
  const templateAreas = areasHolding(dump, TEMPLATE_MARKER);
  expect(templateAreas).not.toEqual([]);
  expect(templateAreas.filter((area) => area !== 'storage.sync' && area !== 'storage.local')).toEqual([]);
  expect(areasHolding(dump, `${TEMPLATE_MARKER} Hello Zed`)).toEqual([]);

  expect(Object.keys(dump.idb)).toEqual([DB_NAME]);
  expect(Object.keys(dump.idb[DB_NAME] ?? {}).sort()).toEqual(Object.keys(STORE_REGISTRY).sort());

  // Signed out and revoked, not even storage.session keeps a token (nor does a purge's journal).
  await panel.signOutButton.click();
  await expect(panel.signInButton).toBeVisible();
  const afterSignOut = await settledStorage(worker);
  for (const token of tokens) expect(areasHolding(afterSignOut, token)).toEqual([]);
  expect(JSON.stringify(afterSignOut)).not.toMatch(/ya29\./);
});
