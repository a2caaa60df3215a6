/**
 * Cache-first conversation reads (F12): the panel asks for the cached copy first and renders it at
 * once, then for the network copy. Identical network reads in flight are shared, not repeated.
 * A Gmail answer is cached only after it has parsed; a failure leaves the cache untouched.
 */
import type { GmailClient } from '../gmail/client';
import type { CacheDb } from '../db/schema';
import { readThread, writeThread } from '../db/repositories';
import { toConversation } from '../mail/conversation';
import type { ConversationView } from '../messaging/protocol';

export interface ConversationServiceDeps {
  db: () => Promise<CacheDb>;
  gmailFor: (account: string) => GmailClient;
  now: () => number;
}

export function createConversationService(deps: ConversationServiceDeps) {
  const inFlight = new Map<string, Promise<ConversationView>>();

  async function fromCache(account: string, threadId: string): Promise<ConversationView | null> {
    const record = await readThread(await deps.db(), account, threadId);
    return record && { conversation: record.conversation, source: 'cache', fetchedAt: record.fetchedAt };
  }

  async function fetchAndCache(account: string, threadId: string): Promise<ConversationView> {
    const thread = await deps.gmailFor(account).getThreadForCard(threadId);
    const conversation = toConversation(thread, account);
    const fetchedAt = deps.now();
    await writeThread(await deps.db(), account, conversation, fetchedAt);
    return { conversation, source: 'network', fetchedAt };
  }

  function fromNetwork(account: string, threadId: string): Promise<ConversationView> {
    const key = `${account}\n${threadId}`;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = fetchAndCache(account, threadId).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  }

  return { fromCache, fromNetwork };
}

export type ConversationService = ReturnType<typeof createConversationService>;
