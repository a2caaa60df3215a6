/**
 * The history section's state (F3): follows the customer of the conversation on screen, shows the
 * cached history at once and then Gmail's, and grows by a page of rows when the agent asks for more.
 */
import { batch, signal } from '@preact/signals';
import { MAX_LISTED_THREADS } from '../history/listing';
import type { HistoryView } from '../history/types';
import type { AppError } from '../messaging/protocol';
import type { PanelStateDeps } from './state';

/** Rows read on a cold open: each costs a thread read (F12), so only what fits on screen. */
export const FIRST_ROWS = 5;
export const MORE_ROWS = 20;

interface Subject {
  tabId: number;
  threadId: string;
  customer: string;
}

export function createHistoryState(deps: Pick<PanelStateDeps, 'request' | 'rendered'>) {
  const view = signal<HistoryView | null>(null);
  const error = signal<AppError | null>(null);
  const loading = signal(false);
  let subject: Subject | null = null;
  let rows = FIRST_ROWS;
  /** Bumped for every load, so an answer about a customer the agent already left is dropped. */
  let sequence = 0;

  async function load(source: 'cache' | 'network' | 'more'): Promise<void> {
    const current = subject;
    if (!current) return;
    const mine = ++sequence;
    batch(() => {
      loading.value = true;
      error.value = null;
    });
    const answer = await deps.request({ type: 'history/get', tabId: current.tabId, customer: current.customer, source, rows });
    if (mine !== sequence) return;
    batch(() => {
      if (source !== 'cache') loading.value = false;
      if (answer.ok && answer.data) view.value = answer.data;
      else if (!answer.ok) error.value = answer.error;
    });
  }

  /** Shows the history of `customer` as seen from the open conversation; no-op when unchanged. */
  async function follow(next: Subject | null): Promise<void> {
    if (sameSubject(subject, next)) return;
    subject = next;
    rows = FIRST_ROWS;
    sequence++;
    batch(() => {
      view.value = null;
      error.value = null;
      loading.value = false;
    });
    if (!next) return;
    await load('cache');
    await deps.rendered?.();
    await load('network');
  }

  return {
    view,
    error,
    loading,
    follow,
    showMore: () => {
      rows = Math.min(rows + MORE_ROWS, MAX_LISTED_THREADS);
      return load('more');
    },
    retry: () => load('network'),
  };
}

function sameSubject(a: Subject | null, b: Subject | null): boolean {
  return a?.tabId === b?.tabId && a?.threadId === b?.threadId && a?.customer === b?.customer;
}

export type HistoryState = ReturnType<typeof createHistoryState>;
