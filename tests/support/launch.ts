/**
 * Launches Chromium with the built extension and Google's hosts mapped to the fake on loopback.
 * Shared by the e2e fixtures and the `npm start` demo.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, type Worker, chromium } from '@playwright/test';
import { QUIET_CHROMIUM_FLAGS, findChromium } from './chromium';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
/** Fixed by the manifest `key` (wxt.config.ts). */
export const EXTENSION_ID = 'ihefhopcannekhkalefikoekgclgolgl';

export interface LaunchOptions {
  fakeGoogleArgs: string[];
  headless: boolean;
  userDataDir?: string;
  language?: string;
}

export async function launchWithExtension(options: LaunchOptions): Promise<BrowserContext> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'icustomer-profile-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless,
    viewport: { width: 1280, height: 800 },
    locale: options.language ?? 'en-US',
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--lang=${options.language ?? 'en-US'}`,
      ...options.fakeGoogleArgs,
      ...QUIET_CHROMIUM_FLAGS,
    ],
  });
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((worker) => worker.url().includes(EXTENSION_ID));
  return existing ?? context.waitForEvent('serviceworker', (worker) => worker.url().includes(EXTENSION_ID));
}
