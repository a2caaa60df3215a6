/**
 * What each context downloads and parses, gzipped (level 9) as a store serves it, in kB of 1,000
 * bytes like WXT's build summary. The content script runs on every Gmail load: it has the
 * tightest budget.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../../../tests/support/launch';
import { type Row, row, unavailable } from '../report';

interface Bundle {
  metric: string;
  files: () => string[];
  budgetKb: number | null;
}

function listed(dir: string, matches: (file: string) => boolean): string[] {
  const path = join(EXTENSION_DIR, dir);
  return existsSync(path) ? readdirSync(path).filter(matches).map((file) => join(path, file)) : [];
}

const isCss = (file: string) => file.endsWith('.css');
const isPanelEntry = (file: string) => /^sidepanel-.*\.js$/.test(file);

/**
 * The chunks a chunk names: with `lazy`, also those it loads with `import()` (Vite lists them as
 * "chunks/x.js" for preloading, or names them in the call); without, only those it imports
 * statically (`from"./x.js"`). The minifier quotes with any of ' " `.
 */
function chunksNamedIn(file: string, lazy: boolean): string[] {
  const pattern = lazy ? /["'`](?:\.\/|chunks\/)([\w.-]+\.js)["'`]/g : /(?:\bfrom|\bimport)\s*["'`]\.\/([\w.-]+\.js)["'`]/g;
  return [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => join(EXTENSION_DIR, 'chunks', match[1] ?? ''));
}

/** The side panel's entry chunk and every chunk it reaches, statically only or through `import()` too. */
function panelChunks(lazy: boolean): string[] {
  const reached = new Set<string>();
  const visit = (file: string) => {
    if (reached.has(file) || !existsSync(file)) return;
    reached.add(file);
    chunksNamedIn(file, lazy).forEach(visit);
  };
  listed('chunks', isPanelEntry).forEach(visit);
  return [...reached];
}

/**
 * What the side panel loads before its first paint: its entry and every chunk that entry imports
 * statically, however the bundler splits them. Views loaded with `import()` come later, on demand.
 */
const panelFirstPaint = () => panelChunks(false);
function panelOnDemand(): string[] {
  const first = new Set(panelFirstPaint());
  return panelChunks(true).filter((file) => !first.has(file));
}

const BUNDLES: Bundle[] = [
  { metric: 'content-scripts/gmail.js', files: () => listed('content-scripts', (f) => f === 'gmail.js'), budgetKb: 8 },
  { metric: 'background.js', files: () => listed('.', (f) => f === 'background.js'), budgetKb: null },
  { metric: 'side panel, first paint (chunks/sidepanel-*.js + static imports)', files: panelFirstPaint, budgetKb: 40 },
  { metric: 'side panel, views loaded on demand (import())', files: panelOnDemand, budgetKb: null },
  { metric: 'CSS (assets/, content-scripts/)', files: () => [...listed('assets', isCss), ...listed('content-scripts', isCss)], budgetKb: null },
];

export function bundleSizes(): Row[] {
  const name = 'bundle size (gzip)';
  return BUNDLES.map((bundle) => {
    const files = bundle.files();
    if (files.length === 0) return unavailable(name, bundle.metric, 'kB', `no such file in ${EXTENSION_DIR}`, bundle.budgetKb);
    const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
    return row(name, { metric: bundle.metric, unit: 'kB', values: [bytes / 1000], budget: bundle.budgetKb });
  });
}
