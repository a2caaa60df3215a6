import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_HOURS } from '../../../utils/cases/sla';
import type { QueueRow, QueueView } from '../../../utils/cases/types';
import { createQueueState } from '../../../utils/panel/queue-state';
import { controlledRequest, flush } from './controlled-request';
import { THREAD_A } from './fixtures';

function queueView(syncedAt: number | null, rows = 1): QueueView {
  const row: QueueRow = { threadId: THREAD_A, subject: 'Refund', customer: null, status: 'Open', priority: 'P1', timeline: [{ at: 1, fromCustomer: true }] };
  return { rows: Array.from({ length: rows }, () => row), unread: 0, syncedAt, slaHours: { ...DEFAULT_SLA_HOURS } };
}

function setup() {
  const control = controlledRequest();
  return { ...control, queue: createQueueState({ request: control.request }) };
}

const AGENT = { tabId: 7, account: 'agent@acme.com' };

describe('queue state', () => {
  it('shows the saved queue at once, then the one synced with Gmail', async () => {
    const { queue, answer } = setup();
    queue.follow(AGENT);
    expect(queue.loading.value).toBe(true);
    await answer({ type: 'queue/get', tabId: 7, source: 'cache' }, { ok: true, data: queueView(100) });
    expect(queue.view.value?.syncedAt).toBe(100);
    expect(queue.loading.value).toBe(true);
    await answer({ type: 'queue/get', tabId: 7, source: 'network' }, { ok: true, data: queueView(200, 2) });
    expect(queue.view.value?.rows).toHaveLength(2);
    expect(queue.loading.value).toBe(false);
  });

  it('stays loading until the first sync when nothing was saved yet', async () => {
    const { queue, answer } = setup();
    queue.follow(AGENT);
    await answer({ source: 'cache' }, { ok: true, data: null });
    expect(queue.view.value).toBeNull();
    expect(queue.loading.value).toBe(true);
  });

  it('reads the saved queue again after a sync, and never replaces a newer queue with an older one', async () => {
    const { queue, answer } = setup();
    queue.follow(AGENT);
    await answer({ source: 'cache' }, { ok: true, data: null });
    await answer({ source: 'network' }, { ok: true, data: queueView(200) });
    void queue.reread();
    await answer({ source: 'cache' }, { ok: true, data: queueView(300, 3) });
    expect(queue.view.value?.rows).toHaveLength(3);
    void queue.reread();
    await answer({ source: 'cache' }, { ok: true, data: queueView(250, 5) });
    expect(queue.view.value?.syncedAt).toBe(300);
  });

  it('keeps the error, and retries with a sync', async () => {
    const { queue, answer } = setup();
    queue.follow(AGENT);
    await answer({ source: 'cache' }, { ok: true, data: null });
    await answer({ source: 'network' }, { ok: false, error: { code: 'rate-limited' } });
    expect(queue.error.value).toEqual({ code: 'rate-limited' });
    expect(queue.loading.value).toBe(false);
    void queue.refresh();
    expect(queue.error.value).toBeNull();
    expect(queue.loading.value).toBe(true);
    await answer({ source: 'network' }, { ok: true, data: queueView(200) });
    expect(queue.view.value?.syncedAt).toBe(200);
  });

  it('syncs once however often Refresh is pressed', async () => {
    const { queue, answer, waiting } = setup();
    queue.follow(AGENT);
    await answer({ source: 'cache' }, { ok: true, data: queueView(100) });
    void queue.refresh();
    void queue.refresh();
    await flush();
    expect(waiting('queue/get')).toHaveLength(1);
  });

  it('drops answers about a queue no longer shown', async () => {
    const { queue, answer } = setup();
    queue.follow(AGENT);
    queue.follow(null);
    expect(queue.loading.value).toBe(false);
    await answer({ source: 'cache' }, { ok: true, data: queueView(100) });
    expect(queue.view.value).toBeNull();
  });

  it('does nothing when the same queue is followed again', async () => {
    const { queue, answer, pending } = setup();
    queue.follow(AGENT);
    await answer({ source: 'cache' }, { ok: true, data: null });
    await answer({ source: 'network' }, { ok: true, data: queueView(200) });
    queue.follow({ ...AGENT });
    await flush();
    expect(pending).toEqual([]);
  });
});
