/** zod schemas of the case model, for where it crosses a boundary: a message or a cache record. */
import * as z from 'zod/mini';
import { CASE_PRIORITIES, CASE_STATUSES } from './labels';
import type { SlaHours, SlaMessage } from './sla';
import type { CaseView, QueueRow, QueueView } from './types';

const epochMsSchema = z.number().check(z.int(), z.nonnegative());
const hoursSchema = z.number().check(z.nonnegative());

export const caseStatusSchema = z.enum(CASE_STATUSES);
export const casePrioritySchema = z.enum(CASE_PRIORITIES);
export const caseLabelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), value: caseStatusSchema }),
  z.object({ kind: z.literal('priority'), value: casePrioritySchema }),
]);

export const slaMessageSchema = z.object({ at: epochMsSchema, fromCustomer: z.boolean() }) satisfies z.ZodMiniType<SlaMessage>;
export const slaHoursSchema = z.object({ P1: hoursSchema, P2: hoursSchema, P3: hoursSchema }) satisfies z.ZodMiniType<SlaHours>;

export const caseViewSchema = z.object({
  status: z.nullable(caseStatusSchema),
  priority: z.nullable(casePrioritySchema),
  editable: z.boolean(),
  slaHours: slaHoursSchema,
}) satisfies z.ZodMiniType<CaseView>;

export const queueRowSchema = z.object({
  threadId: z.string().check(z.regex(/^[0-9a-f]{1,32}$/)),
  subject: z.string(),
  customer: z.nullable(z.object({ name: z.string(), email: z.string() })),
  status: z.enum(['Open', 'Pending']),
  priority: z.nullable(casePrioritySchema),
  timeline: z.array(slaMessageSchema),
}) satisfies z.ZodMiniType<QueueRow>;

export const queueViewSchema = z.object({
  rows: z.array(queueRowSchema),
  unread: z.number().check(z.int(), z.nonnegative()),
  syncedAt: z.nullable(epochMsSchema),
  slaHours: slaHoursSchema,
}) satisfies z.ZodMiniType<QueueView>;
