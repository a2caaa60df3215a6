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

const BUNDLES: Bundle[] = [
  { metric: 'content-scripts/gmail.js', files: () => listed('content-scripts', (f) => f === 'gmail.js'), budgetKb: 8 },
  { metric: 'background.js', files: () => listed('.', (f) => f === 'background.js'), budgetKb: null },
  { metric: 'chunks/sidepanel-*.js', files: () => listed('chunks', (f) => /^sidepanel-.*\.js$/.test(f)), budgetKb: 40 },
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
