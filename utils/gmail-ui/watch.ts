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
  let threadViewSince = 0;
  let lastRoute = '';
  // Two independent timers: DOM bursts are throttled, and a missing id gets one grace re-check.
  // A pending grace re-check must not swallow the DOM check that finds the id early.
  const throttled = onceAtATime(DOM_CHECK_THROTTLE_MS);
  const graceRecheck = onceAtATime(IDENTIFY_GRACE_MS);

  function check(): void {
    const page = deps.page();
    const context = readGmailContext(page);
    if (!context) return;
    if (page.hash !== lastRoute) {
      lastRoute = page.hash;
      threadViewSince = deps.now();
    }
    if (context.view === 'thread' && context.threadId === null) {
      const waited = deps.now() - threadViewSince;
      if (waited < IDENTIFY_GRACE_MS) return graceRecheck(IDENTIFY_GRACE_MS - waited);
    }
    const serialized = JSON.stringify(context);
    if (serialized === lastReported) return;
    lastReported = serialized;
    deps.report(context);
  }

  /** A scheduler that keeps at most one pending call of `check`. */
  function onceAtATime(defaultDelay: number) {
    let pending = false;
    return (delay = defaultDelay) => {
      if (pending) return;
      pending = true;
      deps.setTimeout(() => {
        pending = false;
        check();
      }, delay);
    };
  }

  deps.onHashChange(check);
  const stop = deps.observeDom(() => throttled(), WATCHED_ATTRIBUTES);
  check();
  return stop;
}
