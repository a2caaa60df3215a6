/**
 * Issue 7 › 3, Gmail misbehaving: a 429 storm, 5xx bursts, a read that never answers, a token that
 * expires mid-session. Driven through the fake's control API and read back from its request log —
 * what the agent sees, how many requests the extension sent, and when.
 */
import type { FakeGoogleControl, RequestLogEntry } from '../fake-google/index';
import { countIdbRecords, dumpStorage } from './support-storage';
import { expect, test } from './fixtures';
import { AGENT, SUBJECTS } from './seed';

/** retry.ts DEFAULT_RETRY_POLICY.maxAttempts: a Gmail call is sent at most this many times. */
const MAX_ATTEMPTS = 4;
/** client.ts: how long a Gmail request may go unanswered. */
const CLIENT_TIMEOUT_MS = 15_000;

const gmailRequests = (google: FakeGoogleControl) => google.requests().filter((r) => r.host === 'gmail.googleapis.com' && r.method !== 'OPTIONS');
/** The conversation card's reads: the only format=full thread reads. */
const cardReads = (google: FakeGoogleControl) => gmailRequests(google).filter((r) => r.apiMethod === 'gmail.users.threads.get' && r.query.format === 'full');

/** The same request sent again is the same call retried: grouped by method, path and query. */
function attemptsByCall(requests: RequestLogEntry[]): Map<string, RequestLogEntry[]> {
  const calls = new Map<string, RequestLogEntry[]>();
  for (const request of requests) {
    const key = `${request.method} ${request.path} ${JSON.stringify(request.query)}`;
    calls.set(key, [...(calls.get(key) ?? []), request]);
  }
  return calls;
}

const gaps = (attempts: RequestLogEntry[]) => attempts.slice(1).map((attempt, i) => attempt.at - (attempts[i]?.at ?? 0));

test('a 429 storm: each call is sent at most 4 times, Retry-After apart; the panel says Gmail asked to slow down; Try again works after it', async ({
  gmail,
  signedInPanel: panel,
  google,
}) => {
  google.clearRequests();
  // Every Gmail call is refused, each 429 with Retry-After: 1 (the fake's default for 429).
  google.addFault({ host: 'gmail.googleapis.com', status: 429, times: 1_000 });
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.page.getByRole('alert')).toContainText('Gmail asked iCustomer to slow down', { timeout: 20_000 });

  expect(cardReads(google).map((r) => r.status)).toEqual(Array(MAX_ATTEMPTS).fill(429));
  const calls = attemptsByCall(gmailRequests(google));
  for (const [call, attempts] of calls) {
    expect(attempts.length, call).toBeLessThanOrEqual(MAX_ATTEMPTS);
    for (const gap of gaps(attempts)) expect(gap, call).toBeGreaterThanOrEqual(1_000);
  }

  google.clearFaults();
  await panel.page.getByRole('button', { name: 'Try again' }).click();
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
});

test('a burst of 503s shorter than the retries: the conversation is shown, after one attempt per failure plus one', async ({
  gmail,
  signedInPanel: panel,
  google,
}) => {
  google.clearRequests();
  google.addFault({ host: 'gmail.googleapis.com', pathIncludes: 'format=full', status: 503, times: MAX_ATTEMPTS - 1 });
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
  expect(cardReads(google).map((r) => r.status)).toEqual([...Array(MAX_ATTEMPTS - 1).fill(503), 200]);
});

test('a burst of 500s longer than the retries: Gmail is having trouble, with its reason, after 4 attempts', async ({
  gmail,
  signedInPanel: panel,
  google,
}) => {
  google.clearRequests();
  google.addFault({ host: 'gmail.googleapis.com', pathIncludes: 'format=full', status: 500, times: 10 });
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.page.getByRole('alert')).toContainText('Gmail is having trouble right now (Backend Error (backendError))', {
    timeout: 20_000,
  });
  expect(cardReads(google).map((r) => r.status)).toEqual(Array(MAX_ATTEMPTS).fill(500));
});

test('a Gmail read that never answers ends with the timeout message, and the saved copy stays on screen', async ({
  gmail,
  signedInPanel: panel,
  google,
  worker,
}) => {
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
  await gmail.backToInbox();
  google.clearRequests();
  google.addFault({ host: 'gmail.googleapis.com', pathIncludes: 'format=full', status: 200, hang: true });

  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
  const notice = panel.page.getByRole('status').filter({ hasText: 'Gmail did not answer in time.' });
  await expect(notice).toContainText('Showing the copy saved', { timeout: CLIENT_TIMEOUT_MS + 10_000 });
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
  // A read that timed out is not sent again by itself: the agent decides.
  expect(cardReads(google)).toHaveLength(1);
  expect((await dumpStorage(worker)).idb['icustomer-mail']?.threads?.length).toBeGreaterThan(0);

  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
  expect(countIdbRecords(await dumpStorage(worker))).toBeGreaterThan(0);
});

test('a token expiring between two status changes is refreshed silently: no Google window, no error, one extra authorize', async ({
  context,
  gmail,
  signedInPanel: panel,
  google,
}) => {
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
  await panel.setFirstStatus('Open');

  google.expireTokens(AGENT.email);
  google.clearRequests();
  const pagesBefore = context.pages().length;
  await panel.statusButton('Pending').click();
  await expect(panel.statusButton('Pending')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.byTestId('case-controls')).not.toHaveAttribute('aria-busy', 'true');
  await expect(panel.byTestId('case-error')).toHaveCount(0);

  const authorizes = google.requests().filter((r) => r.path === '/o/oauth2/v2/auth');
  expect(authorizes.map((r) => r.query.prompt)).toEqual(['none']);
  expect(context.pages()).toHaveLength(pagesBefore);
  // The expired token is refused once; every call after the refresh succeeds.
  const [refused, ...after] = gmailRequests(google);
  expect(refused?.status).toBe(401);
  expect(after.map((r) => r.status).filter((status) => status !== 200)).toEqual([]);
  expect(after.map((r) => r.apiMethod)).toContain('gmail.users.threads.modify');

  // The next action uses the refreshed token: no further authorize.
  await gmail.backToInbox();
  await gmail.openConversation(SUBJECTS.contactForm);
  await expect(panel.byTestId('customer-email')).toHaveText('pat@buyer.example');
  expect(google.requests().filter((r) => r.path === '/o/oauth2/v2/auth')).toHaveLength(1);
});
