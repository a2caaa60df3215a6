/**
 * Reads and writes of cached records. Records are validated on the way out: a record that no longer
 * matches the schema (corruption, an old shape) is a cache miss and is deleted, never rendered.
 */
import type { CaseEntry } from '../cases/entry';
import type { ThreadSummary } from '../history/types';
import { conversationSchema } from '../mail/conversation-schema';
import type { Conversation } from '../mail/types';
import { caseRecordSchema, draftRecordSchema, historyRecordSchema, mailboxRecordSchema, summaryRecordSchema } from './record-schemas';
import { accountKeyRange } from './registry';
import type { AccountRecord, CacheDb, CaseRecord, DraftRecord, HistoryRecord, MailboxRecord, SummaryRecord, ThreadRecord } from './schema';

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

/** Every signed-in account (the accounts store holds one record per session). */
export async function readAccounts(db: CacheDb): Promise<AccountRecord[]> {
  return db.getAll('accounts');
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

/** Gives a cached thread the labels Gmail now reports for it (a status change, a colleague's edit). */
export async function writeThreadLabels(db: CacheDb, account: string, threadId: string, labelIds: readonly string[]): Promise<void> {
  const tx = db.transaction('threads', 'readwrite');
  const record = await tx.store.get([account, threadId]);
  if (record) await tx.store.put({ ...record, conversation: { ...record.conversation, labelIds: [...labelIds] } });
  await tx.done;
}

export async function readMailbox(db: CacheDb, account: string): Promise<MailboxRecord | null> {
  const record = await db.get('mailboxes', [account]);
  if (!record) return null;
  if (validMailbox(record)) return record;
  await db.delete('mailboxes', [account]);
  return null;
}

/** Every cached case of the account; a corrupt record is deleted and resynced later. */
export async function readCases(db: CacheDb, account: string): Promise<CaseRecord[]> {
  const records = await db.getAll('cases', accountKeyRange(account));
  const valid = records.filter((record) => caseRecordSchema.safeParse(record).success);
  if (valid.length < records.length) {
    const corrupt = records.filter((record) => !valid.includes(record));
    const tx = db.transaction('cases', 'readwrite');
    await Promise.all([...corrupt.map((record) => tx.store.delete([account, record.threadId])), tx.done]);
  }
  return valid;
}

/** The new mailbox record from the one stored (null when none is, or it is corrupt). */
export type MailboxUpdate = (current: MailboxRecord | null) => MailboxRecord;

export interface CaseChanges {
  /** Full sync: every case of the account not in `put` is dropped. */
  replaceAll: boolean;
  put: readonly CaseEntry[];
  remove: readonly string[];
  /** Applied inside the same transaction, so concurrent writers never undo each other's changes. */
  mailbox?: MailboxUpdate;
  fetchedAt: number;
}

/**
 * Cases and the sync cursor in one transaction: a worker stopped mid-way leaves either the old
 * cursor with the old cases (the next sync repeats the work) or both new — never a cursor past
 * changes that were not saved.
 */
export async function writeCaseChanges(db: CacheDb, account: string, changes: CaseChanges): Promise<void> {
  const tx = db.transaction(['cases', 'mailboxes'], 'readwrite');
  const cases = tx.objectStore('cases');
  const writes: Promise<unknown>[] = [];
  if (changes.replaceAll) writes.push(cases.delete(accountKeyRange(account)));
  for (const threadId of changes.remove) writes.push(cases.delete([account, threadId]));
  for (const entry of changes.put) writes.push(cases.put({ account, threadId: entry.threadId, entry, fetchedAt: changes.fetchedAt }));
  const update = changes.mailbox;
  if (update) {
    const mailboxes = tx.objectStore('mailboxes');
    writes.push(mailboxes.get([account]).then((stored) => mailboxes.put(update(validMailbox(stored)))));
  }
  await Promise.all([...writes, tx.done]);
}

/** Changes the account's mailbox record in one transaction (read, update, write). */
export async function updateMailbox(db: CacheDb, account: string, update: MailboxUpdate): Promise<void> {
  await writeCaseChanges(db, account, { replaceAll: false, put: [], remove: [], mailbox: update, fetchedAt: 0 });
}

function validMailbox(record: MailboxRecord | undefined): MailboxRecord | null {
  return record && mailboxRecordSchema.safeParse(record).success ? record : null;
}

/** The extension's last draft in a thread, if it recorded one; a corrupt record is forgotten. */
export async function readDraft(db: CacheDb, account: string, threadId: string): Promise<DraftRecord | null> {
  const record = await db.get('drafts', [account, threadId]);
  if (!record) return null;
  if (draftRecordSchema.safeParse(record).success) return record;
  await db.delete('drafts', [account, threadId]);
  return null;
}

export async function writeDraft(db: CacheDb, record: DraftRecord): Promise<void> {
  await db.put('drafts', record);
}

export async function deleteDraft(db: CacheDb, account: string, threadId: string): Promise<void> {
  await db.delete('drafts', [account, threadId]);
}
