/**
 * The one IndexedDB schema (ARCHITECTURE.md › Storage). Only the background opens it.
 * Every Google-data record is keyed by [account, …] so that one key range reaches all of an
 * account's records: purge and per-account isolation (F8, F10) need no scan.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { CaseEntry } from '../cases/entry';
import type { GmailLabel } from '../cases/labels';
import type { HistoryEntry, ThreadSummary } from '../history/types';
import type { Conversation } from '../mail/types';
import type { AccessCategory, AccessFeature } from '../privacy/access-kinds';

export interface ThreadRecord {
  account: string;
  threadId: string;
  conversation: Conversation;
  /** Epoch ms when Gmail last answered for this thread (retention counts from here). */
  fetchedAt: number;
}

/** A history row's details (F3), read with format=metadata; kept apart from the card's full read. */
export interface SummaryRecord {
  account: string;
  threadId: string;
  summary: ThreadSummary;
  fetchedAt: number;
}

/** The threads a customer's search found, newest first (F3). */
export interface HistoryRecord {
  account: string;
  /** The customer's lower-cased address. */
  customer: string;
  entries: HistoryEntry[];
  /** false when listing stopped at its cap. */
  complete: boolean;
  fetchedAt: number;
}

export interface AccountRecord {
  account: string;
  name: string;
  signedInAt: number;
}

/** An Open or Pending case of the account's mailbox, as the queue shows it (F5). */
export interface CaseRecord {
  account: string;
  threadId: string;
  entry: CaseEntry;
  fetchedAt: number;
}

/** How far the account's queue is in step with Gmail (F5): the history cursor and the labels. */
export interface MailboxRecord {
  account: string;
  /** users.history.list resumes from here; null before the first full sync. */
  historyId: string | null;
  /** The mailbox's labels (ids and names) as last listed: case labels are matched by name. */
  labels: GmailLabel[];
  /** Cases listed but not read yet: a large first sync is spread over several runs (quota). */
  unread: string[];
  /** When the queue was last brought up to date; null before the first sync. */
  syncedAt: number | null;
  /** Syncs completed so far: tells panels to re-read, whatever the clock says. */
  revision: number;
}

/**
 * The reply draft the extension last put in a thread (F6), so that inserting again offers to
 * replace it instead of piling up drafts. Ids only; the draft itself stays in Gmail.
 */
export interface DraftRecord {
  account: string;
  threadId: string;
  /** Gmail's draft id: stays the same when the draft is edited or replaced. */
  draftId: string;
  /** The draft's message id when we wrote it: Gmail gives a new one when the agent edits it. */
  messageId: string;
  /** When the extension wrote it (retention counts from here). */
  fetchedAt: number;
}

/**
 * One access to Google data (F7 access log): when, for which feature, which category of data,
 * which Gmail method, how many items. Never content, never a customer's address: the only
 * address is the agent's own account. Kept six months, then removed by the retention job.
 */
export interface AccessLogRecord {
  account: string;
  /** Epoch ms of the access. */
  at: number;
  /** Tells apart two accesses in the same millisecond. */
  id: string;
  feature: AccessFeature;
  category: AccessCategory;
  /** Google's method id, e.g. 'gmail.users.threads.get'. */
  method: string;
  /** Items Google returned (threads, messages, labels, changes); 0 when the call failed. */
  items: number;
  /** Whether Google answered with the data (false: an error; the status says which). */
  ok: boolean;
  status: number;
}

export interface CacheSchema extends DBSchema {
  threads: { key: [string, string]; value: ThreadRecord };
  accounts: { key: [string]; value: AccountRecord };
  summaries: { key: [string, string]; value: SummaryRecord };
  histories: { key: [string, string]; value: HistoryRecord };
  cases: { key: [string, string]; value: CaseRecord };
  mailboxes: { key: [string]; value: MailboxRecord };
  drafts: { key: [string, string]; value: DraftRecord };
  accessLog: { key: [string, number, string]; value: AccessLogRecord; indexes: { 'by-at': number } };
}

export type CacheDb = IDBPDatabase<CacheSchema>;
export const DB_NAME = 'icustomer-mail';
export const DB_VERSION = 5;

/** `onClose` runs when the connection is given up, so the next caller opens a fresh one. */
export async function openCacheDb(onClose: () => void = () => {}): Promise<CacheDb> {
  const db = await openDB<CacheSchema>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion) {
      // The upgrade ladder: one step per version, never edited once released.
      if (oldVersion < 1) {
        database.createObjectStore('threads', { keyPath: ['account', 'threadId'] });
        database.createObjectStore('accounts', { keyPath: ['account'] });
      }
      if (oldVersion < 2) {
        database.createObjectStore('summaries', { keyPath: ['account', 'threadId'] });
        database.createObjectStore('histories', { keyPath: ['account', 'customer'] });
      }
      if (oldVersion < 3) {
        database.createObjectStore('cases', { keyPath: ['account', 'threadId'] });
        database.createObjectStore('mailboxes', { keyPath: ['account'] });
      }
      if (oldVersion < 4) {
        database.createObjectStore('drafts', { keyPath: ['account', 'threadId'] });
      }
      if (oldVersion < 5) {
        // Keyed by account then time: one account's log, newest first, is one key range.
        const accessLog = database.createObjectStore('accessLog', { keyPath: ['account', 'at', 'id'] });
        // The retention job removes old entries of every account at once.
        accessLog.createIndex('by-at', 'at');
      }
    },
    // Another context (a purge's deleteDB, a newer version) needs the database: let go at once.
    blocking() {
      db.close();
      onClose();
    },
    terminated: onClose,
  });
  return db;
}

/** One shared connection, reopened after it was closed for a purge or an upgrade elsewhere. */
export function createDbConnection(): () => Promise<CacheDb> {
  let connection: Promise<CacheDb> | null = null;
  return () => {
    connection ??= openCacheDb(() => {
      connection = null;
    });
    return connection;
  };
}
