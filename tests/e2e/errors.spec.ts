import { countIdbRecords, dumpStorage } from './support-storage';
import { expect, test } from './fixtures';
import { SUBJECTS } from './seed';

test('a malformed Gmail answer is a clear error, and nothing is written to the cache', async ({
  gmail,
  signedInPanel: panel,
  google,
  worker,
}) => {
  google.addFault({ host: 'gmail.googleapis.com', pathIncludes: '/threads/', status: 200, malformed: true });
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.page.getByRole('alert')).toContainText('Gmail sent an answer iCustomer could not read');
  const stored = await dumpStorage(worker);
  expect(stored.idb['icustomer-mail']?.threads ?? []).toEqual([]);

  // Try again, and Gmail answers properly this time.
  await panel.page.getByRole('button', { name: 'Try again' }).click();
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
  expect(countIdbRecords(await dumpStorage(worker))).toBeGreaterThan(1);
});

test('a 500 from Gmail is retried and the conversation shown', async ({ gmail, signedInPanel: panel, google }) => {
  google.addFault({ host: 'gmail.googleapis.com', pathIncludes: '/threads/', status: 500 });
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
  const gets = google.requests().filter((r) => r.apiMethod === 'gmail.users.threads.get');
  expect(gets.map((r) => r.status)).toEqual([500, 200]);
});

test('Gmail unreachable: the panel says so and offers to try again', async ({ gmail, signedInPanel: panel, google }) => {
  google.addFault({ host: 'gmail.googleapis.com', pathIncludes: '/threads/', status: 503, times: 10 });
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.page.getByRole('alert')).toContainText('Gmail is having trouble right now', { timeout: 30_000 });
  await expect(panel.page.getByRole('button', { name: 'Try again' })).toBeVisible();
});
