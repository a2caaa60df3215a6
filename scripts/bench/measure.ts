/**
 * One measured navigation: the fake's request log cleared and the worker's requests recorded from
 * just before it, the panel watched for the awaited states, then a quiet period so every Gmail call
 * the open caused is counted.
 */
import { QUOTA_UNITS } from '../../tests/fake-google/quota';
import type { RequestLogEntry } from '../../tests/fake-google/index';
import { type Awaited, type Sightings, armWatch, collectWatch } from './panel-watch';
import type { BenchConversation } from './seed';
import { type BenchSession, openConversation } from './session';
import { type Exchange, recordWorkerRequests, sequentialRoundTrips } from './worker-requests';

export const GMAIL_API_HOST = 'gmail.googleapis.com';
export const TIMEOUT_MS = 10_000;
export const HISTORY_MISSING = `not available: no [data-testid=history][data-state=ready] with rows within ${TIMEOUT_MS / 1000} s`;

export const cardOf = (c: BenchConversation): Awaited => ({ kind: 'card', customerName: c.customerName });
export const historyOf = (c: BenchConversation): Awaited => ({ kind: 'history', customerName: c.customerName });

export interface OpenMeasurement<K extends string> {
  threadId: string;
  /** Date.now() in the Gmail tab right before the hash changed. */
  startedAt: number;
  seen: Sightings<K>;
  /** The worker's requests to the Gmail API. */
  exchanges: Exchange[];
  /** The fake's log of Gmail API calls (batch parts included, each with its quota units). */
  calls: RequestLogEntry[];
}

export async function measureOpen<K extends string>(
  session: BenchSession,
  subject: string,
  awaited: Record<K, Awaited>,
): Promise<OpenMeasurement<K>> {
  const { control } = session.fake;
  control.clearRequests();
  const requests = await recordWorkerRequests(session.cdp);
  try {
    await armWatch(session.panel.page, awaited, TIMEOUT_MS);
    const startedAt = await openConversation(session, subject);
    const seen = await collectWatch<K>(session.panel.page);
    // A background refresh or row details may still be on their way after the last awaited state.
    await requests.settle(Math.max(300, 2 * session.latency));
    return {
      threadId: session.threadId(subject),
      startedAt,
      seen,
      exchanges: requests.exchanges().filter((exchange) => new URL(exchange.url).host === GMAIL_API_HOST),
      calls: control.requests().filter((entry) => entry.host === GMAIL_API_HOST),
    };
  } finally {
    await requests.stop();
  }
}

/** ms from the navigation to `key` on screen; null when it never appeared, or showed its error. */
export function elapsed(measurement: OpenMeasurement<string>, key: string): number | null {
  const seen = measurement.seen[key];
  return seen && !seen.error ? seen.at - measurement.startedAt : null;
}

/** The card's time. The card exists today, so one that never appears is a failure, not "n/a". */
export function cardTime(measurement: OpenMeasurement<string>, c: BenchConversation): number {
  const ms = elapsed(measurement, 'card');
  if (ms === null) throw new Error(`the customer card for "${c.subject}" did not appear within ${TIMEOUT_MS / 1000} s`);
  return ms;
}

/** Says how many runs showed `key`'s error state instead; null when none did. */
export function errorRuns(measurements: readonly OpenMeasurement<string>[], key: string): string | null {
  const errors = measurements.filter((m) => m.seen[key]?.error).length;
  return errors > 0 ? `${errors} run(s) showed the error state` : null;
}

export const roundTrips = (measurement: OpenMeasurement<string>) => sequentialRoundTrips(measurement.exchanges);

export const unitsOf = (calls: readonly RequestLogEntry[]) => calls.reduce((sum, call) => sum + call.quotaUnits, 0);

const isThreadRead = (call: RequestLogEntry) => call.apiMethod === 'gmail.users.threads.get';
const readsThread = (call: RequestLogEntry, threadId: string) => isThreadRead(call) && call.path.endsWith(`/threads/${threadId}`);

/** Reads of the open thread: the customer card. */
export function cardCalls(measurement: OpenMeasurement<string>): RequestLogEntry[] {
  return measurement.calls.filter((call) => readsThread(call, measurement.threadId));
}

/** Reads of threads other than the open one: the details of history rows. */
export function rowDetailCalls(measurement: OpenMeasurement<string>): RequestLogEntry[] {
  return measurement.calls.filter((call) => isThreadRead(call) && !readsThread(call, measurement.threadId));
}

/** Gmail calls the fake logged before `key` was on screen. */
export function callsBefore(measurement: OpenMeasurement<string>, key: string): number | null {
  const seen = measurement.seen[key];
  return seen ? measurement.calls.filter((call) => call.at <= seen.at).length : null;
}

export const UNITS = {
  threadsGet: QUOTA_UNITS['gmail.users.threads.get'] ?? 0,
  threadsList: QUOTA_UNITS['gmail.users.threads.list'] ?? 0,
  getProfile: QUOTA_UNITS['gmail.users.getProfile'] ?? 0,
  labelsList: QUOTA_UNITS['gmail.users.labels.list'] ?? 0,
  historyList: QUOTA_UNITS['gmail.users.history.list'] ?? 0,
};

export const present = (values: readonly (number | null)[]) => values.filter((value): value is number => value !== null);
