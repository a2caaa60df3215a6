/**
 * The cache's costs in real Chromium with the product's code (utils/db), bundled by esbuild and run
 * in an extension page: same origin as the background, so the same IndexedDB. The bench profile is
 * thrown away afterwards, so the product's own database name is fine; the bench's accounts are
 * ones the extension never signed in.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import type { StoreNames, StoreValue } from 'idb';
import type { CacheDb, CacheSchema } from '../../../utils/db/schema';
import { EXTENSION_ID } from '../../../tests/support/launch';
import type { BenchIdb } from '../idb-entry';
import { allowTsxFunctions } from '../in-page';
import { type Row, row } from '../report';
import { AGENT } from '../seed';
import type { BenchSession } from '../session';

const ROOT = resolve(import.meta.dirname, '../../..');
const PURGED = 'purged@bench.example';
const KEPT = 'kept@bench.example';
/** 50,000 records of one account, spread over the stores as a busy agent's cache would be. */
const PURGED_RECORDS = { threads: 20_000, summaries: 25_000, histories: 4_999, accounts: 1 };
const KEPT_RECORDS = { threads: 500, summaries: 450, histories: 49, accounts: 1 };

type Counts = typeof PURGED_RECORDS;

interface PageGlobals {
  benchIdb: BenchIdb;
  benchDb: CacheDb;
  benchRecord: { conversation: ReturnType<BenchIdb['toConversation']>; summary: ReturnType<BenchIdb['toThreadSummary']> };
}

async function productBundle(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(ROOT, 'scripts/bench/idb-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    plugins: [
      {
        name: 'project-root-alias',
        // '@/utils/…' → <root>/utils/…, as WXT resolves it for the extension.
        setup: (esbuild) =>
          esbuild.onResolve({ filter: /^@\// }, (args) => esbuild.resolve(`./${args.path.slice(2)}`, { resolveDir: ROOT, kind: args.kind })),
      },
    ],
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Opens the database and derives the records from a Gmail thread, as the background does. */
async function prepare(page: Page, thread: unknown): Promise<void> {
  await page.evaluate(
    async ({ thread, agent }) => {
      const g = globalThis as unknown as PageGlobals;
      g.benchDb = await g.benchIdb.openCacheDb();
      const parsed = g.benchIdb.threadSchema.parse(thread);
      g.benchRecord = { conversation: g.benchIdb.toConversation(parsed, agent), summary: g.benchIdb.toThreadSummary(parsed) };
    },
    { thread, agent: AGENT.email },
  );
}

async function timeWrite(page: Page): Promise<number> {
  return page.evaluate(async (account) => {
    const g = globalThis as unknown as PageGlobals;
    const started = performance.now();
    await g.benchIdb.writeThread(g.benchDb, account, g.benchRecord.conversation, Date.now());
    return performance.now() - started;
  }, AGENT.email);
}

/** Bulk puts, one transaction per store: setup, not measured. */
async function seed(page: Page, account: string, counts: Counts): Promise<void> {
  await page.evaluate(
    async ({ account, counts }) => {
      const g = globalThis as unknown as PageGlobals;
      const { conversation, summary } = g.benchRecord;
      const id = (i: number) => (0x1000000000 + i).toString(16);
      const fetchedAt = Date.now();
      const fill = async <S extends StoreNames<CacheSchema>>(store: S, count: number, make: (i: number) => StoreValue<CacheSchema, S>) => {
        const tx = g.benchDb.transaction(store, 'readwrite');
        for (let i = 0; i < count; i++) void tx.store.put(make(i));
        await tx.done;
      };
      await fill('threads', counts.threads, (i) => ({ account, threadId: id(i), conversation: { ...conversation, threadId: id(i) }, fetchedAt }));
      await fill('summaries', counts.summaries, (i) => ({ account, threadId: id(i), summary: { ...summary, threadId: id(i) }, fetchedAt }));
      const entries = Array.from({ length: 5 }, (_, i) => ({ threadId: id(i), historyId: '1' }));
      await fill('histories', counts.histories, (i) => ({ account, customer: `customer${i}@example.com`, entries, complete: true, fetchedAt }));
      await fill('accounts', counts.accounts, () => ({ account, name: 'Bench', signedInAt: fetchedAt }));
    },
    { account, counts },
  );
}

async function timePurge(page: Page): Promise<{ ms: number; before: number; after: number; keptBefore: number; keptAfter: number }> {
  return page.evaluate(
    async ({ purged, kept }) => {
      const g = globalThis as unknown as PageGlobals;
      const count = (account: string) => g.benchIdb.countAccountRecords(g.benchDb, account);
      const [before, keptBefore] = [await count(purged), await count(kept)];
      const started = performance.now();
      await g.benchIdb.purgeAccount(g.benchDb, purged);
      const ms = performance.now() - started;
      return { ms, before, after: await count(purged), keptBefore, keptAfter: await count(kept) };
    },
    { purged: PURGED, kept: KEPT },
  );
}

export async function indexedDbCosts(session: BenchSession): Promise<Row[]> {
  const longId = session.threadId(session.mailbox.long[0]?.subject ?? '');
  const thread = session.fake.control.mailbox(AGENT.email).threads.find((t) => t.id === longId);
  if (!thread) throw new Error(`the fake has no thread ${longId}`);
  const page = await session.context.newPage();
  try {
    await page.goto(`chrome-extension://${EXTENSION_ID}/privacy.html`);
    await allowTsxFunctions(page);
    await page.evaluate(await productBundle());
    await prepare(page, thread);
    const writes = [];
    const purges = [];
    for (let run = 0; run < session.runs; run++) {
      writes.push(await timeWrite(page));
      await seed(page, PURGED, PURGED_RECORDS);
      await seed(page, KEPT, KEPT_RECORDS);
      const purge = await timePurge(page);
      if (purge.after !== 0 || purge.keptAfter !== purge.keptBefore) {
        throw new Error(`purgeAccount left ${purge.after} of ${purge.before} records, and the other account went ${purge.keptBefore} → ${purge.keptAfter}`);
      }
      purges.push(purge);
    }
    const purged = purges[0]?.before ?? 0;
    return [
      row('IndexedDB', { metric: `write one ${thread.messages.length}-message thread record`, unit: 'ms', values: writes }),
      row('IndexedDB', { metric: `purge an account of ${purged.toLocaleString('en')} records`, unit: 'ms', values: purges.map((p) => p.ms), budget: 1000, note: `other account's ${purges[0]?.keptBefore} records kept` }),
    ];
  } finally {
    await page.close();
  }
}
