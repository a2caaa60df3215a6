/**
 * Issue 7: hostile content. Names, subjects, snippets, bodies and attachment names full of markup,
 * bidi controls and overlong strings, a 2 MB HTML body and MIME nested 200 deep: the panel shows
 * each as the text it is, in the card, the history, the queue and a template's preview; nothing
 * runs (no trap sprung, no CSP refusal, no error); the panel's own text keeps its order; and
 * nothing makes the 360 px panel scroll sideways.
 */
import type { BrowserContext, Worker } from '@playwright/test';
import type { FakeGoogleControl } from '../fake-google/index';
import { expect, test } from './fixtures';
import { GmailPage } from './pages/gmail-page';
import { PanelPage } from './pages/panel-page';
import { ATTACHMENT, EVE, LONG_ADDRESS, THREADS, TRUDY, seedHostileMail } from './hostile-seed';
import { expectBidiIsolated, expectNoMarkupFromMail, expectNoSidewaysScroll, expectNothingRan, expectReadsAfter, watchPages } from './support-hostile';

const SIDE_PANEL = { width: 360, height: 720 };

/** Seeds the hostile mail and sets the traps, then opens Gmail and a signed-in panel 360 px wide. */
async function hostilePanel(google: FakeGoogleControl, context: BrowserContext, worker: Worker) {
  seedHostileMail(google);
  const errorsOf = await watchPages(context);
  const gmail = await GmailPage.open(context);
  const panel = await PanelPage.open(context, await gmail.tabId(worker));
  await panel.page.setViewportSize(SIDE_PANEL);
  await panel.signIn();
  const expectSafe = async () => {
    await expectNothingRan(panel.page, errorsOf(panel.page));
    await expectNothingRan(gmail.page, []);
    await expectNoMarkupFromMail(panel.page);
    await expectBidiIsolated(panel.page);
    await expectNoSidewaysScroll(panel.page);
  };
  const open = async (marker: string) => {
    await gmail.backToInbox();
    await gmail.openConversation(marker);
  };
  return { gmail, panel, expectSafe, open };
}

test('the card shows hostile names, subjects, participants and attachments as text, in reading order, 360 px wide', async ({
  google,
  context,
  worker,
}) => {
  const { panel, expectSafe, open } = await hostilePanel(google, context, worker);
  await open('HOSTILE-MAIN');
  await expect(panel.byTestId('customer-name')).toHaveText(EVE.name);
  await expect(panel.byTestId('customer-email')).toHaveText(EVE.email);
  await expect(panel.byTestId('subject')).toHaveText(THREADS.main.subject);
  const participants = panel.byTestId('participants');
  await expect(participants).toContainText(EVE.name);
  await expect(participants).toContainText(LONG_ADDRESS);
  const attachments = panel.byTestId('attachments');
  await expect(attachments).toContainText(ATTACHMENT.markup);
  await expect(attachments).toContainText(ATTACHMENT.long);
  // An override left open in a name or a file name would put what follows before it.
  await expectReadsAfter(participants, 'gnp.exe', TRUDY.email);
  await expectReadsAfter(attachments, 'fdp.exe', '2 KB');
  // Eve's other conversations, newest first, subjects as text.
  await expect(panel.byTestId('history')).toHaveAttribute('data-state', 'ready');
  await expect(panel.byTestId('history-row').getByRole('link')).toHaveText([THREADS.long.subject, THREADS.big.subject, THREADS.deep.subject]);
  await expectSafe();

  // MIME 200 deep: the card appears; the attachment at the bottom is past the depth read, the one
  // a few levels down (a forward in a forward) is listed.
  await open(THREADS.deep.subject);
  await expect(panel.byTestId('message-count')).toHaveText('2');
  await expect(panel.byTestId('attachments')).toHaveText(new RegExp(`^${ATTACHMENT.forwarded}`));
  await expectSafe();

  await open('HOSTILE-BIG');
  await expect(panel.byTestId('subject')).toHaveText(THREADS.big.subject);
  await expectSafe();

  await open('HOSTILE-LONG');
  await expect(panel.byTestId('subject')).toHaveText(THREADS.long.subject);
  await expectSafe();

  await open(THREADS.address.subject);
  await expect(panel.byTestId('customer-email')).toHaveText(LONG_ADDRESS);
  await expectSafe();
});

test('the queue lists hostile customers and subjects as text, isolated, 360 px wide', async ({ google, context, worker }) => {
  const { panel, expectSafe } = await hostilePanel(google, context, worker);
  await panel.queueTab().click();
  await expect(panel.byTestId('queue')).toHaveAttribute('data-state', 'ready');
  // The Open cases; the 2 MB and the deep conversation have no status.
  const shown = [
    { thread: THREADS.main, customer: EVE.name, subject: THREADS.main.subject },
    // Balanced: the stray PDI is dropped, the override closed where the subject ends.
    { thread: THREADS.bidi, customer: 'Trudy \u202Egnp.exe\u202C', subject: 'Refund \u202Ednuf HOSTILE-BIDI\u202C' },
    { thread: THREADS.long, customer: EVE.name, subject: THREADS.long.subject },
    { thread: THREADS.address, customer: LONG_ADDRESS, subject: THREADS.address.subject },
  ];
  await expect(panel.byTestId('queue-row')).toHaveCount(shown.length);
  for (const { thread, customer, subject } of shown) {
    const row = panel.page.locator(`[data-testid="queue-row"][data-thread-id="${thread.id}"]`);
    await expect(row.locator('.queue-customer')).toHaveText(customer);
    await expect(row.locator('.queue-subject')).toHaveText(subject);
  }
  await expectSafe();
});

test('a template preview fills in a hostile name and subject as text, and the line keeps its order', async ({ google, context, worker }) => {
  const { panel, expectSafe, open } = await hostilePanel(google, context, worker);
  const tab = (name: 'Conversation' | 'Templates') => panel.page.getByRole('tab', { name });
  const name = 'Greeting';
  await tab('Templates').click();
  await panel.byTestId('template-new').click();
  await panel.byTestId('template-name').fill(name);
  await panel.byTestId('template-body').fill('Hi {{customer.name}}, thanks.\nAbout: {{thread.subject}}');
  await panel.byTestId('template-save').click();
  const preview = panel.byTestId('template-preview');

  const cases = [
    // Balanced in the preview: the stray PDI goes, the override is closed where the value ends.
    { marker: 'HOSTILE-BIDI', customer: 'Trudy', subject: 'dnuf HOSTILE-BIDI', bidi: true },
    { marker: 'HOSTILE-MAIN', customer: EVE.name, subject: THREADS.main.subject, bidi: false },
  ];
  for (const { marker, customer, subject, bidi } of cases) {
    await tab('Conversation').click();
    await open(marker);
    await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
    await tab('Templates').click();
    await panel.byTestId('template-row').getByRole('button', { name, exact: true }).click();
    await expect(preview).toContainText(`Hi ${customer}`);
    await expect(preview).toContainText(subject);
    if (bidi) await expectReadsAfter(preview, 'gnp.exe', ', thanks.');
    await expectSafe();
  }
});
