/**
 * zod schemas for the Gmail REST resources we read (users.threads, users.messages,
 * users.getProfile, users.labels), field for field as in Google's discovery document.
 * Every Gmail response is parsed with one of these before anything else touches it, so a
 * malformed answer becomes a typed error instead of bad data in the cache (issue 2).
 * Unknown fields are stripped; fields we rely on are required with their documented types.
 */
import { z } from 'zod';

/** Gmail's ids are lowercase hex strings (threads, messages, drafts). */
export const gmailIdSchema = z.string().regex(/^[0-9a-f]{1,32}$/, 'not a Gmail id');
/** historyId and internalDate are uint64 values that JSON carries as strings of digits. */
const uint64StringSchema = z.string().regex(/^\d{1,20}$/, 'not a string of digits');

export const headerSchema = z.object({ name: z.string(), value: z.string() });
export type GmailHeader = z.infer<typeof headerSchema>;

export const messagePartBodySchema = z.object({
  attachmentId: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
  data: z.string().optional(),
});

export interface GmailMessagePart {
  partId?: string | undefined;
  mimeType?: string | undefined;
  filename?: string | undefined;
  headers?: GmailHeader[] | undefined;
  body?: z.infer<typeof messagePartBodySchema> | undefined;
  parts?: GmailMessagePart[] | undefined;
}

export const messagePartSchema: z.ZodType<GmailMessagePart> = z.lazy(() =>
  z.object({
    partId: z.string().optional(),
    mimeType: z.string().optional(),
    filename: z.string().optional(),
    headers: z.array(headerSchema).optional(),
    body: messagePartBodySchema.optional(),
    parts: z.array(messagePartSchema).optional(),
  }),
);

export const messageSchema = z.object({
  id: gmailIdSchema,
  threadId: gmailIdSchema,
  labelIds: z.array(z.string()).optional(),
  snippet: z.string().optional(),
  historyId: uint64StringSchema.optional(),
  internalDate: uint64StringSchema,
  payload: messagePartSchema.optional(),
  sizeEstimate: z.number().int().nonnegative().optional(),
});
export type GmailMessage = z.infer<typeof messageSchema>;

export const threadSchema = z.object({
  id: gmailIdSchema,
  snippet: z.string().optional(),
  historyId: uint64StringSchema.optional(),
  messages: z.array(messageSchema).min(1, 'a thread has at least one message'),
});
export type GmailThread = z.infer<typeof threadSchema>;

export const threadListSchema = z.object({
  threads: z
    .array(z.object({ id: gmailIdSchema, snippet: z.string().optional(), historyId: uint64StringSchema.optional() }))
    .optional(),
  nextPageToken: z.string().optional(),
  resultSizeEstimate: z.number().int().nonnegative().optional(),
});
export type GmailThreadList = z.infer<typeof threadListSchema>;

export const profileSchema = z.object({
  emailAddress: z.string().email(),
  messagesTotal: z.number().int().nonnegative().optional(),
  threadsTotal: z.number().int().nonnegative().optional(),
  historyId: uint64StringSchema.optional(),
});
export type GmailProfile = z.infer<typeof profileSchema>;

/** Google's JSON error envelope: {"error":{"code","message","errors":[…],"status"}}. */
export const googleErrorSchema = z.object({
  error: z.object({
    code: z.number().int(),
    message: z.string(),
    errors: z
      .array(z.object({ domain: z.string().optional(), reason: z.string().optional(), message: z.string().optional() }))
      .optional(),
    status: z.string().optional(),
  }),
});
export type GoogleError = z.infer<typeof googleErrorSchema>;
