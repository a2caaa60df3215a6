/**
 * The queue's state (F5): the account's open and pending cases, shown from the cache at once and
 * again once synced with Gmail, and read again from the cache whenever the background says the
 * mailbox changed (a colleague's edit, a new message).
 */
import { batch, signal } from '@preact/signals';
import type { QueueView } from '../cases/types';
import type { AppError } from '../messaging/protocol';
import type { PanelStateDeps } from './state';

/** Whose queue: the tab it is asked through and that tab's signed-in account (F10). */
export interface QueueSubject {
  tabId: number;
  account: string;
}

export function createQueueState(deps: Pick<PanelStateDeps, 'request' | 'rendered'>) {
  const view = signal<QueueView | null>(null);
  const error = signal<AppError | null>(null);
  /** Until Gmail's answer is in: the first read, a refresh. */
  const loading = signal(false);
  let subject: QueueSubject | null = null;

  async function load(target: QueueSubject | null, source: 'cache' | 'network'): Promise<void> {
    if (!target) return;
    if (source === 'network') {
      batch(() => {
        loading.value = true;
        error.value = null;
      });
    }
    const answer = await deps.request({ type: 'queue/get', tabId: target.tabId, source });
    if (target !== subject) return;
    batch(() => {
      if (source === 'network') loading.value = false;
      if (!answer.ok) error.value = answer.error;
      else if (answer.data && !isOlder(answer.data, view.value)) view.value = answer.data;
    });
  }

  async function open(target: QueueSubject): Promise<void> {
    await load(target, 'cache');
    await deps.rendered?.();
    if (target === subject) await load(target, 'network');
  }

  /** Shows the queue of `next`, or nothing; no-op when it is already the one shown. */
  function follow(next: QueueSubject | null): void {
    if (next?.tabId === subject?.tabId && next?.account === subject?.account) return;
    subject = next;
    batch(() => {
      view.value = null;
      error.value = null;
      loading.value = next !== null;
    });
    if (next) void open(next);
  }

  return {
    view,
    error,
    loading,
    follow,
    /** The background synced the mailbox: read what it saved. */
    reread: () => load(subject, 'cache'),
    /** One sync at a time: the button is pressed again while Gmail is still answering. */
    refresh: () => (loading.value ? Promise.resolve() : load(subject, 'network')),
  };
}

/** A cache read and a sync can answer out of order: an older queue never replaces a newer one. */
function isOlder(next: QueueView, shown: QueueView | null): boolean {
  const shownAt = shown?.syncedAt ?? null;
  return shownAt !== null && (next.syncedAt === null || next.syncedAt < shownAt);
}

export type QueueState = ReturnType<typeof createQueueState>;
