/**
 * The export document (F7, portability): everything the extension keeps for one Google account,
 * as one JSON file that people keep and read outside the extension. Its shape is versioned: a
 * change that drops or retypes a field raises EXPORT_VERSION, and README documents each version.
 */
import * as z from 'zod/mini';
import {
  accessLogRecordSchema,
  accountRecordSchema,
  caseRecordSchema,
  draftRecordSchema,
  historyRecordSchema,
  mailboxRecordSchema,
  summaryRecordSchema,
  threadRecordSchema,
} from '../db/record-schemas';

export const EXPORT_FORMAT = 'icustomer-mail-export';
export const EXPORT_VERSION = 1;

/** A personal template as the agent wrote it; `synced`: false when only this computer has it. */
const exportedTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  body: z.string(),
  updatedAt: z.number().check(z.int(), z.nonnegative()),
  synced: z.boolean(),
});

export const exportDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  /** ISO 8601, UTC. */
  exportedAt: z.iso.datetime(),
  /** The Google account the document is about; every record below belongs to it. */
  account: z.email(),
  /** Cached Google data older than this many days is removed (admin policy). */
  retentionDays: z.number().check(z.int(), z.minimum(1)),
  /** The cache, store by store (see utils/db/schema.ts for each record's meaning). */
  cache: z.object({
    account: z.nullable(accountRecordSchema),
    threads: z.array(threadRecordSchema),
    summaries: z.array(summaryRecordSchema),
    histories: z.array(historyRecordSchema),
    cases: z.array(caseRecordSchema),
    mailbox: z.nullable(mailboxRecordSchema),
    drafts: z.array(draftRecordSchema),
  }),
  /** Every access to this account's Google data still kept (six months), oldest first. */
  accessLog: z.array(accessLogRecordSchema),
  /** The agent's own templates (storage.sync, or storage.local where sync refused them). */
  templates: z.array(exportedTemplateSchema),
});
export type ExportDocument = z.infer<typeof exportDocumentSchema>;
