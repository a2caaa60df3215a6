import { expect, test } from './fixtures';
import { SUBJECTS } from './seed';

/** threads.get calls Gmail has answered (the fake logs a request on arrival, with status 0 until answered). */
const answeredThreadsGet = (r: { apiMethod: string | null; status: number }) =>
  r.apiMethod === 'gmail.users.threads.get' && r.status !== 0;

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
  expect(google.requests().filter(answeredThreadsGet)).toEqual([]);

  // …then the background refresh lands: exactly one threads.get, and the card says it is fresh.
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network', { timeout: 10_000 });
  expect(google.requests().filter(answeredThreadsGet)).toHaveLength(1);
});
