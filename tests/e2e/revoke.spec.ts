import { countIdbRecords, dumpStorage, withoutAccessLog } from './support-storage';
import { expect, test } from './fixtures';
import type { GmailPage } from './pages/gmail-page';
import type { PanelPage } from './pages/panel-page';
import { AGENT, SUBJECTS } from './seed';

/** The agent opens Maria's conversation and sees her card (so there is something cached). */
async function openPlainConversation(gmail: GmailPage, panel: PanelPage) {
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
}

/** After any end of access: no Google data anywhere, no token anywhere. */
async function expectPurged(worker: Parameters<typeof dumpStorage>[0]) {
  const stored = await dumpStorage(worker);
  expect(countIdbRecords(withoutAccessLog(stored))).toBe(0);
  const everything = JSON.stringify(stored);
  expect(everything).not.toContain('maria@acme.example');
  expect(everything).not.toContain(SUBJECTS.plain);
  expect(Object.keys(stored.session).filter((key) => key.startsWith('token:'))).toEqual([]);
  expect(stored.local).toEqual({});
}

test('Sign out and revoke access: Google sees the revoke, every cached byte is gone, the panel is signed out', async ({
  gmail,
  signedInPanel: panel,
  google,
  worker,
}) => {
  await openPlainConversation(gmail, panel);
  expect(countIdbRecords(await dumpStorage(worker))).toBeGreaterThan(0);

  await panel.signOutButton.click();
  await expect(panel.signInButton).toBeVisible();
  await expect(panel.page.getByText('You signed out and revoked access.')).toBeVisible();
  expect(google.revocations().map((r) => r.accountEmail)).toEqual([AGENT.email]);
  expect(google.grants().filter((g) => g.accountEmail === AGENT.email)).toEqual([]);
  await expectPurged(worker);
});

test('access revoked from Google\'s permissions page is noticed at the next call: same purge', async ({
  gmail,
  signedInPanel: panel,
  google,
  worker,
}) => {
  await openPlainConversation(gmail, panel);

  google.revokeGrant(AGENT.email);
  await gmail.backToInbox();
  await gmail.openConversation(SUBJECTS.contactForm);

  await expect(panel.page.getByText(`Access to ${AGENT.email} was revoked`)).toBeVisible();
  await expect(panel.signInButton).toBeVisible();
  await expectPurged(worker);
});

test('an expired token is refreshed silently: the agent notices nothing', async ({ gmail, signedInPanel: panel, google }) => {
  await openPlainConversation(gmail, panel);
  google.expireTokens(AGENT.email);
  await gmail.backToInbox();
  await gmail.openConversation(SUBJECTS.contactForm);
  await expect(panel.byTestId('customer-email')).toHaveText('pat@buyer.example');
  const silent = google.requests().filter((r) => r.path === '/o/oauth2/v2/auth' && r.query.prompt === 'none');
  expect(silent).toHaveLength(1);
});
