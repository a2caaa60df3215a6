/**
 * F3: the customer's earlier conversations — an exact count for a customer with 130 of them,
 * newest first, more on demand, each opening in the same Gmail tab and account — and what it
 * costs Gmail (F12).
 */
import type { RequestLogEntry } from '../fake-google/index';
import { expect, test } from './fixtures';
import type { PanelPage } from './pages/panel-page';
import {
  AGENT_ACCOUNT_PATH,
  LOYAL,
  LOYAL_EARLIER_SUBJECTS_NEWEST_FIRST,
  LOYAL_EARLIER_THREADS,
  LOYAL_FIRST_CONTACT,
  LOYAL_HIDDEN_SUBJECTS,
  LOYAL_LAST_EARLIER_CONTACT,
  SUBJECTS,
} from './seed';

const day = (epochMs: number) => new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' }).format(epochMs);
const answered = (method: string) => (r: RequestLogEntry) => r.apiMethod === method && r.status !== 0;
const rowLinks = (panel: PanelPage) => panel.byTestId('history-row').getByRole('link');

test('a customer with 130 earlier conversations: exact count, dates, newest first, all of them on demand', async ({
  gmail,
  signedInPanel: panel,
  google,
}) => {
  google.clearRequests();
  await gmail.openConversation(SUBJECTS.loyal);
  await expect(panel.byTestId('customer-email')).toHaveText(LOYAL.email);

  const history = panel.byTestId('history');
  await expect(history).toHaveAttribute('data-state', 'ready');
  await expect(panel.byTestId('history-count')).toHaveText(`${LOYAL_EARLIER_THREADS} earlier conversations`);
  await expect(panel.byTestId('history-first-contact')).toHaveText(day(LOYAL_FIRST_CONTACT));
  await expect(panel.byTestId('history-last-contact')).toHaveText(day(LOYAL_LAST_EARLIER_CONTACT));
  await expect(rowLinks(panel)).toHaveText(LOYAL_EARLIER_SUBJECTS_NEWEST_FIRST.slice(0, 5));

  // One list call finds all 130 (ids only); details only for the rows on screen and the oldest.
  const requests = google.requests();
  expect(requests.filter(answered('gmail.users.threads.list'))).toHaveLength(1);
  expect(requests.filter(answered('gmail.users.threads.get'))).toHaveLength(1 + 5 + 1);

  const more = panel.page.getByRole('button', { name: 'Show more' });
  while (await more.isVisible()) {
    const shown = await rowLinks(panel).count();
    await more.click();
    await expect(rowLinks(panel)).not.toHaveCount(shown);
    await expect(rowLinks(panel).last()).not.toHaveText('Loading…');
  }
  await expect(rowLinks(panel)).toHaveText([...LOYAL_EARLIER_SUBJECTS_NEWEST_FIRST]);
  await expect(panel.page.getByText(`Showing`)).toHaveCount(0);
  const subjects = await rowLinks(panel).allTextContents();
  expect(subjects).not.toContain(SUBJECTS.loyal);
  for (const hidden of LOYAL_HIDDEN_SUBJECTS) expect(subjects).not.toContain(hidden);

  // Every thread was read once at most, and the list was not walked again for "Show more".
  const reads = google.requests().filter(answered('gmail.users.threads.get')).map((r) => r.path);
  expect(new Set(reads).size).toBe(reads.length);
  expect(google.requests().filter(answered('gmail.users.threads.list'))).toHaveLength(1);
});

test('a history row opens that conversation in the same Gmail tab and account', async ({ gmail, signedInPanel: panel }) => {
  await gmail.openConversation(SUBJECTS.loyal);
  const newest = LOYAL_EARLIER_SUBJECTS_NEWEST_FIRST[0] ?? '';
  const row = rowLinks(panel).first();
  await expect(row).toHaveText(newest);
  await expect(row).toHaveAttribute('href', new RegExp(`^https://mail\\.google\\.com${AGENT_ACCOUNT_PATH}/#all/[0-9a-f]+$`));

  await row.click();
  await expect(gmail.page.locator('h2.hP')).toHaveText(newest);
  expect(new URL(gmail.page.url()).pathname).toBe(`${AGENT_ACCOUNT_PATH}/`);
  await expect(panel.byTestId('subject')).toHaveText(newest);
  // From that conversation, the one we came from is now an earlier conversation.
  await expect(rowLinks(panel).first()).toHaveText(SUBJECTS.loyal);
});

test('a revisited customer’s history renders from the cache with no Gmail call, then refreshes', async ({
  gmail,
  signedInPanel: panel,
  google,
}) => {
  await gmail.openConversation(SUBJECTS.loyal);
  await expect(panel.byTestId('history')).toHaveAttribute('data-state', 'ready');
  await expect(rowLinks(panel)).toHaveCount(5);
  await gmail.backToInbox();
  await expect(panel.heading('No conversation open')).toBeVisible();

  google.clearRequests();
  google.addFault({ host: 'gmail.googleapis.com', status: 200, delayMs: 3000, times: 20 });
  await gmail.openConversation(SUBJECTS.loyal);
  await expect(panel.byTestId('history-count')).toHaveAttribute('data-count', String(LOYAL_EARLIER_THREADS), { timeout: 2000 });
  await expect(rowLinks(panel)).toHaveText(LOYAL_EARLIER_SUBJECTS_NEWEST_FIRST.slice(0, 5), { timeout: 2000 });
  expect(google.requests().filter((r) => r.host === 'gmail.googleapis.com' && r.status !== 0)).toEqual([]);

  // The refresh: the list again, and no thread read, since nothing changed (same historyIds).
  await expect(panel.byTestId('history')).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network', { timeout: 15_000 });
  const after = google.requests().filter((r) => r.status !== 0);
  expect(after.filter(answered('gmail.users.threads.list'))).toHaveLength(1);
  expect(after.filter(answered('gmail.users.threads.get'))).toHaveLength(1); // the card's own refresh
});

test('a 429 with Retry-After: the card appears after exactly one retry, no sooner than Google asked', async ({
  gmail,
  signedInPanel: panel,
  google,
}) => {
  google.clearRequests();
  google.addFault({
    host: 'gmail.googleapis.com',
    pathIncludes: '/threads/',
    status: 429,
    headers: { 'Retry-After': '2' },
    body: { error: { code: 429, message: 'Too many concurrent requests for user', errors: [{ domain: 'global', reason: 'rateLimitExceeded', message: 'Too many concurrent requests for user' }], status: 'RESOURCE_EXHAUSTED' } },
    times: 1,
  });
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');

  const cardReads = google.requests().filter((r) => r.apiMethod === 'gmail.users.threads.get' && r.query['format'] === 'full');
  expect(cardReads.map((r) => r.status)).toEqual([429, 200]);
  const [first, retry] = cardReads;
  expect((retry?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(2000);
});

test('the history is asked for alongside the thread, from the senders Gmail shows', async ({ gmail, signedInPanel: panel, google }) => {
  google.setLatency(600);
  google.clearRequests();
  await gmail.openConversation(SUBJECTS.loyal);
  await expect(panel.byTestId('history')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  const requests = google.requests();
  const card = requests.find((r) => r.apiMethod === 'gmail.users.threads.get' && r.query['format'] === 'full');
  const list = requests.find((r) => r.apiMethod === 'gmail.users.threads.list');
  // The list left before the thread's answer could have come back (600 ms each way).
  expect(Math.abs((list?.at ?? Infinity) - (card?.at ?? 0))).toBeLessThan(600);
});

test('a panel cannot read the history of someone who is not its tab’s customer', async ({ gmail, signedInPanel: panel, worker }) => {
  await gmail.openConversation(SUBJECTS.loyal);
  await expect(panel.byTestId('history')).toHaveAttribute('data-state', 'ready');
  const tabId = await gmail.tabId(worker);
  const answer = await panel.page.evaluate(
    (id) => chrome.runtime.sendMessage({ type: 'history/get', tabId: id, customer: 'maria@acme.example', source: 'network', rows: 5 }),
    tabId,
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
});
