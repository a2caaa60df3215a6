import { expect, test } from './fixtures';
import { SUBJECTS } from './seed';

const threadsGet = (r: { apiMethod: string | null }) => r.apiMethod === 'gmail.users.threads.get';

test('a revisited conversation renders from the cache before Gmail answers, then refreshes', async ({
  gmail,
  signedInPanel: panel,
  google,
}) => {
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
  await gmail.backToInbox();
  await expect(panel.heading('No conversation open')).toBeVisible();

  // Gmail now takes 3 s to answer: the card must appear from IndexedDB long before that.
  google.clearRequests();
  google.addFault({ host: 'gmail.googleapis.com', pathIncludes: '/threads/', status: 200, delayMs: 3000 });
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example', { timeout: 2000 });
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'cache');
  expect(google.requests().filter(threadsGet)).toEqual([]);

  // …then the background refresh lands: exactly one threads.get, and the card says it is fresh.
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network', { timeout: 10_000 });
  expect(google.requests().filter(threadsGet)).toHaveLength(1);
});
