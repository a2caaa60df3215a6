/** Reading Gmail messages: headers by name, labels, dates and order. */
import type { GmailMessage } from '../gmail/schemas';
import { parseAddressList } from './addresses';
import type { Person } from './types';

/** Every value of a header, in order; header names are case-insensitive (RFC 5322 §1.2.2). */
export function headerValues(message: GmailMessage, name: string): string[] {
  const wanted = name.toLowerCase();
  const headers = message.payload?.headers ?? [];
  return headers.filter((header) => header.name.toLowerCase() === wanted).map((header) => header.value);
}

/** The first value of a header, or null when the message has none. */
export function headerValue(message: GmailMessage, name: string): string | null {
  return headerValues(message, name)[0] ?? null;
}

/** The mailboxes of an address header; a repeated header (seen in the wild) adds its own. */
export function addressesIn(message: GmailMessage, name: string): Person[] {
  return headerValues(message, name).flatMap(parseAddressList);
}

/** Gmail label ids on any message of the thread, drafts included (a draft carries the thread's). */
export function threadLabelIds(messages: readonly GmailMessage[]): string[] {
  return [...new Set(messages.flatMap((message) => message.labelIds ?? []))];
}

export function isDraft(message: GmailMessage): boolean {
  return message.labelIds?.includes('DRAFT') ?? false;
}

export function isSent(message: GmailMessage): boolean {
  return message.labelIds?.includes('SENT') ?? false;
}

/**
 * internalDate in epoch ms. The schema allows 20 digits; a value past 2^53 is no real date and
 * would not survive as a JSON number, so it counts as 0 (the epoch).
 */
export function internalDateOf(message: GmailMessage): number {
  const ms = Number(message.internalDate);
  return Number.isSafeInteger(ms) ? ms : 0;
}

/** The messages that were really sent or received, oldest first (ties keep Gmail's order). */
export function nonDraftOldestFirst(messages: readonly GmailMessage[]): GmailMessage[] {
  return messages.filter((message) => !isDraft(message)).sort((a, b) => internalDateOf(a) - internalDateOf(b));
}
