import type { Page } from '@playwright/test';

/**
 * tsx compiles with esbuild's keepNames, so a function Playwright sends into a page may call
 * `__name(fn, "name")`, which only exists in Node. Pages that run the bench's functions get a
 * no-op one. (Playwright's own test runner does not need this.)
 */
export async function allowTsxFunctions(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (fn) => fn');
}
