/** A history row's summary from a Gmail thread read with format=metadata (or full). */
import type { GmailThread } from '../gmail/schemas';
import { threadSubject } from '../mail/conversation';
import { internalDateOf, nonDraftOldestFirst, threadLabelIds } from '../mail/messages';
import type { ThreadSummary } from './types';

export function toThreadSummary(thread: GmailThread): ThreadSummary {
  const messages = nonDraftOldestFirst(thread.messages);
  const dates = messages.map(internalDateOf);
  return {
    threadId: thread.id,
    historyId: thread.historyId ?? '',
    subject: threadSubject(thread),
    messageCount: messages.length,
    firstMessageAt: dates[0] ?? 0,
    lastMessageAt: dates.at(-1) ?? 0,
    labelIds: threadLabelIds(thread.messages),
  };
}
