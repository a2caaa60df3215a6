/**
 * The one IndexedDB schema (ARCHITECTURE.md › Storage). Only the background opens it.
 * Every Google-data record is keyed by [account, …] so that one key range reaches all of an
 * account's records: purge and per-account isolation (F8, F10) need no scan.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { HistoryEntry, ThreadSummary } from '../history/types';
import type { Conversation } from '../mail/types';

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

export interface CacheSchema extends DBSchema {
  threads: { key: [string, string]; value: ThreadRecord };
  accounts: { key: [string]; value: AccountRecord };
  summaries: { key: [string, string]; value: SummaryRecord };
  histories: { key: [string, string]; value: HistoryRecord };
}

export type CacheDb = IDBPDatabase<CacheSchema>;
export const DB_NAME = 'icustomer-mail';
export const DB_VERSION = 2;

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
