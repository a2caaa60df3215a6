/**
 * F5: the queue of Open and Pending cases, most urgent first, the overdue count on the toolbar
 * badge, and freshness without rescanning: a colleague's change arrives through history.list on
 * the next sync, even when Chrome stopped the worker in between. Times are fixed on the fake's
 * clock, the worker's and the panel's: nothing waits for real time.
 */
import type { FakeGoogleControl, RequestLogEntry } from '../fake-google/index';
import { expect, test } from './fixtures';
import { GmailPage } from './pages/gmail-page';
import { PanelPage } from './pages/panel-page';
import { QUEUE_CASES, QUEUE_NOW, QUEUE_ORDER, seedQueue } from './queue-seed';
import { AGENT } from './seed';
import { badgeOf, fireQueueSync, setWorkerClock } from './support-clock';
import type { BrowserContext, Worker } from '@playwright/test';
import { stopServiceWorker } from './support-cdp';

const answered = (method: string) => (r: RequestLogEntry) => r.apiMethod === method && r.status !== 0;

/** Seeds the cases, then opens Gmail and a signed-in panel with every clock at QUEUE_NOW. */
async function signedInWithQueue(google: FakeGoogleControl, context: BrowserContext, worker: Worker) {
  seedQueue(google);
  google.setNow(QUEUE_NOW);
  await setWorkerClock(worker, QUEUE_NOW);
  const gmail = await GmailPage.open(context);
  const tabId = await gmail.tabId(worker);
  const panel = await PanelPage.open(context, tabId, { now: QUEUE_NOW });
  await panel.signIn();
  return { gmail, panel, tabId };
}

const rows = (panel: PanelPage) => panel.byTestId('queue-row');

async function threadIdsShown(panel: PanelPage): Promise<string[]> {
  return rows(panel).evaluateAll((elements) => elements.map((element) => element.getAttribute('data-thread-id') ?? ''));
}

test('the queue lists Open and Pending cases by urgency, and the badge counts the overdue ones', async ({
  google,
  context,
  worker,
}) => {
  const { gmail, panel, tabId } = await signedInWithQueue(google, context, worker);
  await panel.queueTab().click();
  await expect(panel.byTestId('queue')).toHaveAttribute('data-state', 'ready');
  await expect(rows(panel)).toHaveCount(QUEUE_ORDER.length);
  expect(await threadIdsShown(panel)).toEqual(QUEUE_ORDER.map((c) => c.id));

  const first = rows(panel).first();
  await expect(first).toHaveAttribute('data-sla-state', 'overdue');
  await expect(first).toContainText('Carla Dias');
  await expect(first).toContainText(QUEUE_CASES.overdueMost.subject);
  await expect(first).toContainText('Overdue by 2 h');
  await expect(rows(panel).nth(2)).toHaveAttribute('data-sla-state', 'due');
  await expect(rows(panel).nth(3)).toHaveAttribute('data-status', 'Pending');
  await expect(panel.byTestId('queue-overdue')).toHaveAttribute('data-count', '2');
  await expect.poll(() => badgeOf(worker, tabId)).toBe('2');

  // Clicking a case opens it in the agent's Gmail tab, same account.
  await rows(panel).nth(1).getByRole('link').click();
  await gmail.page.locator('h2.hP', { hasText: QUEUE_CASES.overdueLess.subject }).waitFor();
  expect(new URL(gmail.page.url()).pathname).toBe('/mail/u/0/');

  // Time passes (on the clocks, not in the test): the due case becomes overdue too.
  const tomorrow = QUEUE_NOW + 24 * 3_600_000;
  await setWorkerClock(worker, tomorrow);
  await fireQueueSync(panel.page);
  await expect.poll(() => badgeOf(worker, tabId)).toBe('3');
});

test("a colleague's changes reach the open queue on the next sync, through history.list, across a worker stop", async ({
  google,
  context,
  worker,
}) => {
  const { panel } = await signedInWithQueue(google, context, worker);
  await panel.queueTab().click();
  await expect(rows(panel)).toHaveCount(QUEUE_ORDER.length);
  await expect(panel.byTestId('queue')).toHaveAttribute('data-state', 'ready');
  const fullSyncLists = google.requests().filter(answered('gmail.users.threads.list')).length;
  google.clearRequests();

  // In Gmail, a colleague solves one case and opens another.
  google.modifyThread(AGENT.email, QUEUE_CASES.overdueMost.id, { add: ['iCustomer/Status/Solved'], remove: ['iCustomer/Status/Open'] });
  google.modifyThread(AGENT.email, QUEUE_CASES.uncased.id, { add: ['iCustomer/Status/Open'] });
  await stopServiceWorker(await context.newCDPSession(panel.page));

  await fireQueueSync(panel.page);
  await expect.poll(() => threadIdsShown(panel)).not.toContain(QUEUE_CASES.overdueMost.id);
  await expect.poll(() => threadIdsShown(panel)).toContain(QUEUE_CASES.uncased.id);
  await expect(rows(panel)).toHaveCount(QUEUE_ORDER.length);

  // Incremental: one history.list from the saved cursor, no rescan, only the two threads read.
  const requests = google.requests();
  expect(fullSyncLists).toBeGreaterThan(0);
  expect(requests.filter(answered('gmail.users.history.list')).length).toBeGreaterThanOrEqual(1);
  expect(requests.filter(answered('gmail.users.threads.list'))).toEqual([]);
  const reads = requests.filter(answered('gmail.users.threads.get')).map((r) => r.path);
  expect(new Set(reads)).toEqual(new Set([`/gmail/v1/users/me/threads/${QUEUE_CASES.overdueMost.id}`, `/gmail/v1/users/me/threads/${QUEUE_CASES.uncased.id}`]));
});

test('a history id Gmail no longer knows (404) makes the next sync a full one', async ({ google, context, worker }) => {
  const { panel } = await signedInWithQueue(google, context, worker);
  await panel.queueTab().click();
  await expect(rows(panel)).toHaveCount(QUEUE_ORDER.length);
  google.clearRequests();
  google.addFault({ pathIncludes: '/history', status: 404, body: { error: { code: 404, message: 'Requested entity was not found.', errors: [{ reason: 'notFound' }], status: 'NOT_FOUND' } } });
  google.modifyThread(AGENT.email, QUEUE_CASES.pending.id, { add: ['iCustomer/Status/Solved'], remove: ['iCustomer/Status/Pending'] });

  await panel.page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => threadIdsShown(panel)).not.toContain(QUEUE_CASES.pending.id);
  expect(google.requests().filter(answered('gmail.users.threads.list')).length).toBeGreaterThan(0);
});

test("a colleague's status change shows on the open conversation's card after the next sync, without reload", async ({
  google,
  context,
  worker,
}) => {
  const { gmail, panel } = await signedInWithQueue(google, context, worker);
  await gmail.openConversation(QUEUE_CASES.due.subject);
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
  await expect(panel.statusButton('Open')).toHaveAttribute('aria-pressed', 'true');

  google.modifyThread(AGENT.email, QUEUE_CASES.due.id, { add: ['iCustomer/Status/Pending'], remove: ['iCustomer/Status/Open'] });
  await fireQueueSync(panel.page);
  await expect(panel.statusButton('Pending')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.statusButton('Open')).toHaveAttribute('aria-pressed', 'false');
  await expect(panel.byTestId('sla')).toHaveCount(0);
});
