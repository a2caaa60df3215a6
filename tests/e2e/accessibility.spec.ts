/**
 * F11: every state the panel can be in passes axe (WCAG 2.1 A and AA) with no serious or critical
 * violation, in the light and the dark colour scheme. Each test walks the agent through one area
 * and scans each state on the way.
 */
import type { BrowserContext, Worker } from '@playwright/test';
import type { FakeGoogleControl } from '../fake-google/index';
import { expect, test } from './fixtures';
import { GmailPage } from './pages/gmail-page';
import { PanelPage } from './pages/panel-page';
import { QUEUE_CASES, QUEUE_NOW, seedQueue } from './queue-seed';
import { AGENT, LOYAL, SUBJECTS } from './seed';
import { expectAccessible } from './support-axe';
import { setWorkerClock } from './support-clock';

const tab = (panel: PanelPage, name: 'Conversation' | 'Queue' | 'Templates') => panel.page.getByRole('tab', { name });

/** A tab showing something other than Gmail: the panel bound to it has nothing to show yet. */
async function notGmailTabId(worker: Worker): Promise<number> {
  return worker.evaluate(async () => (await chrome.tabs.create({ url: 'about:blank', active: false })).id ?? -1);
}

test('consent: not Gmail, the consent screen, waiting for Google, cancelled, a sign-in error, Not now, signed out, revoked', async ({
  context,
  worker,
  gmail,
  openPanel,
  google,
}) => {
  const elsewhere = await PanelPage.open(context, await notGmailTabId(worker));
  await expect(elsewhere.heading('Open Gmail')).toBeVisible();
  await expectAccessible(elsewhere.page, 'not a Gmail tab');
  await elsewhere.page.close();

  const panel = await openPanel(gmail);
  await expect(panel.heading('See the customer behind each conversation')).toBeVisible();
  await expectAccessible(panel.page, 'consent screen');

  const popup = context.waitForEvent('page', (page) => page.url().startsWith('https://accounts.google.com/'));
  await panel.signInButton.click();
  const consent = await popup;
  await expect(panel.page.getByText('Waiting for Google…')).toBeVisible();
  await expectAccessible(panel.page, 'consent screen, waiting for Google');
  await consent.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.page.getByText('Sign-in was cancelled.')).toBeVisible();
  await expectAccessible(panel.page, 'consent screen, sign-in cancelled');

  // Another account chosen in Google's window: an error, shown as an alert.
  const chooser = context.waitForEvent('page', (page) => page.url().startsWith('https://accounts.google.com/'));
  await panel.signInButton.click();
  const window = await chooser;
  await window.getByRole('link', { name: 'Use another account' }).click();
  await window.getByText('lead@support.example').click();
  await window.getByRole('button', { name: 'Allow' }).click();
  await expect(panel.page.getByRole('alert')).toContainText('You chose lead@support.example');
  await expectAccessible(panel.page, 'consent screen, sign-in error (another account)');

  await panel.page.getByRole('button', { name: 'Not now' }).click();
  await expect(panel.page.getByText('iCustomer is off for this account.')).toBeVisible();
  await expectAccessible(panel.page, 'consent screen, Not now');

  await panel.signIn();
  await panel.signOutButton.click();
  await expect(panel.page.getByText('You signed out and revoked access.')).toBeVisible();
  await expectAccessible(panel.page, 'consent screen, signed out');

  await panel.signIn();
  google.revokeGrant(AGENT.email);
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.page.getByText(`Access to ${AGENT.email} was revoked`)).toBeVisible();
  await expectAccessible(panel.page, 'consent screen, signed out because access was revoked');
});

test('conversation: no conversation, unidentified, loading, the card with history, case controls and their consent, a failed save', async ({
  gmail,
  signedInPanel: panel,
  google,
}) => {
  await expect(panel.heading('No conversation open')).toBeVisible();
  await expectAccessible(panel.page, 'no conversation open');

  await gmail.openFolder('sent');
  await gmail.openConversation(SUBJECTS.unsynced);
  await expect(panel.heading("Can't identify this conversation")).toBeVisible();
  await expectAccessible(panel.page, 'unidentified conversation');

  // Gmail answers slowly: the loading state stays long enough to be scanned.
  google.addFault({ host: 'gmail.googleapis.com', pathIncludes: '/threads/', status: 200, delayMs: 4_000 });
  await gmail.backToInbox();
  await gmail.openConversation(SUBJECTS.loyal);
  await expect(panel.heading('Loading the conversation…')).toBeVisible();
  await expectAccessible(panel.page, 'loading the conversation');

  await expect(panel.byTestId('customer-email')).toHaveText(LOYAL.email);
  await expect(panel.byTestId('history')).toHaveAttribute('data-state', 'ready');
  await expect(panel.byTestId('history-row').first().getByRole('link')).not.toHaveText('Loading…');
  await expectAccessible(panel.page, 'conversation: customer card, history, case controls');

  await panel.statusButton('Open').click();
  await expect(panel.byTestId('case-consent')).toBeVisible();
  await expectAccessible(panel.page, 'case controls: asking for the labels permission');
  await panel.answerGoogle(panel.byTestId('case-consent-allow'), 'Cancel');
  await expect(panel.byTestId('case-consent-declined')).toBeVisible();
  await expectAccessible(panel.page, 'case controls: permission declined');

  await panel.setFirstStatus('Open');
  await panel.priorityButton('P1').click();
  await expect(panel.priorityButton('P1')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.byTestId('sla')).toBeVisible();
  await expectAccessible(panel.page, 'case controls: status, priority and SLA');

  google.addFault({ host: 'gmail.googleapis.com', pathIncludes: '/modify', status: 400, times: 3 });
  await panel.statusButton('Pending').click();
  await expect(panel.byTestId('case-error')).toBeVisible();
  await expectAccessible(panel.page, 'case controls: the change was not saved');
});

test('Gmail errors: the conversation could not be read, a saved copy shown after a failed refresh, history failing', async ({
  gmail,
  signedInPanel: panel,
  google,
}) => {
  google.addFault({ host: 'gmail.googleapis.com', pathIncludes: '/threads/', status: 200, malformed: true });
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.page.getByRole('alert')).toContainText('Gmail sent an answer iCustomer could not read');
  await expectAccessible(panel.page, 'Gmail error: malformed answer');

  await panel.page.getByRole('button', { name: 'Try again' }).click();
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');

  // The conversation is cached now: a refresh Gmail refuses leaves the saved copy, with a warning.
  await gmail.backToInbox();
  google.addFault({ host: 'gmail.googleapis.com', pathIncludes: '/threads/', status: 400, times: 20 });
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.page.getByText('Showing the copy saved')).toBeVisible();
  await expectAccessible(panel.page, 'Gmail error: saved copy shown');
  google.clearFaults();

  google.addFault({ host: 'gmail.googleapis.com', pathIncludes: '/threads?', status: 400, times: 20 });
  await gmail.backToInbox();
  await gmail.openConversation(SUBJECTS.loyal);
  await expect(panel.page.getByText("Couldn't load earlier conversations.")).toBeVisible();
  await expectAccessible(panel.page, 'Gmail error: earlier conversations failed');
});

async function signedInWithQueue(google: FakeGoogleControl, context: BrowserContext, worker: Worker): Promise<PanelPage> {
  seedQueue(google);
  google.setNow(QUEUE_NOW);
  await setWorkerClock(worker, QUEUE_NOW);
  const gmail = await GmailPage.open(context);
  const panel = await PanelPage.open(context, await gmail.tabId(worker), { now: QUEUE_NOW });
  await panel.signIn();
  await gmail.openConversation(QUEUE_CASES.overdueMost.subject);
  await expect(panel.byTestId('sla')).toHaveAttribute('data-state', 'overdue');
  return panel;
}

test('queue: an overdue conversation card, and the queue with overdue cases', async ({ google, context, worker }) => {
  const panel = await signedInWithQueue(google, context, worker);
  await expectAccessible(panel.page, 'conversation: overdue SLA');

  await tab(panel, 'Queue').click();
  await expect(panel.byTestId('queue')).toHaveAttribute('data-state', 'ready');
  await expect(panel.byTestId('queue-overdue')).toHaveAttribute('data-count', '2');
  await expectAccessible(panel.page, 'queue with overdue cases');

  google.addFault({ host: 'gmail.googleapis.com', status: 400, times: 20 });
  await panel.page.getByRole('button', { name: 'Refresh' }).click();
  await expect(panel.byTestId('queue-error')).toBeVisible();
  await expectAccessible(panel.page, 'queue: refresh failed');
});

test('templates: empty list, the editor with problems, discarding, the list, deleting, preview, the draft consent, drafts', async ({
  gmail,
  signedInPanel: panel,
}) => {
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
  await tab(panel, 'Templates').click();
  await expect(panel.byTestId('templates')).toHaveAttribute('data-state', 'ready');
  await expectAccessible(panel.page, 'templates: none yet');

  await panel.byTestId('template-new').click();
  await panel.byTestId('template-name').fill('Refund');
  await panel.byTestId('template-body').fill('Hello {{customer.nme}},\nyour refund {{agent.name is on its way.');
  await expect(panel.byTestId('template-problems').getByRole('listitem')).toHaveCount(2);
  await expectAccessible(panel.page, 'template editor with problems');

  await panel.byTestId('template-cancel').click();
  await expect(panel.byTestId('template-discard')).toBeVisible();
  await expectAccessible(panel.page, 'template editor: discard changes?');
  await panel.byTestId('template-keep-editing').click();
  await panel.byTestId('template-save').click();
  await expect(panel.byTestId('template-saved')).toBeVisible();

  await panel.byTestId('template-new').click();
  await panel.byTestId('template-name').fill('Thanks');
  await panel.byTestId('template-body').fill('Thanks, {{customer.firstName}}! {{agent.name}}');
  await panel.byTestId('template-save').click();
  await expect(panel.byTestId('template-row')).toHaveCount(2);
  await expectAccessible(panel.page, 'templates list');

  await panel.byTestId('template-row').filter({ hasText: 'Refund' }).getByTestId('template-delete').click();
  await expect(panel.byTestId('template-delete-confirm')).toBeVisible();
  await expectAccessible(panel.page, 'templates list: delete?');
  await panel.page.getByRole('button', { name: 'Cancel' }).click();

  await panel.page.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(panel.byTestId('template-insert-blocked')).toBeVisible();
  await expectAccessible(panel.page, 'preview: a template that cannot be inserted');

  await panel.page.getByRole('button', { name: 'Thanks', exact: true }).click();
  await expect(panel.byTestId('template-preview')).toHaveText('Thanks, Maria! Ana Agent');
  await expectAccessible(panel.page, 'preview');

  // A long template scrolls inside its preview: the keyboard must reach it too.
  await panel.byTestId('template-new').click();
  await panel.byTestId('template-name').fill('Terms');
  await panel.byTestId('template-body').fill(Array.from({ length: 80 }, (_, line) => `Clause ${line + 1}.`).join('\n'));
  await panel.byTestId('template-save').click();
  await panel.page.getByRole('button', { name: 'Terms', exact: true }).click();
  await expect(panel.byTestId('template-preview')).toContainText('Clause 80.');
  await expectAccessible(panel.page, 'preview of a long template');
  await panel.page.getByRole('button', { name: 'Thanks', exact: true }).click();

  await panel.page.getByRole('button', { name: 'Insert as draft' }).click();
  await expect(panel.byTestId('draft-consent')).toBeVisible();
  await expectAccessible(panel.page, 'draft consent');
  await panel.answerGoogle(panel.byTestId('draft-consent-allow'), 'Allow');
  await expect(panel.byTestId('draft-done')).toBeVisible();
  await expectAccessible(panel.page, 'draft inserted');

  await panel.page.getByRole('button', { name: 'Insert as draft' }).click();
  await expect(panel.byTestId('draft-exists')).toBeVisible();
  await expectAccessible(panel.page, 'a draft already exists');
});

test.describe('admin templates', () => {
  test.use({ policy: { templates: [{ id: 'welcome', name: 'Welcome', body: 'Hello {{customer.firstName}}' }, { id: 'broken', name: 'No body' }] } });

  test('read-only admin templates and a policy problem', async ({ gmail, signedInPanel: panel }) => {
    await gmail.openConversation(SUBJECTS.plain);
    await tab(panel, 'Templates').click();
    // The admin's problems are folded: unfolded, so that what they say is scanned too.
    await panel.byTestId('policy-problems').locator('summary').click();
    await expect(panel.byTestId('policy-problems').getByRole('listitem')).not.toHaveCount(0);
    await panel.page.getByRole('button', { name: 'Welcome', exact: true }).click();
    await expect(panel.byTestId('template-preview')).toHaveText('Hello Maria');
    await expectAccessible(panel.page, 'admin templates with a policy problem');
  });
});

test('privacy centre: from the header with an access log, erasing a customer, deleting everything, from the consent screen', async ({
  gmail,
  signedInPanel: panel,
}) => {
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
  const { page } = panel;

  await page.getByRole('banner').getByRole('button', { name: 'Privacy' }).click();
  await expect(page.getByRole('heading', { name: 'Privacy centre' })).toBeFocused();
  await expect(panel.byTestId('access-log-row').first()).toBeVisible();
  await expectAccessible(page, 'privacy centre');

  const erase = panel.byTestId('privacy-erase');
  await erase.getByRole('textbox').fill('');
  await erase.getByRole('button', { name: "Erase this customer's data" }).click();
  await expect(erase.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'privacy centre: erasing without an address');
  await erase.getByRole('textbox').fill('maria@acme.example');
  await erase.getByRole('button', { name: "Erase this customer's data" }).click();
  await expect(panel.byTestId('erase-confirm')).toBeVisible();
  await expectAccessible(page, 'privacy centre: erase this customer?');
  await panel.byTestId('erase-confirm').getByRole('button', { name: 'Cancel' }).click();

  const deleteAll = panel.byTestId('privacy-delete-all');
  await deleteAll.getByRole('button', { name: 'Delete all local data' }).click();
  await expect(panel.byTestId('delete-all-confirm')).toBeVisible();
  await expectAccessible(page, 'privacy centre: delete all local data?');
  await panel.byTestId('delete-all-confirm').getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Back' }).click();
  await panel.signOutButton.click();
  await page.getByRole('button', { name: 'Privacy centre' }).click();
  await expect(page.getByRole('heading', { name: 'Privacy centre' })).toBeFocused();
  await expectAccessible(page, 'privacy centre, signed out');
});
