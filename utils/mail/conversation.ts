/** The conversation view model (F2) from a Gmail thread, fetched with format=metadata or full. */
import type { GmailMessage, GmailThread } from '../gmail/schemas';
import { attachmentsOf } from './attachments';
import { pickCustomer } from './customer';
import { decodeHeaderValue } from './encoded-words';
import { headerValue, internalDateOf, nonDraftOldestFirst, threadLabelIds } from './messages';
import { collectParticipants } from './participants';
import type { Conversation } from './types';
import { timelineOf, waitingStateOf } from './waiting';

export function toConversation(thread: GmailThread, agentEmail: string): Conversation {
  const messages = nonDraftOldestFirst(thread.messages);
  return {
    threadId: thread.id,
    historyId: thread.historyId ?? '',
    subject: threadSubject(thread),
    messageCount: messages.length,
    customer: pickCustomer(messages, agentEmail),
    participants: collectParticipants(messages),
    attachments: messages.flatMap(attachmentsOf),
    waiting: waitingStateOf(messages, agentEmail),
    lastMessageAt: lastMessageAt(messages),
    labelIds: threadLabelIds(thread.messages),
    timeline: timelineOf(messages, agentEmail),
  };
}

/** internalDate of the newest message (they are sorted oldest first); 0 for none. */
function lastMessageAt(messages: readonly GmailMessage[]): number {
  const newest = messages.at(-1);
  return newest === undefined ? 0 : internalDateOf(newest);
}

/**
 * The decoded subject of the first sent or received message that has one. A thread holding only a
 * draft still has the subject the agent is writing under.
 */
export function threadSubject(thread: GmailThread): string {
  return firstSubject(nonDraftOldestFirst(thread.messages)) || firstSubject(thread.messages);
}

/** The decoded subject of the first message that has a non-blank one; '' when none has. */
function firstSubject(messages: readonly GmailMessage[]): string {
  for (const message of messages) {
    const subject = decodeHeaderValue(headerValue(message, 'Subject') ?? '');
    if (subject.trim() !== '') return subject;
  }
  return '';
}
