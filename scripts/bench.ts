/**
 * `npm run bench`: the built extension (.output/chrome-mv3) in real Chromium against the fake Google
 * with latency on every Google round trip. Each scenario runs several times; the table shows the
 * median beside the budget and the theoretical minimum. A budget miss is information, not a
 * failure: the exit code is non-zero only when a scenario crashed.
 *
 *   npm run bench -- --latency=100 --runs=5 [--json] [--only=cold-open,bundles]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type BenchOptions, USAGE, parseBenchArgs } from './bench/args';
import { type Row, formatTable, unavailable } from './bench/report';
import { bundleSizes } from './bench/scenarios/bundles';
import { contentScriptCost } from './bench/scenarios/content-script';
import { indexedDbCosts } from './bench/scenarios/indexeddb';
import { longConversation, loyalCustomer } from './bench/scenarios/large';
import { coldOpen, switchConversations, warmOpen } from './bench/scenarios/open';
import { queueSyncCost } from './bench/scenarios/queue';
import { type BenchSession, openSession } from './bench/session';

const RESULTS_FILE = resolve(import.meta.dirname, '../bench-results.json');

/**
 * In order: the cold scenarios use conversations nothing opened before; the queue moves the fake's
 * clock (its own account's quota minutes), so it follows every other scenario that calls Gmail;
 * IndexedDB goes last.
 */
const SCENARIOS: { id: string; run: (session: BenchSession) => Promise<Row[]> }[] = [
  { id: 'cold-open', run: coldOpen },
  { id: 'warm-open', run: warmOpen },
  { id: 'switch', run: switchConversations },
  { id: 'long-thread', run: longConversation },
  { id: 'long-history', run: loyalCustomer },
  { id: 'content-script', run: contentScriptCost },
  { id: 'queue', run: queueSyncCost },
  { id: 'indexeddb', run: indexedDbCosts },
];

let options: BenchOptions;
try {
  options = parseBenchArgs(process.argv.slice(2), ['bundles', ...SCENARIOS.map((scenario) => scenario.id)]);
} catch (error) {
  console.error(`${describe(error)}\n${USAGE}`);
  process.exit(2);
}
const wanted = (id: string) => options.only === null || options.only.includes(id);
const rows: Row[] = wanted('bundles') ? bundleSizes() : [];
const crashes: string[] = [];
const log = (line: string) => {
  if (!options.json) console.error(line);
};

async function runInBrowser(scenarios: typeof SCENARIOS): Promise<void> {
  log(`Chromium + fake Google, ${options.latency} ms per round trip, ${options.runs} runs per scenario…`);
  let session: BenchSession;
  try {
    session = await openSession(options);
  } catch (error) {
    crashes.push(`starting Chromium, or signing in: ${describe(error)}`);
    return;
  }
  try {
    for (const scenario of scenarios) {
      log(`  ${scenario.id}`);
      try {
        rows.push(...(await scenario.run(session)));
      } catch (error) {
        // One broken scenario must not hide the others' numbers.
        crashes.push(`${scenario.id}: ${describe(error)}`);
        rows.push(unavailable(scenario.id, 'crashed', 'ms', describe(error).split('\n')[0] ?? ''));
      }
    }
  } finally {
    await session.close();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const browserScenarios = SCENARIOS.filter((scenario) => wanted(scenario.id));
if (browserScenarios.length > 0) await runInBrowser(browserScenarios);

const results = { latencyMs: options.latency, runs: options.runs, at: new Date().toISOString(), rows, crashes };
writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
if (options.json) console.log(JSON.stringify(results, null, 2));
else console.log(`\n${formatTable(rows)}\n\nJSON: ${RESULTS_FILE}`);
if (crashes.length > 0) {
  console.error(`\n${crashes.length} scenario(s) crashed:\n${crashes.join('\n')}`);
  process.exitCode = 1;
}
