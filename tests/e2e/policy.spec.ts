/**
 * F9: the admin policy (Chrome enterprise policy → chrome.storage.managed). allowedDomains refuses
 * other accounts; an invalid setting is named for the admin and falls back to its safe default
 * while the valid ones apply; a change reaches the running extension without a restart.
 */
import { expect, test } from './fixtures';
import { AGENT, SUBJECTS } from './seed';
import { dumpStorage, idbRecordsOf, withoutAccessLog } from './support-storage';

test.describe('allowedDomains excluding the account', () => {
  test.use({ policy: { allowedDomains: ['acme-support.example'] } });

  test('sign-in is refused with a message naming the allowed domain; nothing is stored', async ({ gmail, openPanel, google, worker }) => {
    const panel = await openPanel(gmail);
    await panel.signInButton.click();
    await expect(panel.page.getByRole('alert')).toContainText(
      'Your organisation allows only accounts of acme-support.example to use iCustomer.',
    );
    // Refused before Google was asked: the tab already says whose mailbox it is.
    expect(google.grants()).toEqual([]);
    await expect(panel.signInButton).toBeVisible();
    expect(idbRecordsOf(withoutAccessLog(await dumpStorage(worker)), AGENT.email)).toEqual([]);
  });
});

test.describe('an invalid policy', () => {
  // Each value has the type managed_schema.json declares (Chrome drops one that has not, before the
  // extension sees it), but not a value the extension can use.
  test.use({ policy: { retentionDays: 0, slaHours: { P1: 0 }, features: { queue: false }, labelPrefix: 'Support/Cases', dpoContact: 'dpo at acme' } });

  test('names each bad setting for the admin, uses its default, and applies the valid ones', async ({ gmail, signedInPanel: panel, google }) => {
    await gmail.openConversation(SUBJECTS.plain);
    await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');

    const notice = panel.byTestId('policy-problems');
    await expect(notice).toContainText("Your organisation's policy has a problem.");
    await notice.locator('summary').click();
    await expect(notice.locator('li[data-setting]')).toHaveText([
      'Policy "retentionDays" must be a whole number of days from 1 to 3650; using 30.',
      'Policy "slaHours" "P1" must be a number of hours above 0 and at most 8760; using 4.',
      'Policy "dpoContact" must be an email address or an https:// address; it is ignored.',
    ]);

    // The valid switch applied: no Queue tab; the others kept their default.
    await expect(panel.queueTab()).toHaveCount(0);
    await expect(panel.byTestId('history')).toBeVisible();
    await expect(panel.page.getByRole('tab', { name: 'Templates' })).toBeVisible();

    // The valid label prefix applied: the case is filed under the admin's prefix, not iCustomer/.
    await panel.setFirstStatus('Pending');
    const names = google.labels(AGENT.email).labels.map((label) => label.name);
    expect(names.filter((name) => /^(Support\/Cases|iCustomer)\//.test(name))).toEqual(['Support/Cases/Status/Pending']);
  });
});

test.describe('a policy change', () => {
  test.use({ policy: {} });

  test('applies live: a feature switched off disappears, an account no longer allowed is signed out and purged', async ({
    gmail,
    signedInPanel: panel,
    setPolicy,
    google,
    worker,
  }) => {
    await gmail.openConversation(SUBJECTS.plain);
    await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
    await panel.queueTab().click();
    await expect(panel.byTestId('queue')).toBeVisible();

    // Chrome notices a policy file change after ~5 s.
    await setPolicy({ features: { queue: false, history: false } });
    await expect(panel.queueTab()).toHaveCount(0, { timeout: 20_000 });
    // The Queue tab was open: the panel went back to the conversation, without its history.
    await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
    await expect(panel.byTestId('history')).toHaveCount(0);

    await setPolicy({ allowedDomains: ['acme-support.example'] });
    await expect(panel.page.getByText(`${AGENT.email} was signed out because your organisation's policy no longer allows this account.`)).toBeVisible({
      timeout: 20_000,
    });
    await expect(panel.signInButton).toBeVisible();
    await expect.poll(async () => idbRecordsOf(withoutAccessLog(await dumpStorage(worker)), AGENT.email).length).toBe(0);
    expect(google.revocations().map((revocation) => revocation.accountEmail)).toEqual([AGENT.email]);
  });
});
