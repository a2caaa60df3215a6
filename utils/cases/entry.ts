/**
 * A case as the queue keeps it (F5): what a queue row needs of a thread, cached per account. It is
 * taken from the same Conversation the card shows, so the card and the queue never disagree about
 * who the customer is or who wrote last.
 */
import * as z from 'zod/mini';
import type { Conversation } from '../mail/types';
import type { LabelPrefix } from './label-prefix';
import { type GmailLabel, readCase } from './labels';
import { slaMessageSchema } from './schemas';
import type { QueueRow } from './types';

export const caseEntrySchema = z.object({
  threadId: z.string().check(z.regex(/^[0-9a-f]{1,32}$/)),
  historyId: z.string(),
  subject: z.string(),
  customer: z.nullable(z.object({ name: z.string(), email: z.string() })),
  labelIds: z.array(z.string()),
  timeline: z.array(slaMessageSchema),
});
export type CaseEntry = z.infer<typeof caseEntrySchema>;

export function caseEntryOf(conversation: Conversation): CaseEntry {
  const { threadId, historyId, subject, customer, labelIds, timeline } = conversation;
  return { threadId, historyId, subject, customer: customer && { name: customer.name, email: customer.email }, labelIds, timeline };
}

/** The entry as a queue row, or null when its labels no longer make it an Open or Pending case. */
export function queueRowOf(entry: CaseEntry, prefix: LabelPrefix, labels: readonly GmailLabel[]): QueueRow | null {
  const { status, priority } = readCase(prefix, labels, entry.labelIds);
  if (status !== 'Open' && status !== 'Pending') return null;
  const { threadId, subject, customer, timeline } = entry;
  return { threadId, subject, customer, status, priority, timeline };
}
