/**
 * zod schema of the Conversation view model, for the two places it crosses a boundary:
 * a message from the background to the panel, and a record read back from IndexedDB.
 */
import * as z from 'zod/mini';
import { slaMessageSchema } from '../cases/schemas';
import type { Conversation } from './types';

const personSchema = z.object({ name: z.string(), email: z.string() });
const epochMsSchema = z.number().check(z.int(), z.nonnegative());

export const conversationSchema = z.object({
  threadId: z.string().check(z.regex(/^[0-9a-f]{1,32}$/)),
  historyId: z.string(),
  subject: z.string(),
  messageCount: z.number().check(z.int(), z.nonnegative()),
  customer: z.nullable(z.extend(personSchema, { domain: z.string() })),
  participants: z.array(personSchema),
  attachments: z.array(
    z.object({
      filename: z.string(),
      mimeType: z.string(),
      size: z.number().check(z.nonnegative()),
      messageId: z.string(),
    }),
  ),
  waiting: z.discriminatedUnion('state', [
    z.object({ state: z.literal('waiting'), since: epochMsSchema }),
    z.object({ state: z.literal('answered'), at: epochMsSchema }),
    z.object({ state: z.literal('none') }),
  ]),
  lastMessageAt: epochMsSchema,
  // Absent from records cached before issue 4: no labels and no timeline until the next refresh.
  labelIds: z._default(z.array(z.string()), []),
  timeline: z._default(z.array(slaMessageSchema), []),
}) satisfies z.ZodMiniType<Conversation>;
