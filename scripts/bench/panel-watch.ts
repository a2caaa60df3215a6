/**
 * Times what the agent sees, from inside the panel page. A MutationObserver armed before the
 * navigation notes the moment each awaited state is first in the DOM (Preact's commit; the paint
 * follows within a frame). Polling from Playwright would add tens of ms of granularity instead.
 *
 * The navigation happens in the Gmail tab, a different renderer, so both sides stamp Date.now():
 * one system clock for every process, and the same one the fake Google's request log uses (its
 * `at`), so "Gmail calls before the card" compares like with like. Its 1 ms resolution is well
 * below what is measured; performance.now() would need two time origins reconciled.
 */
import type { Page } from '@playwright/test';

/** What to wait for, while the card shows `customerName` (so a previous conversation never counts). */
export type Awaited = { kind: 'card'; customerName: string } | { kind: 'history'; customerName: string };

export interface Seen {
  /** Date.now() in the panel when the state was first in the DOM. */
  at: number;
  /** freshness[data-source] at that moment: 'cache' or 'network'. */
  source: string | null;
  /** For history: rows on screen, data-count, and whether it was the error state. */
  rows: number;
  count: string | null;
  error: boolean;
}

export type Sightings<K extends string> = Record<K, Seen | null>;

interface WatchWindow {
  benchWatch?: Promise<Record<string, Seen | null>>;
}

/** Starts watching; `collect` answers once everything was seen or `timeoutMs` passed. */
export async function armWatch<K extends string>(panel: Page, awaited: Record<K, Awaited>, timeoutMs: number): Promise<void> {
  await panel.evaluate(
    ({ awaited, timeoutMs }) => {
      const byTestId = (id: string, root: ParentNode = document) => root.querySelector(`[data-testid="${id}"]`);
      const look = (what: Awaited): Omit<Seen, 'at'> | null => {
        if (byTestId('customer-name')?.textContent?.trim() !== what.customerName) return null;
        const source = byTestId('freshness')?.getAttribute('data-source') ?? null;
        if (what.kind === 'card') return { source, rows: 0, count: null, error: false };
        const history = document.querySelector('[data-testid="history"][data-state="ready"], [data-testid="history"][data-state="error"]');
        if (!history) return null;
        const rows = history.querySelectorAll('[data-testid="history-row"]').length;
        const count = byTestId('history-count', history)?.getAttribute('data-count') ?? null;
        const error = history.getAttribute('data-state') === 'error';
        return error || rows > 0 || count === '0' ? { source, rows, count, error } : null;
      };
      const seen: Record<string, Seen | null> = Object.fromEntries(Object.keys(awaited).map((name) => [name, null]));
      (window as WatchWindow).benchWatch = new Promise((resolve) => {
        const finish = () => {
          observer.disconnect();
          clearTimeout(timer);
          resolve(seen);
        };
        const check = () => {
          const at = Date.now();
          for (const [name, what] of Object.entries(awaited)) {
            if (seen[name]) continue;
            const state = look(what);
            if (state) seen[name] = { at, ...state };
          }
          if (Object.values(seen).every(Boolean)) finish();
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
        const timer = setTimeout(finish, timeoutMs);
      });
    },
    { awaited: awaited as Record<string, Awaited>, timeoutMs },
  );
}

export async function collectWatch<K extends string>(panel: Page): Promise<Sightings<K>> {
  const seen = await panel.evaluate(() => (window as WatchWindow).benchWatch ?? Promise.reject(new Error('armWatch first')));
  return seen as Sightings<K>;
}
