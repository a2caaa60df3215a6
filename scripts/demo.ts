/**
 * `npm start`: the product working on a demo mailbox, no Google account needed. Starts the fake
 * Google on loopback, launches Chromium with the built extension on the fake Gmail.
 *
 * - With a display: a real window. Click the iCustomer icon in the toolbar to open the side panel.
 * - Headless (no DISPLAY, or --headless): plays the agent's story and writes screenshots to
 *   demo-screenshots/, then exits.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { demoSeedWithHistory, startFakeGoogle } from '../tests/fake-google/index';
import {
  EXTENSION_ID,
  browserCdpSession,
  clickToolbarIcon,
  extensionWorker,
  launchWithExtension,
  newProfileDir,
} from '../tests/support/launch';

const SCREENSHOT_DIR = resolve(import.meta.dirname, '../demo-screenshots');
const headless = process.argv.includes('--headless') || (process.platform === 'linux' && !process.env.DISPLAY);

const fake = await startFakeGoogle({ seed: demoSeedWithHistory() });
const userDataDir = newProfileDir();
const context = await launchWithExtension({ fakeGoogleArgs: fake.chromiumArgs(), headless, userDataDir });
const gmail = context.pages()[0] ?? (await context.newPage());
await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
console.log(`Fake Google on ${fake.origin}; demo mailbox agent@support.example (and lead@support.example at /mail/u/1/).`);

if (headless) {
  await playStory(context, gmail);
  await context.close();
  await fake.close();
} else {
  await openSidePanel();
  console.log('Chromium is open on the demo Gmail. Open a conversation and sign in from the side panel.');
  console.log('If the panel is closed, click the iCustomer icon in the toolbar (pin it from the puzzle menu). Ctrl+C quits.');
  context.on('close', () => void fake.close().then(() => process.exit(0)));
}

/** Opens the real side panel next to Gmail, as clicking the toolbar icon does. */
async function openSidePanel(): Promise<void> {
  try {
    await clickToolbarIcon(await browserCdpSession(userDataDir), 'https://mail.google.com/');
  } catch (error) {
    console.log(`(Could not open the side panel automatically: ${String(error)})`);
  }
}

/** Headless: the agent's story, one screenshot per step. */
async function playStory(browserContext: BrowserContext, page: Page): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const worker = await extensionWorker(browserContext);
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://mail.google.com/*' }))[0]?.id);
  const panel = await browserContext.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${EXTENSION_ID}/sidepanel.html?tab=${tabId}`);
  const shot = async (target: Page, name: string) => {
    await target.screenshot({ path: resolve(SCREENSHOT_DIR, name), fullPage: true });
    console.log(`  ${name}`);
  };
  console.log(`Headless: writing screenshots to ${SCREENSHOT_DIR}`);
  await shot(page, '1-gmail-inbox.png');
  await panel.getByRole('button', { name: 'Sign in with Google' }).waitFor();
  await shot(panel, '2-panel-consent.png');
  const popup = browserContext.waitForEvent('page', (p) => p.url().startsWith('https://accounts.google.com/'));
  await panel.getByRole('button', { name: 'Sign in with Google' }).click();
  const consent = await popup;
  await consent.getByRole('button', { name: 'Allow' }).waitFor();
  await shot(consent, '3-google-consent.png');
  await consent.getByRole('button', { name: 'Allow' }).click();
  await panel.getByRole('heading', { name: 'No conversation open' }).waitFor();
  await shot(panel, '4-panel-inbox.png');
  const rows = page.locator('tr.zA');
  for (const [index, name] of [
    [0, '5-panel-conversation.png'],
    [2, '6-panel-another-conversation.png'],
  ] as const) {
    await page.evaluate(() => (location.hash = '#inbox'));
    await rows.nth(index).click();
    await panel.getByTestId('customer-name').waitFor();
    await panel.getByTestId('freshness').and(panel.locator('[data-source="network"]')).waitFor();
    await shot(page, name.replace('panel', 'gmail'));
    await shot(panel, name);
  }
  await panel.getByRole('tab', { name: 'Queue' }).click();
  await panel.getByTestId('queue').and(panel.locator('[data-state="ready"]')).waitFor();
  await panel.getByTestId('queue-row').first().waitFor();
  await shot(panel, '7-panel-queue.png');
  await writeDraftFromTemplate(browserContext, page, panel, shot);
  // The privacy centre: what is stored, the access log, and the agent's rights over it (F7).
  await panel.getByRole('banner').getByRole('button', { name: 'Privacy', exact: true }).click();
  await panel.getByTestId('privacy-access-log').getByRole('row').nth(1).waitFor();
  await shot(panel, '10-panel-privacy-centre.png');
  await panel.getByRole('button', { name: 'Back' }).click();
  await panel.getByRole('button', { name: 'Sign out and revoke access' }).click();
  await panel.getByRole('button', { name: 'Sign in with Google' }).waitFor();
  await shot(panel, '11-panel-signed-out.png');
  console.log('Done. Open the screenshots to see the product; run with a display for the interactive demo.');
}

/** The agent writes a template, previews it for the open case's customer and inserts it as a Gmail draft. */
async function writeDraftFromTemplate(
  browserContext: BrowserContext,
  page: Page,
  panel: Page,
  shot: (target: Page, name: string) => Promise<void>,
): Promise<void> {
  await panel.getByTestId('queue-row').first().getByRole('link').click();
  await panel.getByTestId('freshness').and(panel.locator('[data-source="network"]')).waitFor();
  await panel.getByRole('tab', { name: 'Templates' }).click();
  await panel.getByRole('button', { name: 'New template' }).click();
  await panel.getByTestId('template-name').fill('Refund confirmed');
  await panel
    .getByTestId('template-body')
    .fill('Hi {{customer.firstName|there}},\n\nThe refund is on its way: you will see it within 5 working days.\n\nBest regards,\n{{agent.name}}');
  await panel.getByTestId('template-save').click();
  await panel.getByRole('button', { name: 'Refund confirmed', exact: true }).click();
  await shot(panel, '8-panel-template-preview.png');
  await panel.getByRole('button', { name: 'Insert as draft' }).click();
  const popup = browserContext.waitForEvent('page', (p) => p.url().startsWith('https://accounts.google.com/'));
  await panel.getByTestId('draft-consent-allow').click();
  await (await popup).getByRole('button', { name: 'Allow' }).click();
  await panel.getByTestId('draft-done').waitFor();
  await shot(panel, '9-panel-draft-inserted.png');
  await page.reload();
  await page.locator('[data-draft-id]').waitFor();
  await shot(page, '9-gmail-draft-in-conversation.png');
}
