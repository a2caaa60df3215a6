/**
 * F4: a conversation's status and priority are Gmail labels — created on first use, reused in any
 * case, never two statuses at once — set optimistically and rolled back, visibly, when Gmail
 * refuses. Read back from the fake mailbox, as a colleague's Gmail would see them.
 */
import { expect, test } from './fixtures';
import type { GmailPage } from './pages/gmail-page';
import type { PanelPage } from './pages/panel-page';
import { AGENT, SUBJECTS } from './seed';
import { caseLabels, threadLabelNames } from './support-labels';

const OPEN = 'iCustomer/Status/Open';
const SOLVED = 'iCustomer/Status/Solved';

async function openCard(gmail: GmailPage, panel: PanelPage, subject: string): Promise<void> {
  await gmail.openConversation(subject);
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
}

test('Open creates and applies its label, Solved replaces it, and the status outlives the cache', async ({
  gmail,
  signedInPanel: panel,
  google,
  worker,
}) => {
  await openCard(gmail, panel, SUBJECTS.plain);
  await expect(panel.statusButton('Open')).toHaveAttribute('aria-pressed', 'false');

  await panel.setFirstStatus('Open');
  expect(google.labels(AGENT.email).labels.map((label) => label.name)).toContain(OPEN);
  expect(caseLabels(threadLabelNames(google, SUBJECTS.plain))).toEqual([OPEN]);
  // The grant now includes modify, asked for only when the agent first set a status.
  expect(google.grants().find((grant) => grant.accountEmail === AGENT.email)?.scopes).toContain(
    'https://www.googleapis.com/auth/gmail.modify',
  );

  await panel.statusButton('Solved').click();
  await expect(panel.statusButton('Solved')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.statusButton('Open')).toHaveAttribute('aria-pressed', 'false');
  await expect(panel.byTestId('case-controls')).not.toHaveAttribute('aria-busy', 'true');
  expect(caseLabels(threadLabelNames(google, SUBJECTS.plain))).toEqual([SOLVED]);
  await expect(panel.byTestId('sla')).toHaveCount(0);

  // Clear the extension's cache: the status comes back from Gmail's labels.
  await worker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('icustomer-mail');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await panel.page.reload();
  // The session lived in that cache too. Google still holds the grant: no consent page this time.
  await panel.signInButton.click();
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
  await expect(panel.statusButton('Solved')).toHaveAttribute('aria-pressed', 'true');
});

test('an existing label in another case (icustomer/status/open) is reused, never duplicated', async ({
  gmail,
  signedInPanel: panel,
  google,
}) => {
  google.createLabel(AGENT.email, 'icustomer/status/open');
  await openCard(gmail, panel, SUBJECTS.colleagueCc);
  google.clearRequests();

  await panel.setFirstStatus('Open');
  const named = google.labels(AGENT.email).labels.filter((label) => label.name.toLowerCase() === OPEN.toLowerCase());
  expect(named.map((label) => label.name)).toEqual(['icustomer/status/open']);
  expect(caseLabels(threadLabelNames(google, SUBJECTS.colleagueCc))).toEqual(['icustomer/status/open']);
  expect(google.requests().filter((r) => r.apiMethod === 'gmail.users.labels.create')).toEqual([]);
});

test('priority is a label too, one at a time', async ({ gmail, signedInPanel: panel, google }) => {
  await openCard(gmail, panel, SUBJECTS.plain);
  await panel.setFirstStatus('Open');
  await panel.priorityButton('P1').click();
  await expect(panel.priorityButton('P1')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.byTestId('case-controls')).not.toHaveAttribute('aria-busy', 'true');
  await panel.priorityButton('P3').click();
  await expect(panel.priorityButton('P3')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.byTestId('case-controls')).not.toHaveAttribute('aria-busy', 'true');
  expect(caseLabels(threadLabelNames(google, SUBJECTS.plain)).sort()).toEqual(['iCustomer/Priority/P3', OPEN]);
  // An Open case whose customer wrote last has a due time.
  await expect(panel.byTestId('sla')).toHaveAttribute('data-state', /due|overdue/);
});

for (const refusal of [
  {
    name: 'a 500 that outlasts the retries',
    fault: { status: 500, times: 10, body: { error: { code: 500, message: 'Backend Error', errors: [{ reason: 'backendError' }], status: 'INTERNAL' } } },
    words: 'Backend Error',
  },
  {
    name: 'a 403 (delegation denied)',
    fault: {
      status: 403,
      body: { error: { code: 403, message: 'Delegation denied for agent@support.example', errors: [{ reason: 'forbidden' }], status: 'PERMISSION_DENIED' } },
    },
    words: 'Delegation denied',
  },
]) {
  test(`Gmail refuses a change with ${refusal.name}: the panel rolls back and says so, no label half-applied`, async ({
    gmail,
    signedInPanel: panel,
    google,
  }) => {
    await openCard(gmail, panel, SUBJECTS.plain);
    await panel.setFirstStatus('Open');
    google.addFault({ method: 'POST', pathIncludes: '/modify', ...refusal.fault });

    await panel.statusButton('Pending').click();
    const error = panel.byTestId('case-error');
    await expect(error).toBeVisible();
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(error).toContainText(refusal.words);
    await expect(error).toContainText('Open');
    await expect(panel.statusButton('Open')).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.statusButton('Pending')).toHaveAttribute('aria-pressed', 'false');
    expect(caseLabels(threadLabelNames(google, SUBJECTS.plain))).toEqual([OPEN]);
  });
}

test('declining the extra access leaves the status unchanged and everything else working', async ({
  gmail,
  signedInPanel: panel,
  google,
}) => {
  await openCard(gmail, panel, SUBJECTS.plain);
  await panel.statusButton('Pending').click();
  await panel.answerGoogle(panel.byTestId('case-consent').getByRole('button', { name: 'Allow in Google' }), 'Cancel');
  await expect(panel.byTestId('case-consent-declined')).toBeVisible();
  await expect(panel.statusButton('Pending')).toHaveAttribute('aria-pressed', 'false');
  expect(caseLabels(threadLabelNames(google, SUBJECTS.plain))).toEqual([]);

  // Reading still works: another conversation opens with its customer.
  await gmail.backToInbox();
  await gmail.openConversation(SUBJECTS.colleagueCc);
  await expect(panel.byTestId('customer-email')).toHaveText('lee@bigco.example');
});
