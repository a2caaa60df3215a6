/** Cached records as the product writes them, per account and customer, and ways to look at every store. */
import { caseEntryOf } from '../../../utils/cases/entry';
import type { AccessLogRecord, CacheDb, CaseRecord, DraftRecord, HistoryRecord, MailboxRecord, SummaryRecord, ThreadRecord } from '../../../utils/db/schema';
import type { Conversation, Person } from '../../../utils/mail/types';
import { CACHE_STORES, type CacheStore } from '../../../utils/privacy/account-records';
import { untyped } from '../db/db-helpers';

export const ACCOUNT = 'agent@support.example';
export const OTHER_ACCOUNT = 'lead@support.example';
export const NOW = 1_764_000_000_000;

export interface CustomerData {
  threads: ThreadRecord[];
  summaries: SummaryRecord[];
  histories: HistoryRecord[];
  cases: CaseRecord[];
  drafts: DraftRecord[];
}

export interface ConversationOptions {
  /** People in copy besides the customer and the agent. */
  cc?: Person[];
  /** Overrides the subject, e.g. to mention an address in it. */
  subject?: string;
}

export function conversationOf(account: string, customer: Person, threadId: string, options: ConversationOptions = {}): Conversation {
  const agent = { name: 'Agent', email: account };
  return {
    threadId,
    historyId: '4242',
    subject: options.subject ?? `Order for ${customer.name}`,
    messageCount: 3,
    customer: { ...customer, domain: customer.email.split('@')[1] ?? '' },
    participants: [customer, agent, ...(options.cc ?? [])],
    attachments: [{ filename: `${customer.name} invoice.pdf`, mimeType: 'application/pdf', size: 2048, messageId: `${threadId}01` }],
    waiting: { state: 'waiting', since: NOW - 60_000 },
    lastMessageAt: NOW - 60_000,
    labelIds: ['INBOX', 'Label_open', 'Label_p1'],
    timeline: [
      { at: NOW - 3_600_000, fromCustomer: true },
      { at: NOW - 1_800_000, fromCustomer: false },
      { at: NOW - 60_000, fromCustomer: true },
    ],
  };
}

/** One customer's threads in every store that keeps something per thread, plus their history. */
export function customerData(account: string, customer: Person, threadIds: readonly string[], options: ConversationOptions = {}): CustomerData {
  const conversations = threadIds.map((threadId) => conversationOf(account, customer, threadId, options));
  return {
    threads: conversations.map((conversation) => ({ account, threadId: conversation.threadId, conversation, fetchedAt: NOW })),
    summaries: conversations.map((c) => ({
      account,
      threadId: c.threadId,
      summary: { threadId: c.threadId, historyId: c.historyId, subject: c.subject, messageCount: c.messageCount, firstMessageAt: NOW - 3_600_000, lastMessageAt: c.lastMessageAt, labelIds: c.labelIds },
      fetchedAt: NOW,
    })),
    histories: [{ account, customer: customer.email, entries: threadIds.map((threadId) => ({ threadId, historyId: '4242' })), complete: true, fetchedAt: NOW }],
    cases: conversations.map((conversation) => ({ account, threadId: conversation.threadId, entry: caseEntryOf(conversation), fetchedAt: NOW })),
    drafts: threadIds.map((threadId) => ({ account, threadId, draftId: `r-${threadId}`, messageId: `${threadId}ff`, fetchedAt: NOW })),
  };
}

export function mailboxOf(account: string, labelNames: readonly string[] = []): MailboxRecord {
  const labels = [
    { id: 'Label_open', name: 'iCustomer/Status/Open' },
    { id: 'Label_p1', name: 'iCustomer/Priority/P1' },
    ...labelNames.map((name, index) => ({ id: `Label_${index}`, name })),
  ];
  return { account, historyId: '9000', labels, unread: [], syncedAt: NOW, revision: 3 };
}

export function accessLogOf(account: string, count: number): AccessLogRecord[] {
  return Array.from({ length: count }, (_, n) => ({
    account,
    at: NOW - (count - n) * 1000,
    id: `id-${n}`,
    feature: 'conversation',
    category: 'message-metadata',
    method: 'gmail.users.threads.get',
    items: 1,
    ok: true,
    status: 200,
  }));
}

export type Seed = Partial<{ [S in CacheStore]: readonly object[] }>;

export async function seed(db: CacheDb, ...seeds: Seed[]): Promise<void> {
  const tx = untyped(db).transaction(CACHE_STORES as string[], 'readwrite');
  const puts = seeds.flatMap((one) => Object.entries(one).flatMap(([store, records]) => records.map((record) => tx.objectStore(store).put(record))));
  await Promise.all([...puts, tx.done]);
}

/** Every record of every store, whatever its account, as `store key → JSON`. */
export async function dumpAll(db: CacheDb): Promise<Map<string, string>> {
  const tx = untyped(db).transaction(CACHE_STORES, 'readonly');
  const dump = new Map<string, string>();
  for (const store of CACHE_STORES) {
    let cursor = await tx.objectStore(store).openCursor();
    while (cursor) {
      dump.set(`${store} ${JSON.stringify(cursor.primaryKey)}`, JSON.stringify(cursor.value));
      cursor = await cursor.continue();
    }
  }
  await tx.done;
  return dump;
}

/** The stored records whose JSON contains the address, ignoring case: what erasing must leave none of. */
export function mentioning(dump: Map<string, string>, address: string): string[] {
  const needle = address.toLowerCase();
  return [...dump].filter(([, json]) => json.toLowerCase().includes(needle)).map(([key]) => key);
}

/** Keys of one customer's per-thread records and history in one account, as dumpAll names them. */
export function keysOf(data: CustomerData): string[] {
  return Object.entries(data).flatMap(([store, records]: [string, { account: string; threadId?: string; customer?: string }[]]) =>
    records.map((record) => `${store} ${JSON.stringify([record.account, record.threadId ?? record.customer])}`),
  );
}
