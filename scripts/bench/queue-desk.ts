/**
 * The queue scenario's account (QUEUE_DESK) in a Gmail tab of its own, with a panel page bound to
 * it, and sync runs asked for as a panel asks: `queue/get` with source 'network', answered once the
 * run is done. The extension's alarms are paused meanwhile and each run gets room in Gmail's quota
 * (sync-pacing.ts), so every measurement is one run, of the bench's making.
 */
import type { Page } from '@playwright/test';
import type { QueueView } from '../../utils/cases/types';
import type { PanelRequest, Result } from '../../utils/messaging/protocol';
import { GmailPage } from '../../tests/e2e/pages/gmail-page';
import { PanelPage } from '../../tests/e2e/pages/panel-page';
import type { RequestLogEntry } from '../../tests/fake-google/index';
import { extensionWorker } from '../../tests/support/launch';
import { allowTsxFunctions } from './in-page';
import { GMAIL_API_HOST, UNITS, unitsOf } from './measure';
import { QUEUE_DESK } from './queue-mailbox';
import type { BenchSession } from './session';
import { pauseAlarms, quotaMinutes } from './sync-pacing';
import { recordWorkerRequests, sequentialRoundTrips } from './worker-requests';

/** Issue 4: a run reads at most 100 cases, 4,000 of the 6,000 units, leaving room for the agent. */
export const RUN_READS = 100;
/** Listing the cases: the cursor (getProfile), the labels, a threads.list page per queued status (Open, Pending). */
export const LISTING_UNITS = UNITS.getProfile + UNITS.labelsList + 2 * UNITS.threadsList;
export const RUN_UNITS_BUDGET = RUN_READS * UNITS.threadsGet + LISTING_UNITS;

export interface SyncRun {
  /** From asking for the queue to its answer, in the panel page. */
  ms: number;
  roundTrips: number;
  units: number;
  view: QueueView;
}

interface Timed {
  answer: unknown;
  ms: number;
}

function ask(page: Page, request: PanelRequest): Promise<Timed> {
  return page.evaluate(async (message) => {
    const started = performance.now();
    const answer: unknown = await chrome.runtime.sendMessage(message);
    return { answer, ms: performance.now() - started };
  }, request);
}

function dataOf<T>(request: string, answer: unknown): T {
  const result = answer as Result<T> | undefined;
  if (result?.ok === true) return result.data;
  const why = result?.ok === false ? [result.error.code, result.error.detail].filter(Boolean).join(': ') : JSON.stringify(answer);
  throw new Error(`${request} failed, the extension answered ${why}`);
}

/**
 * Signs in, then asks for the queue at once: the request joins the first sync the sign-in started
 * (concurrent syncs of an account are one), so its time runs from the sign-in's answer.
 */
async function signInThenAsk(session: BenchSession, page: Page, tabId: number): Promise<Timed> {
  const popup = session.context.waitForEvent('page', (opened) => opened.url().startsWith('https://accounts.google.com/'));
  const asked = page.evaluate(async (tab) => {
    const signIn: unknown = await chrome.runtime.sendMessage({ type: 'auth/sign-in', tabId: tab });
    const started = performance.now();
    const answer: unknown = await chrome.runtime.sendMessage({ type: 'queue/get', tabId: tab, source: 'network' });
    return { signIn, answer, ms: performance.now() - started };
  }, tabId);
  // A sign-in that fails at once opens no window: say why rather than wait for one.
  const consent = await Promise.race([
    popup,
    asked.then(({ signIn }) => {
      dataOf('auth/sign-in', signIn);
      throw new Error("auth/sign-in answered without opening Google's window");
    }),
  ]);
  await consent.getByRole('button', { name: 'Allow' }).click();
  const { signIn, ...timed } = await asked;
  dataOf('auth/sign-in', signIn);
  return timed;
}

/** Each sync run opens with getProfile (full) or the first page of history.list (incremental). */
function syncRunsIn(calls: readonly RequestLogEntry[]): number {
  return calls.filter(
    (call) =>
      call.apiMethod === 'gmail.users.getProfile' ||
      (call.apiMethod === 'gmail.users.history.list' && call.query['pageToken'] === undefined && call.status !== 404),
  ).length;
}

export async function openQueueDesk(session: BenchSession) {
  const { control } = session.fake;
  const gmail = await GmailPage.open(session.context, `${QUEUE_DESK.accountPath}/`);
  const tabId = await gmail.tabId(await extensionWorker(session.context));
  const panel = await PanelPage.open(session.context, tabId);
  // The sign-in button shows once the tab's content script has told the background whose tab it is.
  await panel.signInButton.waitFor();
  await allowTsxFunctions(panel.page);
  const resumeAlarms = await pauseAlarms(panel.page);
  const quota = quotaMinutes(control);

  async function measured(run: () => Promise<Timed>): Promise<SyncRun> {
    quota.makeRoom(RUN_UNITS_BUDGET);
    control.clearRequests();
    const requests = await recordWorkerRequests(session.cdp);
    try {
      const { answer, ms } = await run();
      const view = dataOf<QueueView | null>('queue/get', answer);
      if (!view) throw new Error('queue/get answered no queue (null): the sync never completed a run');
      // Any Gmail call the run caused after answering counts too.
      await requests.settle(Math.max(300, 2 * session.latency));
      const calls = control.requests().filter((entry) => entry.host === GMAIL_API_HOST && entry.account === QUEUE_DESK.email);
      const runs = syncRunsIn(calls);
      if (runs !== 1) throw new Error(`one sync run was asked for, the fake's log shows ${runs}: ${calls.map((call) => call.apiMethod).join(', ')}`);
      const units = unitsOf(calls);
      quota.spend(units);
      const exchanges = requests.exchanges().filter((exchange) => new URL(exchange.url).host === GMAIL_API_HOST);
      return { ms, roundTrips: sequentialRoundTrips(exchanges), units, view };
    } finally {
      await requests.stop();
    }
  }

  return {
    /** Signs the desk in, which starts the first sync: measured from the sign-in's answer. */
    signIn: () => measured(() => signInThenAsk(session, panel.page, tabId)),
    /** One sync run, as the panel's Refresh asks for it. */
    sync: () => measured(() => ask(panel.page, { type: 'queue/get', tabId, source: 'network' })),
    /** Signed out, the desk leaves the cache and the alarm's accounts as it found them. */
    async close(): Promise<void> {
      try {
        // Unchecked: a scenario that failed before signing in is answered not-signed-in.
        await ask(panel.page, { type: 'auth/sign-out', tabId });
      } finally {
        quota.restore();
        await resumeAlarms();
        await panel.page.close();
        await gmail.page.close();
      }
    },
  };
}

export type QueueDesk = Awaited<ReturnType<typeof openQueueDesk>>;
