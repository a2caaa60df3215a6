import type { SlaMessage } from '../cases/sla';

/**
 * The conversation as the panel shows it: derived from a Gmail thread, plain JSON so it can
 * cross contexts and be cached in IndexedDB unchanged.
 */
export interface Person {
  /** Display name, RFC 2047 decoded; '' when the header carries none. */
  name: string;
  /** Lowercased address. */
  email: string;
}

export interface Customer extends Person {
  /** The organisation's domain: the part of the address after '@', lowercased. */
  domain: string;
}

export interface Attachment {
  filename: string;
  mimeType: string;
  /** Bytes, as Gmail reports them in body.size. */
  size: number;
  messageId: string;
}

/**
 * Waiting state of the customer (F2): 'waiting' since the first customer message after the
 * agent's last reply; 'answered' when the agent's side wrote last; 'none' when the thread has no
 * customer message at all (e.g. an internal thread).
 */
export type WaitingState =
  | { state: 'waiting'; since: number }
  | { state: 'answered'; at: number }
  | { state: 'none' };

export interface Conversation {
  threadId: string;
  /** '' when Gmail gave none. */
  historyId: string;
  /** Decoded subject of the first message; '' when there is none. */
  subject: string;
  /** Messages in the thread, drafts excluded. */
  messageCount: number;
  /** The external correspondent; null when none can be found (internal-only thread). */
  customer: Customer | null;
  /** Everyone in From/To/Cc/Reply-To of non-draft messages, unique by email, first seen first. */
  participants: Person[];
  attachments: Attachment[];
  waiting: WaitingState;
  /** internalDate (epoch ms) of the newest non-draft message. */
  lastMessageAt: number;
  /** Gmail label ids on any message of the thread: the case status lives in labels (F4). */
  labelIds: string[];
  /** The non-draft messages that decide the SLA (slaTimeline), oldest first: when, and which side wrote. */
  timeline: SlaMessage[];
}
