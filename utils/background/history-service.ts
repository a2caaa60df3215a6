/**
 * The customer's earlier conversations (F3), cache first like the conversation (F12): `fromCache`
 * answers from IndexedDB with no Gmail call; `fromNetwork` lists the customer's threads again and
 * reads details only for rows that are missing or changed; `more` reuses the saved list to show
 * further rows. Nothing is cached before Gmail's answer has parsed.
 */
import type { CacheDb, SummaryRecord } from '../db/schema';
import { readHistory, readSummaries, writeHistory, writeSummaries } from '../db/repositories';
import { GmailError } from '../gmail/errors';
import type { GmailThread } from '../gmail/schemas';
import { type ListPage, listAllThreads } from '../history/listing';
import { customerSearchQuery } from '../history/query';
import { toThreadSummary } from '../history/summary';
import type { HistoryView, ThreadSummary } from '../history/types';
import { type HistoryListing, buildHistoryView, earlierEntries, entriesToDetail, staleEntries } from '../history/view';
import { createSharedRequests } from './shared-requests';

export interface HistoryGmail {
  listThreads: ListPage;
  /** Each thread read with format=metadata, or the error Gmail gave for it. */
  getThreadsForSummary: (threadIds: readonly string[]) => Promise<Map<string, GmailThread | GmailError>>;
}

export interface HistoryServiceDeps {
  db: () => Promise<CacheDb>;
  gmailFor: (account: string) => HistoryGmail;
  now: () => number;
}

/** What the panel asks about: whose history, seen from which open conversation, how many rows. */
export interface HistoryQuery {
  account: string;
  customer: string;
  openThreadId: string;
  rows: number;
}

export function createHistoryService(deps: HistoryServiceDeps) {
  const share = createSharedRequests<HistoryView>();
  const shareListing = createSharedRequests<HistoryListing & { fetchedAt: number }>();

  async function cachedListing(account: string, customer: string) {
    const record = await readHistory(await deps.db(), account, customer);
    return record && { customer, entries: record.entries, complete: record.complete, fetchedAt: record.fetchedAt };
  }

  function listFromGmail(account: string, customer: string) {
    return shareListing(`${account}\n${customer}`, async () => {
      const query = customerSearchQuery(customer);
      const { entries, complete } = query
        ? await listAllThreads(deps.gmailFor(account).listThreads, query)
        : { entries: [], complete: true };
      const fetchedAt = deps.now();
      await writeHistory(await deps.db(), { account, customer, entries, complete, fetchedAt });
      return { customer, entries, complete, fetchedAt };
    });
  }

  async function fromCache(query: HistoryQuery): Promise<HistoryView | null> {
    const listing = await cachedListing(query.account, query.customer);
    if (!listing) return null;
    const { summaries } = await cachedDetails(query, listing);
    return buildHistoryView(listing, query.openThreadId, query.rows, summaries, { source: 'cache', fetchedAt: listing.fetchedAt });
  }

  /** The entries the view needs details for, and the summaries the cache has of them. */
  async function cachedDetails(query: HistoryQuery, listing: HistoryListing) {
    const wanted = entriesToDetail(earlierEntries(listing.entries, query.openThreadId), query.rows, listing.complete);
    const records = await readSummaries(await deps.db(), query.account, wanted.map((entry) => entry.threadId));
    return { wanted, summaries: summariesOf(records) };
  }

  /** Reads the details the view lacks, caches them, and builds the view. */
  async function detailed(query: HistoryQuery, listing: HistoryListing & { fetchedAt: number }): Promise<HistoryView> {
    const { wanted, summaries } = await cachedDetails(query, listing);
    const stale = staleEntries(wanted, summaries);
    if (stale.length > 0) {
      const fresh = await readFromGmail(query.account, stale.map((entry) => entry.threadId));
      await writeSummaries(await deps.db(), query.account, fresh, deps.now());
      for (const summary of fresh) summaries.set(summary.threadId, summary);
    }
    return buildHistoryView(listing, query.openThreadId, query.rows, summaries, { source: 'network', fetchedAt: listing.fetchedAt });
  }

  /**
   * Summaries of the threads Gmail could give. A thread that failed on its own (deleted meanwhile,
   * say) leaves its row without details; when every read failed, or Google refused the token, the
   * error stands for the whole history.
   */
  async function readFromGmail(account: string, threadIds: readonly string[]): Promise<ThreadSummary[]> {
    const answers = await deps.gmailFor(account).getThreadsForSummary(threadIds);
    const threads = [...answers.values()].filter((answer): answer is GmailThread => !(answer instanceof GmailError));
    const errors = [...answers.values()].filter((answer): answer is GmailError => answer instanceof GmailError);
    const refused = errors.find((error) => error.kind === 'unauthorized');
    if (refused) throw refused;
    if (threads.length === 0 && errors[0]) throw errors[0];
    return threads.map(toThreadSummary);
  }

  function key(query: HistoryQuery, kind: string): string {
    return [query.account, query.customer, query.openThreadId, query.rows, kind].join('\n');
  }

  return {
    fromCache,
    /** Lists the customer's threads again, then reads what changed. */
    fromNetwork: (query: HistoryQuery) =>
      share(key(query, 'network'), async () => detailed(query, await listFromGmail(query.account, query.customer))),
    /** More rows of the list already saved (listing again only when there is none). */
    more: (query: HistoryQuery) =>
      share(key(query, 'more'), async () =>
        detailed(query, (await cachedListing(query.account, query.customer)) ?? (await listFromGmail(query.account, query.customer))),
      ),
  };
}

function summariesOf(records: ReadonlyMap<string, SummaryRecord>): Map<string, ThreadSummary> {
  return new Map([...records].map(([threadId, record]) => [threadId, record.summary]));
}

export type HistoryService = ReturnType<typeof createHistoryService>;
