/**
 * Walking threads.list for a customer's search: every page until Gmail stops giving a
 * nextPageToken, de-duplicated (a thread can move between pages while new mail arrives), up to a cap
 * that is stated, never silent: past it the result says it is incomplete.
 */
import type { HistoryEntry } from './types';

/** Gmail's largest page: ids only, so 500 cost what 1 does (one list call). */
export const LIST_PAGE_SIZE = 500;
/** 10 pages = 5,000 conversations with one customer: beyond that the count reads "5,000+". */
export const MAX_LIST_PAGES = 10;
export const MAX_LISTED_THREADS = LIST_PAGE_SIZE * MAX_LIST_PAGES;

export interface ThreadListPage {
  threads?: { id: string; historyId?: string | undefined }[] | undefined;
  nextPageToken?: string | undefined;
}

export type ListPage = (query: string, pageToken: string | undefined, maxResults: number) => Promise<ThreadListPage>;

export async function listAllThreads(
  listPage: ListPage,
  query: string,
  maxPages = MAX_LIST_PAGES,
): Promise<{ entries: HistoryEntry[]; complete: boolean }> {
  const seen = new Map<string, HistoryEntry>();
  let pageToken: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const answer = await listPage(query, pageToken, LIST_PAGE_SIZE);
    for (const thread of answer.threads ?? []) {
      if (!seen.has(thread.id)) seen.set(thread.id, { threadId: thread.id, historyId: thread.historyId ?? '' });
    }
    pageToken = answer.nextPageToken;
    // A token on a page that added nothing would loop forever on a misbehaving server.
    if (!pageToken || (answer.threads ?? []).length === 0) return { entries: [...seen.values()], complete: true };
  }
  return { entries: [...seen.values()], complete: false };
}
