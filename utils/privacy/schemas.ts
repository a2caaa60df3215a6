/**
 * What the privacy centre (F7) receives from the background: how much is stored, the access log,
 * and what erasing a customer did. The export document has its own versioned schema
 * (export-schema.ts) because people keep and read it outside the extension.
 */
import * as z from 'zod/mini';
import { ACCESS_CATEGORIES, ACCESS_FEATURES } from './access-kinds';

const countSchema = z.number().check(z.int(), z.nonnegative());
const epochMsSchema = z.number().check(z.int(), z.nonnegative());

/** What the agent sees stored, grouped as they think of it rather than by IndexedDB store. */
export const STORED_CATEGORIES = ['account', 'conversations', 'history', 'queue', 'drafts', 'access-log'] as const;
export type StoredCategory = (typeof STORED_CATEGORIES)[number];

export const storedCategorySchema = z.object({
  category: z.enum(STORED_CATEGORIES),
  /** Records in the category. */
  count: countSchema,
  /** Approximate bytes: the records' JSON length, the way the export writes them. */
  bytes: countSchema,
});
export type StoredCategorySize = z.infer<typeof storedCategorySchema>;

export const privacySummarySchema = z.object({
  /** The tab's Google account, signed in or not; null when the tab does not say. */
  account: z.nullable(z.email()),
  signedIn: z.boolean(),
  /** Every category, in STORED_CATEGORIES order, also when empty. */
  categories: z.array(storedCategorySchema),
  /** Cached Google data older than this many days is removed (admin policy, default 30). */
  retentionDays: z.number().check(z.int(), z.minimum(1)),
});
export type PrivacySummary = z.infer<typeof privacySummarySchema>;

export const accessLogEntrySchema = z.object({
  at: epochMsSchema,
  feature: z.enum(ACCESS_FEATURES),
  category: z.enum(ACCESS_CATEGORIES),
  method: z.string().check(z.maxLength(100)),
  items: countSchema,
  ok: z.boolean(),
  status: z.number().check(z.int()),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

/** One page of the tab's account's access log, newest first. */
export const accessLogPageSchema = z.object({
  entries: z.array(accessLogEntrySchema),
  /** Pass the last entry's `at` as `before` for the next page; false when this was the last. */
  more: z.boolean(),
});
export type AccessLogPage = z.infer<typeof accessLogPageSchema>;

/** What erasing or anonymising one customer changed in this account's cache. */
export const eraseResultSchema = z.object({
  /** Records deleted outright. */
  deleted: countSchema,
  /** Records kept with the customer's name, address and the content replaced (anonymise only). */
  anonymised: countSchema,
});
export type EraseResult = z.infer<typeof eraseResultSchema>;

export const ACCESS_LOG_PAGE_MAX = 500;
