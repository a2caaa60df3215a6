/**
 * The shape of every stored record, checked when it is read back (a record that no longer matches
 * is a cache miss) and when it is exported (the export document is built from these).
 */
import * as z from 'zod/mini';
import { caseEntrySchema } from '../cases/entry';
import { gmailLabelSchema } from '../cases/labels';
import { historyEntrySchema, threadSummarySchema } from '../history/schemas';
import { conversationSchema } from '../mail/conversation-schema';
import { ACCESS_CATEGORIES, ACCESS_FEATURES } from '../privacy/access-kinds';

const fetchedAtSchema = z.number().check(z.nonnegative());
export const summaryRecordSchema = z.object({ account: z.string(), threadId: z.string(), summary: threadSummarySchema, fetchedAt: fetchedAtSchema });
export const historyRecordSchema = z.object({
  account: z.string(),
  customer: z.string(),
  entries: z.array(historyEntrySchema),
  complete: z.boolean(),
  fetchedAt: fetchedAtSchema,
});
export const caseRecordSchema = z.object({ account: z.string(), threadId: z.string(), entry: caseEntrySchema, fetchedAt: fetchedAtSchema });
export const mailboxRecordSchema = z.object({
  account: z.string(),
  historyId: z.nullable(z.string()),
  labels: z.array(gmailLabelSchema),
  unread: z.array(z.string()),
  syncedAt: z.nullable(fetchedAtSchema),
  revision: z.number().check(z.int(), z.nonnegative()),
});
export const draftRecordSchema = z.object({
  account: z.string(),
  threadId: z.string(),
  draftId: z.string().check(z.minLength(1)),
  messageId: z.string().check(z.minLength(1)),
  fetchedAt: fetchedAtSchema,
});


export const threadRecordSchema = z.object({ account: z.string(), threadId: z.string(), conversation: conversationSchema, fetchedAt: fetchedAtSchema });
export const accountRecordSchema = z.object({ account: z.string(), name: z.string(), signedInAt: fetchedAtSchema });
export const accessLogRecordSchema = z.object({
  account: z.string(),
  at: fetchedAtSchema,
  id: z.string(),
  feature: z.enum(ACCESS_FEATURES),
  category: z.enum(ACCESS_CATEGORIES),
  method: z.string(),
  items: z.number().check(z.int(), z.nonnegative()),
  ok: z.boolean(),
  status: z.number().check(z.int()),
});
