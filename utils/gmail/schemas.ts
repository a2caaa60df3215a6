/**
 * zod schemas for the Gmail REST resources we read (users.threads, users.messages,
 * users.getProfile, users.labels), field for field as in Google's discovery document.
 * Every Gmail response is parsed with one of these before anything else touches it, so a
 * malformed answer becomes a typed error instead of bad data in the cache (issue 2).
 * Unknown fields are stripped; fields we rely on are required with their documented types.
 */
import * as z from 'zod/mini';

/** Gmail's ids are lowercase hex strings (threads, messages, drafts). */
export const gmailIdSchema = z.string().check(z.regex(/^[0-9a-f]{1,32}$/, 'not a Gmail id'));
/** historyId and internalDate are uint64 values that JSON carries as strings of digits. */
const uint64StringSchema = z.string().check(z.regex(/^\d{1,20}$/, 'not a string of digits'));
const countSchema = z.number().check(z.int(), z.nonnegative());

export const headerSchema = z.object({ name: z.string(), value: z.string() });
export type GmailHeader = z.infer<typeof headerSchema>;

export const messagePartBodySchema = z.object({
  attachmentId: z.optional(z.string()),
  size: z.optional(countSchema),
  data: z.optional(z.string()),
});

export interface GmailMessagePart {
  partId?: string | undefined;
  mimeType?: string | undefined;
  filename?: string | undefined;
  headers?: GmailHeader[] | undefined;
  body?: z.infer<typeof messagePartBodySchema> | undefined;
  parts?: GmailMessagePart[] | undefined;
}

export const messagePartSchema: z.ZodMiniType<GmailMessagePart> = z.lazy(() =>
  z.object({
    partId: z.optional(z.string()),
    mimeType: z.optional(z.string()),
    filename: z.optional(z.string()),
    headers: z.optional(z.array(headerSchema)),
    body: z.optional(messagePartBodySchema),
    parts: z.optional(z.array(messagePartSchema)),
  }),
);

export const messageSchema = z.object({
  id: gmailIdSchema,
  threadId: gmailIdSchema,
  labelIds: z.optional(z.array(z.string())),
  snippet: z.optional(z.string()),
  historyId: z.optional(uint64StringSchema),
  internalDate: uint64StringSchema,
  payload: z.optional(messagePartSchema),
  sizeEstimate: z.optional(countSchema),
});
export type GmailMessage = z.infer<typeof messageSchema>;

export const threadSchema = z.object({
  id: gmailIdSchema,
  snippet: z.optional(z.string()),
  historyId: z.optional(uint64StringSchema),
  messages: z.array(messageSchema).check(z.minLength(1, 'a thread has at least one message')),
});
export type GmailThread = z.infer<typeof threadSchema>;

export const threadListSchema = z.object({
  threads: z.optional(
    z.array(z.object({ id: gmailIdSchema, snippet: z.optional(z.string()), historyId: z.optional(uint64StringSchema) })),
  ),
  nextPageToken: z.optional(z.string()),
  resultSizeEstimate: z.optional(countSchema),
});
export type GmailThreadList = z.infer<typeof threadListSchema>;

/** threads.modify answers the thread with each message's labels after the change. */
export const modifiedThreadSchema = z.object({
  id: gmailIdSchema,
  historyId: z.optional(uint64StringSchema),
  messages: z.optional(z.array(z.object({ id: gmailIdSchema, threadId: z.optional(gmailIdSchema), labelIds: z.optional(z.array(z.string())) }))),
});
export type ModifiedThread = z.infer<typeof modifiedThreadSchema>;

/** Gmail's draft ids are not hex like message ids: `r` and digits, sometimes with a minus. */
export const draftIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a Gmail draft id'));
/** drafts.create, update and get (format=minimal): the draft and its current message's ids. */
export const draftSchema = z.object({
  id: draftIdSchema,
  message: z.object({ id: gmailIdSchema, threadId: gmailIdSchema, labelIds: z.optional(z.array(z.string())) }),
});
export type GmailDraft = z.infer<typeof draftSchema>;

/** History records: which threads changed, and their messages' labels after the change (F5). */
const historyMessageRefSchema = z.object({
  message: z.object({ id: gmailIdSchema, threadId: z.optional(gmailIdSchema), labelIds: z.optional(z.array(z.string())) }),
});
export const historyListSchema = z.object({
  history: z.optional(
    z.array(
      z.object({
        messages: z.optional(z.array(z.object({ id: gmailIdSchema, threadId: z.optional(gmailIdSchema) }))),
        messagesAdded: z.optional(z.array(historyMessageRefSchema)),
        messagesDeleted: z.optional(z.array(historyMessageRefSchema)),
        labelsAdded: z.optional(z.array(historyMessageRefSchema)),
        labelsRemoved: z.optional(z.array(historyMessageRefSchema)),
      }),
    ),
  ),
  historyId: uint64StringSchema,
  nextPageToken: z.optional(z.string()),
});
export type GmailHistoryList = z.infer<typeof historyListSchema>;

export const profileSchema = z.object({
  emailAddress: z.email(),
  messagesTotal: z.optional(countSchema),
  threadsTotal: z.optional(countSchema),
  historyId: z.optional(uint64StringSchema),
});
export type GmailProfile = z.infer<typeof profileSchema>;

/** Google's JSON error envelope: {"error":{"code","message","errors":[…],"status"}}. */
export const googleErrorSchema = z.object({
  error: z.object({
    code: z.number().check(z.int()),
    message: z.string(),
    errors: z.optional(
      z.array(
        z.object({ domain: z.optional(z.string()), reason: z.optional(z.string()), message: z.optional(z.string()) }),
      ),
    ),
    status: z.optional(z.string()),
  }),
});
export type GoogleError = z.infer<typeof googleErrorSchema>;
