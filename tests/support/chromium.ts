/**
 * Finds a Chromium that honours --load-extension: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or
 * Playwright's own build. Branded Google Chrome (137+) ignores --load-extension, so it is not used.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
  }
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', safePlaywrightPath()];
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)));
  if (found) return found;
  throw new Error(
    'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`), ' +
      'or set CHROMIUM_PATH to a Chromium, Chrome for Testing or Playwright Chromium executable.',
  );
}

function safePlaywrightPath(): string | null {
  try {
    return chromium.executablePath();
  } catch {
    return null;
  }
}

/** Flags that keep Chromium off the (closed) network and quiet, per the verified recipe. */
export const QUIET_CHROMIUM_FLAGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];
