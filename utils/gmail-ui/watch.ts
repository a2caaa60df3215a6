/**
 * Keeps the background told which account and conversation a Gmail tab shows (F2). Gmail is a
 * single-page app, so this listens for hash changes and, throttled, for DOM changes; it reports only
 * when the context changed. A conversation whose ids have not appeared yet is given a moment before
 * it is reported as unidentifiable, so the panel does not flash an error while Gmail renders.
 */
import type { GmailContext } from '../messaging/protocol';
import { type GmailPage, readGmailContext } from './read-context';
import { WATCHED_ATTRIBUTES } from './selectors';

export interface WatchDeps {
  page: () => GmailPage;
  report: (context: GmailContext) => void;
  /** Runs `check` after a DOM change; returns a stop function. */
  observeDom: (check: () => void, attributes: string[]) => () => void;
  onHashChange: (check: () => void) => void;
  setTimeout: (callback: () => void, ms: number) => unknown;
  now: () => number;
}

export const DOM_CHECK_THROTTLE_MS = 150;
export const IDENTIFY_GRACE_MS = 1500;

export function watchGmail(deps: WatchDeps): () => void {
  let lastReported = '';
  let checkScheduled = false;
  let threadViewSince = 0;
  let lastRoute = '';

  function check(): void {
    checkScheduled = false;
    const page = deps.page();
    const context = readGmailContext(page);
    if (!context) return;
    if (page.hash !== lastRoute) {
      lastRoute = page.hash;
      threadViewSince = deps.now();
    }
    if (context.view === 'thread' && context.threadId === null) {
      const waited = deps.now() - threadViewSince;
      if (waited < IDENTIFY_GRACE_MS) {
        scheduleCheck(IDENTIFY_GRACE_MS - waited);
        return;
      }
    }
    const serialized = JSON.stringify(context);
    if (serialized === lastReported) return;
    lastReported = serialized;
    deps.report(context);
  }

  function scheduleCheck(delay = DOM_CHECK_THROTTLE_MS): void {
    if (checkScheduled) return;
    checkScheduled = true;
    deps.setTimeout(check, delay);
  }

  deps.onHashChange(check);
  const stop = deps.observeDom(() => scheduleCheck(), WATCHED_ATTRIBUTES);
  check();
  return stop;
}
