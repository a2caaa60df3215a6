/**
 * Renders stored mail as Gmail API resources in each `format`: full (payload with bodies),
 * metadata (payload with mimeType and the requested headers only), minimal (no payload) and raw
 * (messages only: the whole RFC 822 message, base64url with padding). Field order follows
 * Google's responses.
 */
import { base64url } from './ids.ts';
import type { Mailbox, StoredMessage, StoredThread } from './mailbox.ts';
import { toMessagePart } from './mime-parse.ts';
import type { GmailMessageResource, GmailThreadResource } from './types.ts';

export type MessageFormat = 'full' | 'metadata' | 'minimal' | 'raw';

export interface RenderOptions {
  format: MessageFormat;
  /** Header names for format=metadata, matched case-insensitively; empty = all headers. */
  metadataHeaders: string[];
}

export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

export function fullMessage(message: StoredMessage): GmailMessageResource {
  return {
    id: message.id,
    threadId: message.threadId,
    labelIds: [...message.labelIds],
    snippet: message.snippet,
    payload: toMessagePart(message.entity, message.id),
    sizeEstimate: Buffer.byteLength(message.raw, 'utf8'),
    historyId: String(message.historyId),
    internalDate: String(message.internalDate),
  };
}

export function renderMessage(message: StoredMessage, options: RenderOptions): JsonObject {
  const head = {
    id: message.id,
    threadId: message.threadId,
    labelIds: [...message.labelIds],
    snippet: message.snippet,
  };
  const tail = { historyId: String(message.historyId), internalDate: String(message.internalDate) };
  const sizeEstimate = Buffer.byteLength(message.raw, 'utf8');
  switch (options.format) {
    case 'full':
      return fullMessage(message) as unknown as JsonObject;
    case 'raw':
      return { ...head, sizeEstimate, raw: base64url(Buffer.from(message.raw, 'utf8')), ...tail };
    case 'minimal':
      return { ...head, sizeEstimate, ...tail };
    case 'metadata': {
      const wanted = options.metadataHeaders.map((h) => h.toLowerCase());
      const headers = message.entity.headers.filter((h) => wanted.length === 0 || wanted.includes(h.name.toLowerCase()));
      return { ...head, payload: { mimeType: message.entity.mimeType, headers: headers.map((h) => ({ ...h })) }, sizeEstimate, ...tail };
    }
  }
}

export function renderThread(mailbox: Mailbox, thread: StoredThread, options: RenderOptions): JsonObject {
  return {
    id: thread.id,
    historyId: String(mailbox.threadHistoryId(thread)),
    messages: thread.messages.map((m) => renderMessage(m, options)),
  };
}

export function fullThread(mailbox: Mailbox, thread: StoredThread): GmailThreadResource {
  return {
    id: thread.id,
    historyId: String(mailbox.threadHistoryId(thread)),
    messages: thread.messages.map(fullMessage),
  };
}
