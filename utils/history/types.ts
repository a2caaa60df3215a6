/**
 * The customer's earlier conversations (F3) as the panel shows them. Plain JSON: it crosses from the
 * background to the panel and is cached in IndexedDB unchanged.
 */

/** One thread of the history, from a cheap metadata read (subject and dates, no bodies). */
export interface ThreadSummary {
  threadId: string;
  /** Gmail's historyId when read: a list answer with the same one means nothing changed. */
  historyId: string;
  /** Decoded subject of the first message; '' when there is none. */
  subject: string;
  /** Messages in the thread, drafts excluded. */
  messageCount: number;
  /** internalDate (epoch ms) of the oldest and newest non-draft message. */
  firstMessageAt: number;
  lastMessageAt: number;
  /** Gmail label ids on any message of the thread (case status lives in labels). */
  labelIds: string[];
}

/** A thread the customer's search found, as threads.list names it. */
export interface HistoryEntry {
  threadId: string;
  /** '' when Gmail gave none (then a cached summary is trusted as is). */
  historyId: string;
}

export interface HistoryRow {
  threadId: string;
  /** null while not read yet, or when Gmail could not give it. */
  summary: ThreadSummary | null;
}

export interface HistoryView {
  /** The customer's address the search used. */
  customer: string;
  /** Earlier conversations: every thread found except the open one. */
  total: number;
  /** false when listing stopped at its cap: `total` is then a lower bound and says so on screen. */
  complete: boolean;
  /** Newest first; as many as the panel asked for (or fewer when there are fewer). */
  rows: HistoryRow[];
  /** When the oldest earlier conversation began; null when unknown or there is none. */
  firstContactAt: number | null;
  /** The newest earlier conversation's last message; null when there is none. */
  lastContactAt: number | null;
  source: 'cache' | 'network';
  fetchedAt: number;
}
