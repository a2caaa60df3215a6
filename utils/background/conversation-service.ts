/**
 * Cache-first conversation reads (F12): the panel asks for the cached copy first and renders it at
 * once, then for the network copy. Identical network reads in flight are shared, not repeated.
 * A Gmail answer is cached only after it has parsed; a failure leaves the cache untouched.
 */
import type { GmailClient } from '../gmail/client';
import type { CacheDb } from '../db/schema';
import { readThread, writeSummaries, writeThread } from '../db/repositories';
import { toThreadSummary } from '../history/summary';
import { toConversation } from '../mail/conversation';
import type { ConversationView } from '../messaging/protocol';
import { createSharedRequests } from './shared-requests';

export interface ConversationServiceDeps {
  db: () => Promise<CacheDb>;
  gmailFor: (account: string) => GmailClient;
  now: () => number;
}

export function createConversationService(deps: ConversationServiceDeps) {
  const share = createSharedRequests<ConversationView>();

  async function fromCache(account: string, threadId: string): Promise<ConversationView | null> {
    const record = await readThread(await deps.db(), account, threadId);
    return record && { conversation: record.conversation, source: 'cache', fetchedAt: record.fetchedAt };
  }

  async function fetchAndCache(account: string, threadId: string): Promise<ConversationView> {
    const thread = await deps.gmailFor(account).getThreadForCard(threadId);
    const conversation = toConversation(thread, account);
    const fetchedAt = deps.now();
    const db = await deps.db();
    await writeThread(db, account, conversation, fetchedAt);
    // The same read dates this thread in the customer's history when another of theirs is open.
    await writeSummaries(db, account, [toThreadSummary(thread)], fetchedAt);
    return { conversation, source: 'network', fetchedAt };
  }

  function fromNetwork(account: string, threadId: string): Promise<ConversationView> {
    return share(`${account}\n${threadId}`, () => fetchAndCache(account, threadId));
  }

  return { fromCache, fromNetwork };
}

export type ConversationService = ReturnType<typeof createConversationService>;
