/** zod schemas of the history model, for where it crosses a boundary: a message and a cache record. */
import * as z from 'zod/mini';
import type { HistoryEntry, HistoryView, ThreadSummary } from './types';

const threadIdSchema = z.string().check(z.regex(/^[0-9a-f]{1,32}$/));
const epochMsSchema = z.number().check(z.int(), z.nonnegative());

export const threadSummarySchema = z.object({
  threadId: threadIdSchema,
  historyId: z.string(),
  subject: z.string(),
  messageCount: z.number().check(z.int(), z.nonnegative()),
  firstMessageAt: epochMsSchema,
  lastMessageAt: epochMsSchema,
  labelIds: z.array(z.string()),
}) satisfies z.ZodMiniType<ThreadSummary>;

export const historyEntrySchema = z.object({
  threadId: threadIdSchema,
  historyId: z.string(),
}) satisfies z.ZodMiniType<HistoryEntry>;

export const historyViewSchema = z.object({
  customer: z.string(),
  total: z.number().check(z.int(), z.nonnegative()),
  complete: z.boolean(),
  rows: z.array(z.object({ threadId: threadIdSchema, summary: z.nullable(threadSummarySchema) })),
  firstContactAt: z.nullable(epochMsSchema),
  lastContactAt: z.nullable(epochMsSchema),
  source: z.enum(['cache', 'network']),
  fetchedAt: epochMsSchema,
}) satisfies z.ZodMiniType<HistoryView>;
