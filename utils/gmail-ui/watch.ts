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
  /**
   * A conversation was opened and its ids are not in the DOM yet: every DOM change is checked then,
   * unthrottled, since Gmail renders a conversation in several steps and the panel is waiting. It
   * lasts until the ids appear or the grace period ends; the rest of the time DOM changes are
   * throttled.
   */
  let searching = false;
  // Two independent timers: DOM bursts are throttled, and a missing id gets one grace re-check.
  // A pending grace re-check must not swallow the DOM check that finds the id early.
  const throttled = throttle(DOM_CHECK_THROTTLE_MS);
  const graceRecheck = onceAtATime(IDENTIFY_GRACE_MS);

  function check(): void {
    const page = deps.page();
    const context = readGmailContext(page);
    if (!context) return;
    if (page.hash !== lastRoute) {
      lastRoute = page.hash;
      threadViewSince = deps.now();
    }
    searching = false;
    if (context.view === 'thread' && context.threadId === null) {
      const waited = deps.now() - threadViewSince;
      if (waited < IDENTIFY_GRACE_MS) {
        searching = true;
        return graceRecheck(IDENTIFY_GRACE_MS - waited);
      }
    }
    // Senders come along with a report but do not cause one: a change means account, view or thread.
    const serialized = JSON.stringify({ ...context, senders: undefined });
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

  /**
   * The first DOM change of a quiet period is checked at once — Gmail swaps in the conversation in
   * one go, and waiting would put the whole delay in front of the panel — and the rest of a burst
   * at most once per `ms`, at its end, so the last state is never missed.
   */
  function throttle(ms: number) {
    let lastRun = Number.NEGATIVE_INFINITY;
    let pending = false;
    const run = () => {
      lastRun = deps.now();
      check();
    };
    return () => {
      if (pending) return;
      const wait = lastRun + ms - deps.now();
      if (wait <= 0) return run();
      pending = true;
      deps.setTimeout(() => {
        pending = false;
        run();
      }, wait);
    };
  }

  deps.onHashChange(check);
  const stop = deps.observeDom(() => (searching ? check() : throttled()), WATCHED_ATTRIBUTES);
  check();
  return stop;
}
