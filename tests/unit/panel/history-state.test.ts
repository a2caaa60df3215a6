import { describe, expect, it } from 'vitest';
import type { HistoryView } from '../../../utils/history/types';
import { FIRST_ROWS, MORE_ROWS, createHistoryState } from '../../../utils/panel/history-state';
import { controlledRequest } from './controlled-request';
import { THREAD_A, THREAD_B } from './fixtures';

function historyView(customer: string, source: HistoryView['source'], total = 12): HistoryView {
  return { customer, total, complete: true, rows: [], firstContactAt: 1, lastContactAt: 2, source, fetchedAt: 3 };
}

function setup() {
  const control = controlledRequest();
  return { ...control, history: createHistoryState({ request: control.request }) };
}

const BOB = { tabId: 7, threadId: THREAD_A, customer: 'bob@customer.example' };

describe('history state', () => {
  it('shows the cached history, then Gmail’s, for the rows that fit on screen', async () => {
    const { history, answer } = setup();
    void history.follow(BOB);
    await answer({ type: 'history/get', tabId: 7, source: 'cache', rows: FIRST_ROWS }, { ok: true, data: historyView(BOB.customer, 'cache') });
    expect(history.view.value?.source).toBe('cache');
    expect(history.loading.value).toBe(true);
    await answer({ type: 'history/get', source: 'network', rows: FIRST_ROWS }, { ok: true, data: historyView(BOB.customer, 'network') });
    expect(history.view.value?.source).toBe('network');
    expect(history.loading.value).toBe(false);
  });

  it('asks for more rows of the saved list', async () => {
    const { history, answer } = setup();
    void history.follow(BOB);
    await answer({ source: 'cache' }, { ok: true, data: null });
    await answer({ source: 'network' }, { ok: true, data: historyView(BOB.customer, 'network') });
    void history.showMore();
    await answer({ type: 'history/get', source: 'more', rows: FIRST_ROWS + MORE_ROWS }, { ok: true, data: historyView(BOB.customer, 'network') });
    expect(history.loading.value).toBe(false);
  });

  it('does nothing when the same customer is followed again from the same conversation', async () => {
    const { history, answer, pending } = setup();
    void history.follow(BOB);
    await answer({ source: 'cache' }, { ok: true, data: null });
    await answer({ source: 'network' }, { ok: true, data: historyView(BOB.customer, 'network') });
    void history.follow({ ...BOB });
    expect(pending).toEqual([]);
  });

  it('drops answers about a customer the agent has left', async () => {
    const { history, answer, pending } = setup();
    void history.follow(BOB);
    await answer({ source: 'cache' }, { ok: true, data: null });
    void history.follow({ tabId: 7, threadId: THREAD_B, customer: 'eve@other.example' });
    const late = pending.splice(pending.findIndex((p) => p.request.type === 'history/get' && p.request.source === 'network'), 1)[0];
    late?.resolve({ ok: true, data: historyView(BOB.customer, 'network') });
    await answer({ source: 'cache' }, { ok: true, data: null });
    expect(history.view.value).toBeNull();
    await answer({ source: 'network' }, { ok: true, data: historyView('eve@other.example', 'network', 1) });
    expect(history.view.value?.customer).toBe('eve@other.example');
  });

  it('keeps the error for the section, and retries from Gmail', async () => {
    const { history, answer } = setup();
    void history.follow(BOB);
    await answer({ source: 'cache' }, { ok: true, data: null });
    await answer({ source: 'network' }, { ok: false, error: { code: 'rate-limited' } });
    expect(history.error.value).toEqual({ code: 'rate-limited' });
    void history.retry();
    expect(history.error.value).toBeNull();
    await answer({ source: 'network' }, { ok: true, data: historyView(BOB.customer, 'network') });
    expect(history.view.value?.total).toBe(12);
  });

  it('clears when no customer is followed', async () => {
    const { history, answer } = setup();
    void history.follow(BOB);
    await answer({ source: 'cache' }, { ok: true, data: historyView(BOB.customer, 'cache') });
    void history.follow(null);
    expect(history.view.value).toBeNull();
  });
});
