/**
 * Cache-first conversation reads (F12): the panel asks for the cached copy first and renders it at
 * once, then for the network copy. Identical network reads in flight are shared, not repeated.
 * A Gmail answer is cached only after it has parsed; a failure leaves the cache untouched.
 */
import type { GmailClient } from '../gmail/client';
import type { CacheDb } from '../db/schema';
import { readThread, writeSummaries, writeThread } from '../db/repositories';
import { toThreadSummary } from '../history/summary';
import type { CaseView } from '../cases/types';
import { toConversation } from '../mail/conversation';
import type { Conversation } from '../mail/types';
import type { ConversationView } from '../messaging/protocol';
import { isRevocation } from './app-errors';
import { createSharedRequests } from './shared-requests';

export interface ConversationServiceDeps {
  db: () => Promise<CacheDb>;
  gmailFor: (account: string) => GmailClient;
  now: () => number;
  /** The conversation's case from its labels (F4); a network read may list the labels. */
  caseOf: (account: string, conversation: Conversation, source: 'cache' | 'network') => Promise<CaseView>;
  /** Lists the mailbox's labels if they never were, alongside the thread read. */
  ensureLabels: (account: string) => Promise<void>;
}

export function createConversationService(deps: ConversationServiceDeps) {
  const share = createSharedRequests<ConversationView>();

  async function fromCache(account: string, threadId: string): Promise<ConversationView | null> {
    const record = await readThread(await deps.db(), account, threadId);
    if (!record) return null;
    const { conversation, fetchedAt } = record;
    return { conversation, case: await deps.caseOf(account, conversation, 'cache'), source: 'cache', fetchedAt };
  }

  async function fetchAndCache(account: string, threadId: string): Promise<ConversationView> {
    // Labels only name the case: failing to list them must not cost the agent the card.
    const [thread] = await Promise.all([deps.gmailFor(account).getThreadForCard(threadId), deps.ensureLabels(account).catch(() => {})]);
    const conversation = toConversation(thread, account);
    const fetchedAt = deps.now();
    const db = await deps.db();
    await writeThread(db, account, conversation, fetchedAt);
    // The same read dates this thread in the customer's history when another of theirs is open.
    await writeSummaries(db, account, [toThreadSummary(thread)], fetchedAt);
    const caseView = await deps.caseOf(account, conversation, 'network').catch((error: unknown) => {
      if (isRevocation(error)) throw error;
      return deps.caseOf(account, conversation, 'cache');
    });
    return { conversation, case: caseView, source: 'network', fetchedAt };
  }

  function fromNetwork(account: string, threadId: string): Promise<ConversationView> {
    return share(`${account}\n${threadId}`, () => fetchAndCache(account, threadId));
  }

  return { fromCache, fromNetwork };
}

export type ConversationService = ReturnType<typeof createConversationService>;
