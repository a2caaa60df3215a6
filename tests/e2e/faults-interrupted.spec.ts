/**
 * Issue 7 › 3, work interrupted: the network gone while the agent acts, and Chrome stopping the
 * service worker in the middle of a status change or of "Sign out and revoke access". Whatever
 * happens, nothing is lost silently and what the panel shows is what Gmail and the cache hold.
 */
import type { FakeGoogleControl } from '../fake-google/index';
import { browserCdpSession } from '../support/launch';
import { expect, test } from './fixtures';
import type { GmailPage } from './pages/gmail-page';
import type { PanelPage } from './pages/panel-page';
import { AGENT, SUBJECTS } from './seed';
import { serviceWorkerNetwork, stopServiceWorker } from './support-cdp';
import { caseLabels, threadLabelNames } from './support-labels';
import { dumpStorage, idbRecordsOf, withoutAccessLog } from './support-storage';

const OPEN = 'iCustomer/Status/Open';
const PENDING = 'iCustomer/Status/Pending';
const OFFLINE = "You're offline, or Gmail can't be reached.";

async function openCard(gmail: GmailPage, panel: PanelPage, subject: string): Promise<void> {
  await gmail.openConversation(subject);
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
}

async function expectSettledStatus(panel: PanelPage, status: 'Open' | 'Pending'): Promise<void> {
  await expect(panel.statusButton(status)).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.byTestId('case-controls')).not.toHaveAttribute('aria-busy', 'true');
}

/** Requests the fake has received for `path`, each with its status once answered (0 until then). */
const requestsTo = (google: FakeGoogleControl, path: string) => google.requests().filter((r) => r.path.endsWith(path) && r.method === 'POST');

test('offline: a status change is refused with the offline message, the status stays what Gmail has, and works once online', async ({
  userDataDir,
  gmail,
  signedInPanel: panel,
  google,
}) => {
  await openCard(gmail, panel, SUBJECTS.plain);
  await panel.setFirstStatus('Open');
  const network = await serviceWorkerNetwork(await browserCdpSession(userDataDir));
  await network.setOffline(true);

  await panel.statusButton('Pending').click();
  const error = panel.byTestId('case-error');
  await expect(error).toContainText(OFFLINE);
  await expect(error).toContainText('The status is still Open.');
  await expectSettledStatus(panel, 'Open');
  await expect(panel.statusButton('Pending')).toHaveAttribute('aria-pressed', 'false');
  expect(caseLabels(threadLabelNames(google, SUBJECTS.plain))).toEqual([OPEN]);

  await network.setOffline(false);
  await panel.statusButton('Pending').click();
  await expectSettledStatus(panel, 'Pending');
  await expect(error).toHaveCount(0);
  expect(caseLabels(threadLabelNames(google, SUBJECTS.plain))).toEqual([PENDING]);
});

test('offline: inserting a template as a draft is refused clearly, nothing is created, and it works once online', async ({
  userDataDir,
  gmail,
  signedInPanel: panel,
  google,
}) => {
  const templatesTab = panel.page.getByRole('tab', { name: 'Templates' });
  const insert = panel.page.getByRole('button', { name: 'Insert as draft' });
  await openCard(gmail, panel, SUBJECTS.plain);
  await templatesTab.click();
  await panel.byTestId('template-new').click();
  await panel.byTestId('template-name').fill('Thanks');
  await panel.byTestId('template-body').fill('Thanks, {{customer.firstName|there}}!');
  await panel.byTestId('template-save').click();
  await panel.byTestId('template-row').getByRole('button', { name: 'Thanks', exact: true }).click();
  await expect(panel.byTestId('template-preview')).toHaveText('Thanks, Maria!');
  // Gmail's compose scope is granted with the first draft, online.
  await insert.click();
  await panel.answerGoogle(panel.byTestId('draft-consent-allow'), 'Allow');
  await expect(panel.byTestId('draft-done')).toBeVisible();

  const network = await serviceWorkerNetwork(await browserCdpSession(userDataDir));
  await network.setOffline(true);
  await insert.click();
  await expect(panel.byTestId('draft-error')).toHaveText(`Nothing was created. ${OFFLINE} Check your connection and try again.`);
  expect(google.drafts(AGENT.email)).toHaveLength(1);

  await network.setOffline(false);
  await insert.click();
  // Gmail is reached again: the panel offers to replace the draft already there.
  await expect(panel.byTestId('draft-exists')).toBeVisible();
});

test('the worker stopped while Gmail applies a status: afterwards the panel shows the status Gmail has', async ({
  context,
  gmail,
  signedInPanel: panel,
  google,
}) => {
  await openCard(gmail, panel, SUBJECTS.plain);
  await panel.setFirstStatus('Open');
  google.clearRequests();
  google.addFault({ method: 'POST', pathIncludes: '/modify', status: 200, delayMs: 2_000 });

  await panel.statusButton('Pending').click();
  // Gmail has the request; Chrome stops the worker before Gmail's answer comes back.
  await expect.poll(() => requestsTo(google, '/modify').length).toBe(1);
  await stopServiceWorker(await context.newCDPSession(panel.page));
  await expect.poll(() => requestsTo(google, '/modify').every((r) => r.status === 200)).toBe(true);

  await expectSettledStatus(panel, 'Pending');
  await expect(panel.byTestId('case-error')).toHaveCount(0);
  expect(caseLabels(threadLabelNames(google, SUBJECTS.plain))).toEqual([PENDING]);
  // Read again from Gmail, the panel shows the same.
  await panel.page.reload();
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
  await expectSettledStatus(panel, 'Pending');
});

test('the worker stopped in the middle of "Sign out and revoke access": the purge completes when it starts again', async ({
  context,
  gmail,
  signedInPanel: panel,
  google,
  worker,
}) => {
  await openCard(gmail, panel, SUBJECTS.plain);
  // Google takes its time to answer the revoke: the window in which Chrome stops the worker.
  google.addFault({ host: 'oauth2.googleapis.com', pathIncludes: '/revoke', status: 200, delayMs: 2_000 });
  await panel.signOutButton.click();
  await expect.poll(() => requestsTo(google, '/revoke').length).toBe(1);
  await stopServiceWorker(await context.newCDPSession(panel.page));

  // The panel reconnects, which starts the worker again.
  await expect(panel.signInButton).toBeVisible();
  await expect(panel.page.getByText('You signed out and revoked access.')).toBeVisible();
  const stored = await dumpStorage(worker);
  expect(idbRecordsOf(withoutAccessLog(stored), AGENT.email)).toEqual([]);
  expect(JSON.stringify(withoutAccessLog(stored))).not.toContain('maria@acme.example');
  expect(Object.keys(stored.session).filter((key) => key.startsWith('token:'))).toEqual([]);
  // The first revoke is answered too (late, to nobody), so that it cannot land in the next test.
  await expect.poll(() => requestsTo(google, '/revoke').every((r) => r.status !== 0)).toBe(true);
  await expect.poll(() => google.grants().filter((grant) => grant.accountEmail === AGENT.email)).toEqual([]);
  // The journal entry goes once Google has been asked again.
  await expect.poll(async () => (await dumpStorage(worker)).local).toEqual({});
});
