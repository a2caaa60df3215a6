/**
 * Launches Chromium with the built extension and Google's hosts mapped to the fake on loopback.
 * Shared by the e2e fixtures and the `npm start` demo.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, type CDPSession, type Worker, chromium } from '@playwright/test';
import { QUIET_CHROMIUM_FLAGS, findChromium } from './chromium';
import { policyChromium } from './policy';

/** ICM_EXTENSION_DIR: a copy of a build elsewhere, so that two runs can test two builds side by side. */
export const EXTENSION_DIR = process.env.ICM_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3');
/** Fixed by the manifest `key` (wxt.config.ts). */
export const EXTENSION_ID = 'ihefhopcannekhkalefikoekgclgolgl';

export interface LaunchOptions {
  fakeGoogleArgs: string[];
  headless: boolean;
  userDataDir?: string;
  language?: string;
  /**
   * A folder from policy.ts's newPolicyDir: Chromium then runs with its admin policy
   * (chrome.storage.managed), through a wrapper that mounts it as /etc/chromium in a private namespace.
   */
  policyDir?: string;
  /** More unpacked extensions to load beside ours (e.g. a hostile one in a security test). */
  extraExtensionDirs?: string[];
}

export const newProfileDir = () => mkdtempSync(join(tmpdir(), 'icustomer-profile-'));

export async function launchWithExtension(options: LaunchOptions): Promise<BrowserContext> {
  const userDataDir = options.userDataDir ?? newProfileDir();
  const extensionDirs = [EXTENSION_DIR, ...(options.extraExtensionDirs ?? [])].join(',');
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: options.policyDir ? policyChromium(options.policyDir, findChromium()) : findChromium(),
    // Playwright's default, spelled out: under the policy wrapper Chromium is root in its user
    // namespace, and Chromium refuses to run as root with its sandbox on.
    chromiumSandbox: false,
    headless: options.headless,
    viewport: { width: 1280, height: 800 },
    locale: options.language ?? 'en-US',
    args: [
      `--disable-extensions-except=${extensionDirs}`,
      `--load-extension=${extensionDirs}`,
      `--lang=${options.language ?? 'en-US'}`,
      // A browser-level CDP endpoint (port in <profile>/DevToolsActivePort): CDP's Extensions domain,
      // which clicks the toolbar icon, is refused on the page sessions Playwright hands out.
      '--remote-debugging-port=0',
      '--enable-unsafe-extension-debugging',
      ...options.fakeGoogleArgs,
      ...QUIET_CHROMIUM_FLAGS,
    ],
  });
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((worker) => worker.url().includes(EXTENSION_ID));
  return existing ?? context.waitForEvent('serviceworker', (worker) => worker.url().includes(EXTENSION_ID));
}

/** A browser-level CDP session on a Chromium launched by launchWithExtension with `userDataDir`. */
export async function browserCdpSession(userDataDir: string): Promise<CDPSession> {
  const port = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  return browser.newBrowserCDPSession();
}

/** Clicks the extension's toolbar icon for the tab showing `url` (opens the side panel there). */
export async function clickToolbarIcon(cdp: CDPSession, urlPrefix: string): Promise<void> {
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never);
  const tab = (targetInfos as { targetId: string; url: string }[]).find((target) => target.url.startsWith(urlPrefix));
  if (!tab) throw new Error(`no tab shows ${urlPrefix}`);
  await cdp.send('Extensions.triggerAction' as never, { id: EXTENSION_ID, targetId: tab.targetId } as never);
}
