/**
 * Issue 7 › 2 on the build Chrome loads (what WXT generated, not what wxt.config.ts says): exactly
 * the allowed permissions, the Gmail content script in top frames only, nothing web pages or other
 * extensions can reach, Chrome's default MV3 CSP, and no remote or generated code in any file.
 * No browser needed: the unit run comes before the build in `npm test`, so this check lives here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { type ContentScriptEntry, codeProblems, contentScriptProblems, manifestProblems } from '../support/manifest-policy';
import { EXTENSION_DIR } from '../support/launch';

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test('the built manifest asks for exactly the allowed permissions and opens nothing to pages or extensions', () => {
  expect(manifest['manifest_version']).toBe(3);
  expect(manifestProblems(manifest)).toEqual([]);
  expect(manifest['background']).toEqual({ service_worker: 'background.js' });
});

test('the built content script runs on Gmail only, in top frames, in its isolated world', () => {
  expect(contentScriptProblems(manifest['content_scripts'] as ContentScriptEntry[])).toEqual([]);
});

test('no built file loads remote code or generates code at run time', () => {
  const files = filesUnder(EXTENSION_DIR);
  const scanned = files.filter((file) => /\.(js|html|css)$/.test(file));
  // A positive control: the scan really reads the background, the panel and the content script.
  expect(scanned.map((file) => relative(EXTENSION_DIR, file))).toEqual(
    expect.arrayContaining(['background.js', 'sidepanel.html', 'content-scripts/gmail.js']),
  );
  const problems = scanned.flatMap((file) =>
    codeProblems(file, readFileSync(file, 'utf8')).map((problem) => `${relative(EXTENSION_DIR, file)}: ${problem}`),
  );
  expect(problems).toEqual([]);
});
