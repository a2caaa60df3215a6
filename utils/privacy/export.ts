/**
 * "Export my data" (F7, portability): the versioned export document of one account (F10) — its
 * cache, its access log and the agent's own templates. Records are checked against the schemas the
 * document promises: one that does not match is left out and counted, never breaks the export.
 */
import type * as z from 'zod/mini';
import { readAccessLog } from '../db/access-log';
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
import type { CacheDb } from '../db/schema';
import type { PersonalTemplate } from '../templates/types';
import { type CacheStore, readAccountRecords } from './account-records';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument } from './export-schema';

export type ExportedTemplate = ExportDocument['templates'][number];

export interface ExportDeps {
  db: () => Promise<CacheDb>;
  now: () => number;
  retentionDays: () => number;
  /** The agent's personal templates (storage.sync, and local copies sync refused). */
  personalTemplates: () => Promise<ExportedTemplate[]>;
  log: (message: string, details: Record<string, unknown>) => void;
}

/** A personal template as the document gives it: `synced` false when only this computer has it. */
export function exportedTemplate({ id, name, body, updatedAt, unsynced }: PersonalTemplate): ExportedTemplate {
  return { id, name, body, updatedAt, synced: unsynced === null };
}

const CACHE_STORES_EXPORTED = ['accounts', 'threads', 'summaries', 'histories', 'cases', 'mailboxes', 'drafts'] as const;

export async function buildExport(deps: ExportDeps, account: string): Promise<ExportDocument> {
  const db = await deps.db();
  const tx = db.transaction([...CACHE_STORES_EXPORTED], 'readonly');
  const [records] = await Promise.all([readAccountRecords(tx, account), tx.done]);
  const [log, templates] = await Promise.all([readAccessLog(db, account), deps.personalTemplates()]);
  const leftOut: Partial<Record<CacheStore, number>> = {};
  const valid = <T>(store: CacheStore, schema: z.ZodMiniType<T>, list: readonly unknown[]): T[] =>
    list.flatMap((record) => {
      const parsed = schema.safeParse(record);
      if (!parsed.success) leftOut[store] = (leftOut[store] ?? 0) + 1;
      return parsed.success ? [parsed.data] : [];
    });
  const document: ExportDocument = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(deps.now()).toISOString(),
    account,
    retentionDays: deps.retentionDays(),
    cache: {
      account: valid('accounts', accountRecordSchema, records.accounts)[0] ?? null,
      threads: valid('threads', threadRecordSchema, records.threads),
      summaries: valid('summaries', summaryRecordSchema, records.summaries),
      histories: valid('histories', historyRecordSchema, records.histories),
      cases: valid('cases', caseRecordSchema, records.cases),
      mailbox: valid('mailboxes', mailboxRecordSchema, records.mailboxes)[0] ?? null,
      drafts: valid('drafts', draftRecordSchema, records.drafts),
    },
    // readAccessLog already skips entries that no longer match; parsed again for the document's shape.
    accessLog: valid('accessLog', accessLogRecordSchema, log),
    templates: templates.map(({ id, name, body, updatedAt, synced }) => ({ id, name, body, updatedAt, synced })),
  };
  if (Object.keys(leftOut).length > 0) deps.log('export left out records that no longer match their schema', { leftOut });
  return document;
}
