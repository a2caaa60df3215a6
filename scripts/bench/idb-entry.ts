/**
 * Bundled by esbuild (scripts/bench/scenarios/indexeddb.ts) into an extension page, so the bench
 * times the product's own IndexedDB code, in Chromium, on the extension's origin.
 */
import { countAccountRecords, purgeAccount } from '@/utils/db/purge';
import { writeThread } from '@/utils/db/repositories';
import { openCacheDb } from '@/utils/db/schema';
import { threadSchema } from '@/utils/gmail/schemas';
import { toThreadSummary } from '@/utils/history/summary';
import { toConversation } from '@/utils/mail/conversation';

const benchIdb = { openCacheDb, writeThread, purgeAccount, countAccountRecords, threadSchema, toConversation, toThreadSummary };

export type BenchIdb = typeof benchIdb;

(globalThis as { benchIdb?: BenchIdb }).benchIdb = benchIdb;
