import { expect, test } from './fixtures';
import { SUBJECTS } from './seed';
import { serviceWorkerNetwork, stopServiceWorker } from './support-cdp';
import { browserCdpSession } from '../support/launch';

test('offline with a saved copy: the card stays, with a notice that says so', async ({
  userDataDir,
  gmail,
  signedInPanel: panel,
}) => {
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
  await gmail.backToInbox();
  await (await serviceWorkerNetwork(await browserCdpSession(userDataDir))).setOffline(true);
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
  const notice = panel.page.getByRole('status').filter({ hasText: "You're offline, or Gmail can't be reached." });
  await expect(notice).toContainText('Showing the copy saved');
});

test('offline with nothing saved: a clear error, and Try again works once back online', async ({
  userDataDir,
  gmail,
  signedInPanel: panel,
}) => {
  const network = await serviceWorkerNetwork(await browserCdpSession(userDataDir));
  await network.setOffline(true);
  await gmail.openConversation(SUBJECTS.contactForm);
  await expect(panel.page.getByRole('alert')).toContainText("You're offline, or Gmail can't be reached.");
  await network.setOffline(false);
  await panel.page.getByRole('button', { name: 'Try again' }).click();
  await expect(panel.byTestId('customer-email')).toHaveText('pat@buyer.example');
});

test('a service worker stopped by Chrome picks up where it was: the panel keeps following Gmail', async ({
  context,
  gmail,
  signedInPanel: panel,
}) => {
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
  await stopServiceWorker(await context.newCDPSession(panel.page));

  await gmail.backToInbox();
  await gmail.openConversation(SUBJECTS.colleagueCc);
  await expect(panel.byTestId('customer-email')).toHaveText('lee@bigco.example');
  await expect(panel.signOutButton).toBeVisible();
});
