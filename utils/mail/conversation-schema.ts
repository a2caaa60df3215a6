/**
 * zod schema of the Conversation view model, for the two places it crosses a boundary:
 * a message from the background to the panel, and a record read back from IndexedDB.
 */
import { z } from 'zod';
import type { Conversation } from './types';

const personSchema = z.object({ name: z.string(), email: z.string() });
const epochMsSchema = z.number().int().nonnegative();

export const conversationSchema = z.object({
  threadId: z.string().regex(/^[0-9a-f]{1,32}$/),
  historyId: z.string(),
  subject: z.string(),
  messageCount: z.number().int().nonnegative(),
  customer: personSchema.extend({ domain: z.string() }).nullable(),
  participants: z.array(personSchema),
  attachments: z.array(
    z.object({ filename: z.string(), mimeType: z.string(), size: z.number().nonnegative(), messageId: z.string() }),
  ),
  waiting: z.discriminatedUnion('state', [
    z.object({ state: z.literal('waiting'), since: epochMsSchema }),
    z.object({ state: z.literal('answered'), at: epochMsSchema }),
    z.object({ state: z.literal('none') }),
  ]),
  lastMessageAt: epochMsSchema,
}) satisfies z.ZodType<Conversation>;
