/** The attachments of a message, from its MIME tree as Gmail returns it with format=full. */
import type { GmailMessage, GmailMessagePart } from '../gmail/schemas';
import { decodeHeaderValue } from './encoded-words';
import type { Attachment } from './types';

/**
 * More than an agent reads in a side panel; without a cap, a hostile message of thousands of tiny
 * named parts would have the panel list (and the cache keep) every one of them (issue 7).
 */
export const MAX_ATTACHMENTS_PER_MESSAGE = 100;

/**
 * Every part with a filename, in document order, inline images included (an agent wants to see
 * a pasted screenshot too), the first MAX_ATTACHMENTS_PER_MESSAGE of them. With format=metadata
 * the payload has no parts and this is empty. The walk uses its own stack: a hostile message
 * nested thousands deep must not overflow ours.
 */
export function attachmentsOf(message: GmailMessage): Attachment[] {
  const attachments: Attachment[] = [];
  const pending: GmailMessagePart[] = message.payload === undefined ? [] : [message.payload];
  for (let part = pending.pop(); part !== undefined && attachments.length < MAX_ATTACHMENTS_PER_MESSAGE; part = pending.pop()) {
    const attachment = toAttachment(part, message.id);
    if (attachment !== null) attachments.push(attachment);
    pushChildrenFirstOnTop(pending, part.parts ?? []);
  }
  return attachments;
}

/** Pushed last-to-first so that pop() visits children in document order. */
function pushChildrenFirstOnTop(pending: GmailMessagePart[], children: readonly GmailMessagePart[]): void {
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    if (child !== undefined) pending.push(child);
  }
}

function toAttachment(part: GmailMessagePart, messageId: string): Attachment | null {
  // Gmail usually decodes filenames already; decoding again also covers mailers that
  // RFC 2047-encode a filename where RFC 2231 was due, and leaves plain names alone.
  const filename = decodeHeaderValue(part.filename ?? '').trim();
  if (filename === '') return null;
  return {
    filename,
    mimeType: part.mimeType || 'application/octet-stream',
    size: part.body?.size ?? 0,
    messageId,
  };
}
