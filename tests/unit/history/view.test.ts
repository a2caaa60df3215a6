import { describe, expect, it } from 'vitest';
import type { HistoryEntry, ThreadSummary } from '../../../utils/history/types';
import { buildHistoryView, earlierEntries, entriesToDetail, staleEntries } from '../../../utils/history/view';

const entry = (threadId: string, historyId = `h-${threadId}`): HistoryEntry => ({ threadId, historyId });
const summary = (threadId: string, first: number, last: number, historyId = `h-${threadId}`): ThreadSummary => ({
  threadId,
  historyId,
  subject: `Subject ${threadId}`,
  messageCount: 2,
  firstMessageAt: first,
  lastMessageAt: last,
  labelIds: [],
});

// Newest first, as Gmail lists them; 'open' is the conversation on screen.
const entries = ['e1', 'open', 'e2', 'e3', 'e4', 'e5'].map((id) => entry(id));

describe('which threads need details', () => {
  it('leaves out the open conversation', () => {
    expect(earlierEntries(entries, 'open').map((e) => e.threadId)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
  });

  it('details the rows on screen and the oldest, which dates the first contact', () => {
    const earlier = earlierEntries(entries, 'open');
    expect(entriesToDetail(earlier, 2, true).map((e) => e.threadId)).toEqual(['e1', 'e2', 'e5']);
    expect(entriesToDetail(earlier, 10, true).map((e) => e.threadId)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
  });

  it('does not guess an oldest thread when the list is incomplete', () => {
    expect(entriesToDetail(earlierEntries(entries, 'open'), 2, false).map((e) => e.threadId)).toEqual(['e1', 'e2']);
  });

  it('reads again only what is missing or has a newer historyId', () => {
    const cached = new Map([
      ['e1', summary('e1', 1, 2)],
      ['e2', summary('e2', 1, 2, 'old')],
    ]);
    const wanted = [entry('e1'), entry('e2'), entry('e3'), entry('e4', '')];
    expect(staleEntries(wanted, cached).map((e) => e.threadId)).toEqual(['e2', 'e3', 'e4']);
    expect(staleEntries([entry('e1', '')], cached)).toEqual([]);
  });
});

describe('buildHistoryView', () => {
  const summaries = new Map([
    ['e1', summary('e1', 500, 900)],
    ['e2', summary('e2', 300, 400)],
    ['e5', summary('e5', 100, 150)],
  ]);
  const listing = { customer: 'c@x.example', entries, complete: true };

  it('counts earlier conversations and dates the first and last contact', () => {
    const view = buildHistoryView(listing, 'open', 2, summaries, { source: 'network', fetchedAt: 7 });
    expect(view).toEqual({
      customer: 'c@x.example',
      total: 5,
      complete: true,
      rows: [
        { threadId: 'e1', summary: summaries.get('e1') },
        { threadId: 'e2', summary: summaries.get('e2') },
      ],
      firstContactAt: 100,
      lastContactAt: 900,
      source: 'network',
      fetchedAt: 7,
    });
  });

  it('shows rows without details as such, and no first contact for an incomplete list', () => {
    const view = buildHistoryView({ ...listing, complete: false }, 'open', 3, summaries, { source: 'cache', fetchedAt: 7 });
    expect(view.rows[2]).toEqual({ threadId: 'e3', summary: null });
    expect(view.firstContactAt).toBeNull();
    expect(view.complete).toBe(false);
  });

  it('is empty for a customer with only the open conversation', () => {
    const view = buildHistoryView({ ...listing, entries: [entry('open')] }, 'open', 5, summaries, { source: 'network', fetchedAt: 7 });
    expect(view).toMatchObject({ total: 0, rows: [], firstContactAt: null, lastContactAt: null });
  });
});
