/**
 * Which history threads need details, and the view the panel gets. Details are read only for the
 * rows on screen plus the oldest conversation (it dates the first contact), and only when the
 * cached copy is missing or Gmail's list shows a newer historyId: a customer with hundreds of
 * threads costs list calls plus a handful of reads (F12).
 */
import type { HistoryEntry, HistoryView, ThreadSummary } from './types';

export interface HistoryListing {
  customer: string;
  entries: readonly HistoryEntry[];
  complete: boolean;
}

/** Every thread found except the conversation that is open: that one is not "earlier". */
export function earlierEntries(entries: readonly HistoryEntry[], openThreadId: string): HistoryEntry[] {
  return entries.filter((entry) => entry.threadId !== openThreadId);
}

/** The entries whose details the view needs: the first `rows`, and the oldest when known. */
export function entriesToDetail(earlier: readonly HistoryEntry[], rows: number, complete: boolean): HistoryEntry[] {
  const shown = earlier.slice(0, rows);
  const oldest = earlier.at(-1);
  return complete && oldest && earlier.length > rows ? [...shown, oldest] : shown;
}

/** Entries without a cached summary, or whose cached summary is older than what Gmail listed. */
export function staleEntries(
  entries: readonly HistoryEntry[],
  cached: ReadonlyMap<string, ThreadSummary>,
): HistoryEntry[] {
  return entries.filter((entry) => {
    const summary = cached.get(entry.threadId);
    return !summary || (entry.historyId !== '' && summary.historyId !== entry.historyId);
  });
}

export function buildHistoryView(
  listing: HistoryListing,
  openThreadId: string,
  rows: number,
  summaries: ReadonlyMap<string, ThreadSummary>,
  meta: Pick<HistoryView, 'source' | 'fetchedAt'>,
): HistoryView {
  const earlier = earlierEntries(listing.entries, openThreadId);
  const shown = earlier.slice(0, rows);
  const newest = earlier[0];
  const oldest = earlier.at(-1);
  return {
    customer: listing.customer,
    total: earlier.length,
    complete: listing.complete,
    rows: shown.map((entry) => ({ threadId: entry.threadId, summary: summaries.get(entry.threadId) ?? null })),
    firstContactAt: (listing.complete && oldest && summaries.get(oldest.threadId)?.firstMessageAt) || null,
    lastContactAt: (newest && summaries.get(newest.threadId)?.lastMessageAt) || null,
    ...meta,
  };
}
