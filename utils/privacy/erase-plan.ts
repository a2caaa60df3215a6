/**
 * What erasing or anonymising one customer changes in an account's cache (F7), decided without
 * touching the database. Specific rules first, record type by record type; then one generic rule
 * that holds for every store, also one added later: a record that still mentions the address
 * anywhere is deleted. So afterwards no record of the account mentions the customer's address.
 *
 * The customer's threads are those whose cached conversation or case names them as the customer,
 * and those their history search found.
 * - erase: their threads, cases, history, history rows (summaries) and the extension's draft
 *   records in their threads are deleted.
 * - anonymise: threads, cases and history rows are kept anonymised (anonymise.ts). The history
 *   record is deleted: it is keyed by the address and holds nothing but thread ids. Draft records
 *   are kept: ids only, and they let the next template insertion replace the extension's draft
 *   instead of adding a second one. The mailbox record loses the labels that name the customer.
 * In both modes another customer's conversation that merely has them in copy is deleted from the
 * cache rather than rewritten: it is someone else's record, and Gmail still has it.
 */
import type { StoreValue } from 'idb';
import type * as z from 'zod/mini';
import { caseRecordSchema, historyRecordSchema, mailboxRecordSchema, summaryRecordSchema, threadRecordSchema } from '../db/record-schemas';
import type { CacheSchema } from '../db/schema';
import { type AccountRecords, CACHE_STORES, type CacheStore } from './account-records';
import { anonymiseCase, anonymiseSummary, anonymiseThread, withoutMentioningLabels } from './anonymise';
import { mentionOf } from './mentions';

export type EraseMode = 'erase' | 'anonymise';

/** One record to rewrite (`after`) or delete (`after` null). */
export interface EraseChange {
  store: CacheStore;
  before: object;
  after: object | null;
}

type Rules = { [S in CacheStore]: (record: StoreValue<CacheSchema, S>) => StoreValue<CacheSchema, S> | null };

/** A record as its schema reads it, or null when it no longer matches (then only the generic rule applies). */
function valid<T>(schema: z.ZodMiniType<T>, record: unknown): T | null {
  const parsed = schema.safeParse(record);
  return parsed.success ? parsed.data : null;
}

function readable<T>(schema: z.ZodMiniType<T>, records: readonly unknown[]): T[] {
  return records.flatMap((record) => valid(schema, record) ?? []);
}

export function planErasure(records: AccountRecords, customer: string, mode: EraseMode): EraseChange[] {
  const address = customer.toLowerCase();
  const mentions = mentionOf(address);
  const isCustomer = (person: { email: string } | null | undefined) => person?.email.toLowerCase() === address;
  const isTheirHistory = (customerKey: unknown) => typeof customerKey === 'string' && customerKey.toLowerCase() === address;
  const theirThreads = new Set<string>([
    ...readable(threadRecordSchema, records.threads).filter((r) => isCustomer(r.conversation.customer)).map((r) => r.threadId),
    ...readable(caseRecordSchema, records.cases).filter((r) => isCustomer(r.entry.customer)).map((r) => r.threadId),
    ...readable(historyRecordSchema, records.histories).filter((r) => isTheirHistory(r.customer)).flatMap((r) => r.entries.map((e) => e.threadId)),
  ]);
  const erasing = mode === 'erase';

  const rules: Rules = {
    threads: (record) => {
      const thread = valid(threadRecordSchema, record);
      if (!thread || !isCustomer(thread.conversation.customer)) return record;
      return erasing ? null : anonymiseThread(thread);
    },
    summaries: (record) => {
      if (!theirThreads.has(record.threadId)) return record;
      const summary = valid(summaryRecordSchema, record);
      return erasing || !summary ? null : anonymiseSummary(summary);
    },
    histories: (record) => (isTheirHistory(record.customer) ? null : record),
    cases: (record) => {
      const found = valid(caseRecordSchema, record);
      if (!found || !isCustomer(found.entry.customer)) return record;
      return erasing ? null : anonymiseCase(found);
    },
    drafts: (record) => (erasing && theirThreads.has(record.threadId) ? null : record),
    mailboxes: (record) => {
      const mailbox = valid(mailboxRecordSchema, record);
      return erasing || !mailbox || !mentions(mailbox) ? record : withoutMentioningLabels(mailbox, mentions);
    },
    accounts: (record) => record,
    accessLog: (record) => record,
  };

  return CACHE_STORES.flatMap((store) =>
    (records[store] as object[]).flatMap((before): EraseChange[] => {
      const proposed = (rules[store] as (record: object) => object | null)(before);
      const after = proposed !== null && mentions(proposed) ? null : proposed;
      if (after !== null && JSON.stringify(after) === JSON.stringify(before)) return [];
      return [{ store, before, after }];
    }),
  );
}
