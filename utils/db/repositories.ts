/**
 * Reads and writes of cached records. Records are validated on the way out: a record that no longer
 * matches the schema (corruption, an old shape) is a cache miss and is deleted, never rendered.
 */
import * as z from 'zod/mini';
import { historyEntrySchema, threadSummarySchema } from '../history/schemas';
import type { ThreadSummary } from '../history/types';
import { conversationSchema } from '../mail/conversation-schema';
import type { Conversation } from '../mail/types';
import type { AccountRecord, CacheDb, HistoryRecord, SummaryRecord, ThreadRecord } from './schema';

const fetchedAtSchema = z.number().check(z.nonnegative());
const summaryRecordSchema = z.object({ account: z.string(), threadId: z.string(), summary: threadSummarySchema, fetchedAt: fetchedAtSchema });
const historyRecordSchema = z.object({
  account: z.string(),
  customer: z.string(),
  entries: z.array(historyEntrySchema),
  complete: z.boolean(),
  fetchedAt: fetchedAtSchema,
});

export async function readThread(db: CacheDb, account: string, threadId: string): Promise<ThreadRecord | null> {
  const record = await db.get('threads', [account, threadId]);
  if (!record) return null;
  const parsed = conversationSchema.safeParse(record.conversation);
  if (parsed.success && typeof record.fetchedAt === 'number') return { ...record, conversation: parsed.data };
  await db.delete('threads', [account, threadId]);
  return null;
}

export async function writeThread(
  db: CacheDb,
  account: string,
  conversation: Conversation,
  fetchedAt: number,
): Promise<void> {
  await db.put('threads', { account, threadId: conversation.threadId, conversation, fetchedAt });
}

export async function readAccount(db: CacheDb, account: string): Promise<AccountRecord | null> {
  return (await db.get('accounts', [account])) ?? null;
}

export async function writeAccount(db: CacheDb, record: AccountRecord): Promise<void> {
  await db.put('accounts', record);
}

/** Summaries of several threads in one transaction; a missing or corrupt one is simply absent. */
export async function readSummaries(
  db: CacheDb,
  account: string,
  threadIds: readonly string[],
): Promise<Map<string, SummaryRecord>> {
  const tx = db.transaction('summaries', 'readonly');
  const records = await Promise.all(threadIds.map((threadId) => tx.store.get([account, threadId])));
  await tx.done;
  const found = new Map<string, SummaryRecord>();
  const corrupt: string[] = [];
  records.forEach((record, index) => {
    const threadId = threadIds[index] ?? '';
    if (!record) return;
    if (summaryRecordSchema.safeParse(record).success) found.set(threadId, record);
    else corrupt.push(threadId);
  });
  if (corrupt.length > 0) await deleteSummaries(db, account, corrupt);
  return found;
}

export async function writeSummaries(db: CacheDb, account: string, summaries: readonly ThreadSummary[], fetchedAt: number): Promise<void> {
  const tx = db.transaction('summaries', 'readwrite');
  await Promise.all([...summaries.map((summary) => tx.store.put({ account, threadId: summary.threadId, summary, fetchedAt })), tx.done]);
}

export async function readHistory(db: CacheDb, account: string, customer: string): Promise<HistoryRecord | null> {
  const record = await db.get('histories', [account, customer]);
  if (!record) return null;
  if (historyRecordSchema.safeParse(record).success) return record;
  await db.delete('histories', [account, customer]);
  return null;
}

export async function writeHistory(db: CacheDb, record: HistoryRecord): Promise<void> {
  await db.put('histories', record);
}

async function deleteSummaries(db: CacheDb, account: string, threadIds: readonly string[]): Promise<void> {
  const tx = db.transaction('summaries', 'readwrite');
  await Promise.all([...threadIds.map((threadId) => tx.store.delete([account, threadId])), tx.done]);
}
