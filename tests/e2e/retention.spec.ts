/**
 * F7: every access to Google data is in the access log (counts and method names, never content or
 * a customer's address), cached data older than the retention period is removed by the daily job,
 * and log entries go after six months. Time moves on the worker's clock; nothing waits for it.
 */
import type { Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { GmailPage } from './pages/gmail-page';
import { PanelPage } from './pages/panel-page';
import { AGENT, LOYAL, SUBJECTS } from './seed';
import { fireRetention, setWorkerClock } from './support-clock';

const DAY = 86_400_000;
/** The default policy's retention (utils/policy/settings.ts): no admin policy in this test. */
const RETENTION_DAYS = 30;
const ACCESS_LOG_DAYS = 183;
const LOG_FIELDS = ['account', 'at', 'category', 'feature', 'id', 'items', 'method', 'ok', 'status'];

interface LogEntry {
  account: string;
  at: number;
  feature: string;
  category: string;
  method: string;
  items: number;
  ok: boolean;
  status: number;
}
type Cached = { fetchedAt?: number; syncedAt?: number | null; conversation?: { subject: string } };

/** Every record of one store of the extension's database, read inside its worker. */
function storeOf<T>(worker: Worker, store: string): Promise<T[]> {
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('icustomer-mail');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

const subjectsCached = async (worker: Worker) => (await storeOf<Cached>(worker, 'threads')).map((record) => record.conversation?.subject).sort();
/** The oldest time any cached record of `store` holds (Infinity when the store is empty). */
const oldestIn = async (worker: Worker, store: string) =>
  Math.min(...(await storeOf<Cached>(worker, store)).map((record) => record.fetchedAt ?? record.syncedAt ?? -1));

test('the access log records each Google read without content; retention removes old cache and old log entries', async ({
  context,
  worker,
}) => {
  const start = Date.now();
  await setWorkerClock(worker, start);
  const gmail = await GmailPage.open(context);
  const panel = await PanelPage.open(context, await gmail.tabId(worker));
  await panel.signIn();

  // Two conversations, and the loyal customer's history, are read and cached at `start`.
  await gmail.openConversation(SUBJECTS.loyal);
  await expect(panel.byTestId('history')).toHaveAttribute('data-state', 'ready');
  await gmail.backToInbox();
  await gmail.openConversation(SUBJECTS.contactForm);
  await expect(panel.byTestId('customer-email')).toHaveText('pat@buyer.example');
  await expect.poll(() => subjectsCached(worker)).toEqual([SUBJECTS.contactForm, SUBJECTS.loyal].sort());
  for (const store of ['summaries', 'histories']) await expect.poll(() => oldestIn(worker, store), store).toBe(start);

  // The log: one entry per request, by feature and category, with counts — and nothing else.
  await expect
    .poll(async () => (await storeOf<LogEntry>(worker, 'accessLog')).filter((entry) => entry.feature === 'conversation').length)
    .toBeGreaterThanOrEqual(2);
  const log = await storeOf<LogEntry>(worker, 'accessLog');
  expect(log).toContainEqual(expect.objectContaining({ feature: 'sign-in', category: 'profile', method: 'oauth2.userinfo.get', items: 1, ok: true }));
  expect(log).toContainEqual(
    expect.objectContaining({ feature: 'conversation', category: 'message-metadata', method: 'gmail.users.threads.get', ok: true, status: 200, at: start }),
  );
  expect(log).toContainEqual(expect.objectContaining({ feature: 'history', category: 'message-metadata', method: 'gmail.users.threads.list' }));
  const cardReads = log.filter((entry) => entry.feature === 'conversation' && entry.method === 'gmail.users.threads.get');
  expect(cardReads.every((entry) => entry.items >= 1)).toBe(true);
  for (const entry of log) expect(Object.keys(entry).sort()).toEqual(LOG_FIELDS);
  expect(new Set(log.map((entry) => entry.account))).toEqual(new Set([AGENT.email]));
  const logText = JSON.stringify(log);
  for (const secret of [LOYAL.email, 'pat@buyer.example', SUBJECTS.loyal, SUBJECTS.contactForm]) expect(logText).not.toContain(secret);

  // N+1 days later: a conversation opened now is fresh; the job removes what was cached at `start`.
  const later = start + (RETENTION_DAYS + 1) * DAY;
  await setWorkerClock(worker, later);
  await gmail.backToInbox();
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
  await expect.poll(() => subjectsCached(worker)).toContain(SUBJECTS.plain);
  await fireRetention(panel.page);
  await expect.poll(() => subjectsCached(worker)).toEqual([SUBJECTS.plain]);
  const cutoff = later - RETENTION_DAYS * DAY;
  for (const store of ['threads', 'summaries', 'histories', 'drafts', 'mailboxes']) {
    expect(await oldestIn(worker, store), store).toBeGreaterThanOrEqual(cutoff);
  }
  expect((await storeOf<Cached>(worker, 'threads'))[0]?.fetchedAt).toBe(later);
  expect(await storeOf(worker, 'accounts')).toHaveLength(1);
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');

  // Seven months after `start`: the log's entries from then are gone, those of `later` are kept.
  const sevenMonths = start + 212 * DAY;
  await setWorkerClock(worker, sevenMonths);
  await fireRetention(panel.page);
  await expect.poll(async () => (await storeOf<LogEntry>(worker, 'accessLog')).filter((entry) => entry.at === start)).toEqual([]);
  const kept = await storeOf<LogEntry>(worker, 'accessLog');
  expect(kept.every((entry) => entry.at >= sevenMonths - ACCESS_LOG_DAYS * DAY)).toBe(true);
  expect(kept).toContainEqual(expect.objectContaining({ feature: 'conversation', method: 'gmail.users.threads.get', at: later }));
});
