/**
 * Reads and writes of cached records. Records are validated on the way out: a record that no longer
 * matches the schema (corruption, an old shape) is a cache miss and is deleted, never rendered.
 */
import { conversationSchema } from '../mail/conversation-schema';
import type { Conversation } from '../mail/types';
import type { AccountRecord, CacheDb, ThreadRecord } from './schema';

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
