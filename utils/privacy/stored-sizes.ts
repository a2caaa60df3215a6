/**
 * What the privacy centre shows as stored (F7): per category, how many records of the tab's
 * account and roughly how many bytes — the records' JSON, the way the export writes them.
 */
import type { CacheDb } from '../db/schema';
import { type AccountRecords, CACHE_STORES, type CacheStore, readAccountRecords } from './account-records';
import { STORED_CATEGORIES, type StoredCategory, type StoredCategorySize } from './schemas';

/** The stores behind each category, as the agent thinks of them; each store is in exactly one. */
export const CATEGORY_STORES: Record<StoredCategory, readonly CacheStore[]> = {
  account: ['accounts'],
  conversations: ['threads'],
  history: ['summaries', 'histories'],
  queue: ['cases', 'mailboxes'],
  drafts: ['drafts'],
  'access-log': ['accessLog'],
};

const encoder = new TextEncoder();

/** UTF-8 bytes of the record's JSON: what it weighs in the exported file. */
export function jsonBytes(record: unknown): number {
  return encoder.encode(JSON.stringify(record)).length;
}

/** Every category, in STORED_CATEGORIES order, zero when empty or when the account is unknown. */
export async function storedSizes(db: CacheDb, account: string | null): Promise<StoredCategorySize[]> {
  const records = account === null ? null : await readAll(db, account);
  return STORED_CATEGORIES.map((category) => {
    const inCategory = records ? CATEGORY_STORES[category].flatMap((store): unknown[] => records[store]) : [];
    return { category, count: inCategory.length, bytes: inCategory.reduce((sum: number, record) => sum + jsonBytes(record), 0) };
  });
}

async function readAll(db: CacheDb, account: string): Promise<AccountRecords> {
  const tx = db.transaction(CACHE_STORES, 'readonly');
  const [records] = await Promise.all([readAccountRecords(tx, account), tx.done]);
  return records;
}
