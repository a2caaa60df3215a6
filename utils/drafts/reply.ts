/**
 * Who and what a reply draft answers (F6), from a thread read with THREAD_REPLY_QUERY: the newest
 * sent or received message is the one replied to (its Message-ID and References thread the draft),
 * and the customer is the recipient — at the Reply-To they asked for, when they gave one.
 */
import type { GmailMessage, GmailThread } from '../gmail/schemas';
import { parseMailbox } from '../mail/addresses';
import { threadSubject } from '../mail/conversation';
import { isFromOutside, pickCustomer } from '../mail/customer';
import { decodeHeaderValue } from '../mail/encoded-words';
import { addressesIn, headerValue, nonDraftOldestFirst } from '../mail/messages';
import type { Person } from '../mail/types';
import { textToHtml } from './html';
import type { ReplyMimeInput } from './mime';

export interface ReplyRequest {
  agent: Person;
  text: string;
  date: Date;
  boundary: string;
}

export function replyMimeInputOf(thread: GmailThread, { agent, text, date, boundary }: ReplyRequest): ReplyMimeInput {
  const messages = nonDraftOldestFirst(thread.messages);
  const repliedTo = messages.at(-1) ?? null;
  const subject = repliedTo ? decodeHeaderValue(headerValue(repliedTo, 'Subject') ?? '') : '';
  return {
    from: agent,
    to: recipientsOf(messages, agent.email),
    subject: subject.trim() !== '' ? subject : threadSubject(thread),
    inReplyTo: repliedTo ? messageIdOf(repliedTo) : null,
    references: repliedTo ? referencesOf(repliedTo) : [],
    text,
    html: textToHtml(text),
    date,
    boundary,
  };
}

/**
 * The customer's newest message decides: its Reply-To, else its sender. A thread the agent started
 * (no message from outside yet) goes to the customer it was addressed to.
 */
export function recipientsOf(messages: readonly GmailMessage[], agentEmail: string): Person[] {
  const fromCustomer = messages.findLast((message) => isFromOutside(message, agentEmail));
  if (fromCustomer) {
    const replyTo = addressesIn(fromCustomer, 'Reply-To');
    if (replyTo.length > 0) return replyTo;
    const sender = parseMailbox(headerValue(fromCustomer, 'From') ?? '');
    if (sender) return [sender];
  }
  const customer = pickCustomer(messages, agentEmail);
  return customer ? [{ name: customer.name, email: customer.email }] : [];
}

const MESSAGE_ID = /<[^<>\s]+>/g;

function messageIdOf(message: GmailMessage): string | null {
  return headerValue(message, 'Message-ID')?.match(MESSAGE_ID)?.[0] ?? null;
}

/**
 * RFC 5322 §3.6.4: the parent's References followed by its Message-ID; without References, its
 * In-Reply-To (when it names a single message) stands in for them.
 */
function referencesOf(message: GmailMessage): string[] {
  const own = messageIdOf(message);
  const references = headerValue(message, 'References')?.match(MESSAGE_ID) ?? [];
  const inReplyTo = headerValue(message, 'In-Reply-To')?.match(MESSAGE_ID) ?? [];
  const ancestors = references.length > 0 ? references : inReplyTo.length === 1 ? inReplyTo : [];
  return own ? [...ancestors, own] : [...ancestors];
}
