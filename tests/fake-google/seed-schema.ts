/**
 * zod schemas for everything the HTTP control API accepts, so an out-of-process caller (the demo
 * script) gets a clear 400 instead of a half-applied change.
 */
import { z } from 'zod';

const attachmentSchema = z.object({
  filename: z.string().min(1),
  mimeType: z.string().min(1),
  size: z.number().int().nonnegative().optional(),
  content: z.string().optional(),
});

export const seedMessageSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/).optional(),
  from: z.string().min(1),
  to: z.string().optional(),
  cc: z.string().optional(),
  replyTo: z.string().optional(),
  subject: z.string().optional(),
  date: z.union([z.string(), z.number()]).optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  attachments: z.array(attachmentSchema).optional(),
  // Deep enough for any hostile test, shallow enough for the fake's own recursive MIME parser.
  nesting: z.number().int().min(0).max(1000).optional(),
  labelIds: z.array(z.string()).optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

export const seedThreadSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/).optional(),
  messages: z.array(seedMessageSchema).min(1),
  domMarkers: z.enum(['both', 'legacy-only', 'perm-only', 'perm-undefined', 'unsynced']).optional(),
});

export const seedSchema = z.object({
  accounts: z.array(
    z.object({
      email: z.string().email(),
      name: z.string(),
      accountPath: z.string().regex(/^\/mail\/(b\/[^/]+\/)?u\/\d+\/?$/).optional(),
      threads: z.array(seedThreadSchema),
      labels: z.array(z.object({ name: z.string().min(1), type: z.literal('user').optional() })).optional(),
    }),
  ),
});

export const faultSchema = z.object({
  host: z.string().optional(),
  method: z.string().optional(),
  pathIncludes: z.string().optional(),
  status: z.number().int().min(100).max(599),
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  times: z.number().int().positive().optional(),
  delayMs: z.number().int().nonnegative().optional(),
  hang: z.boolean().optional(),
  malformed: z.boolean().optional(),
});

export const accountBodySchema = z.object({ accountEmail: z.string().email() });
export const latencyBodySchema = z.object({ ms: z.number().int().nonnegative() });
export const clockBodySchema = z.object({ now: z.number().int().nullable() });
export const consentModeBodySchema = z.object({ mode: z.enum(['page', 'auto-allow', 'auto-deny']) });
export const addThreadBodySchema = z.object({ accountEmail: z.string().email(), thread: seedThreadSchema });
export const addMessageBodySchema = z.object({
  accountEmail: z.string().email(),
  threadId: z.string().regex(/^[0-9a-f]{1,16}$/),
  message: seedMessageSchema,
});

const labelColorSchema = z.object({ textColor: z.string().optional(), backgroundColor: z.string().optional() });
export const createLabelBodySchema = z.object({
  accountEmail: z.string().email(),
  name: z.string(),
  messageListVisibility: z.enum(['show', 'hide']).optional(),
  labelListVisibility: z.enum(['labelShow', 'labelShowIfUnread', 'labelHide']).optional(),
  color: labelColorSchema.optional(),
});
export const modifyThreadBodySchema = z.object({
  accountEmail: z.string().email(),
  threadId: z.string().regex(/^[0-9a-f]{1,16}$/),
  add: z.array(z.string()).optional(),
  remove: z.array(z.string()).optional(),
});
export const editDraftBodySchema = z.object({
  accountEmail: z.string().email(),
  draftId: z.string().min(1),
  text: z.string(),
});
