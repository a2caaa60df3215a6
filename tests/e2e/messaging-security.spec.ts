/**
 * Issue 7 › 2 in the real browser: the background answers only this extension's own pages and its
 * content script in the top frame of a Gmail tab. Web pages (Gmail's own page included), a Gmail
 * iframe, an extension page posing as the content script, malformed requests and another installed
 * extension change nothing: no tab's context, no session, no stored data, no call to Google.
 */
import type { Page, Worker } from '@playwright/test';
import { EXTENSION_ID, launchWithExtension } from '../support/launch';
import { expect, test } from './fixtures';
import { GmailPage } from './pages/gmail-page';
import { AGENT, SECOND } from './seed';
import { otherExtensionWorker, tryFromOtherExtension, writeOtherExtension } from './support-other-extension';
import { settledStorage } from './support-storage';

/** What a hostile sender would like the background to believe about the agent's tab. */
const forgedContext = {
  type: 'gmail/context',
  context: { accountPath: '/mail/u/0', accountEmail: 'mallory@evil.example', view: 'thread', threadId: 'abcdef0123456789', senders: [] },
};
const hostileRequests = (tabId: number) => [
  forgedContext,
  { type: 'auth/sign-out', tabId },
  { type: 'privacy/export', tabId },
  { type: 'privacy/delete-all', tabId },
];
const RECEIVING_END = 'threw: Could not establish connection. Receiving end does not exist.';

/** The per-tab contexts the background keeps (storage.session `tab:<id>`). */
async function tabContexts(worker: Worker): Promise<Record<string, unknown>> {
  const session = await worker.evaluate(() => chrome.storage.session.get(null));
  return Object.fromEntries(Object.entries(session).filter(([key]) => key.startsWith('tab:')));
}

/** Waits for the content script of `gmail`'s tab to report, and returns that tab's context. */
async function reportedContext(worker: Worker, gmail: GmailPage): Promise<{ accountPath: string; accountEmail: string | null }> {
  const key = `tab:${await gmail.tabId(worker)}`;
  await expect.poll(async () => (await tabContexts(worker))[key]).toBeTruthy();
  return (await tabContexts(worker))[key] as { accountPath: string; accountEmail: string | null };
}

/** `chrome.runtime.sendMessage(EXTENSION_ID, …)` from a page's own scripts, as any site could write it. */
function sendFromPage(page: Page, messages: unknown[]): Promise<string[]> {
  return page.evaluate(
    async ({ id, messages }) => {
      type Runtime = { sendMessage?: (id: string, message: unknown) => Promise<unknown> };
      const runtime = (globalThis as { chrome?: { runtime?: Runtime } }).chrome?.runtime;
      if (typeof runtime?.sendMessage !== 'function') return messages.map(() => 'no chrome.runtime.sendMessage');
      const results: string[] = [];
      for (const message of messages) {
        try {
          results.push(`answered: ${JSON.stringify(await runtime.sendMessage(id, message))}`);
        } catch (error) {
          results.push(`threw: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return results;
    },
    { id: EXTENSION_ID, messages },
  );
}

/** A request from an extension page (the panel), answered by the background's router. */
const sendFromPanel = (page: Page, message: unknown) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);

test('a web page cannot reach the extension, nor can Gmail’s own page scripts', async ({ context, gmail, signedInPanel: panel, worker, google }) => {
  await context.route('https://evil.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Evil</title><p>Hello' }));
  const evil = await context.newPage();
  await evil.goto('https://evil.example/');
  const tabId = await gmail.tabId(worker);
  await reportedContext(worker, gmail);
  const before = await settledStorage(worker);
  google.clearRequests();

  // Without externally_connectable no page gets chrome.runtime.sendMessage at all.
  expect(await sendFromPage(evil, hostileRequests(tabId))).toEqual(hostileRequests(tabId).map(() => 'no chrome.runtime.sendMessage'));
  expect(await sendFromPage(gmail.page, hostileRequests(tabId))).toEqual(hostileRequests(tabId).map(() => 'no chrome.runtime.sendMessage'));

  expect(await settledStorage(worker)).toEqual(before);
  expect(google.requests()).toEqual([]);
  await expect(panel.signOutButton).toBeVisible();
});

test('a Gmail context sent from an extension page is refused and changes no tab', async ({ gmail, openPanel, worker }) => {
  const panel = await openPanel(gmail);
  const reported = await reportedContext(worker, gmail);
  const contexts = await tabContexts(worker);

  expect(await sendFromPanel(panel.page, forgedContext)).toEqual({
    ok: false,
    error: { code: 'bad-request', detail: 'Gmail context from outside a Gmail tab' },
  });
  expect(await tabContexts(worker)).toEqual(contexts);
  expect(reported.accountEmail).toBe(AGENT.email);
});

test('a Gmail iframe showing another account does not change its tab’s context', async ({ context, gmail, worker }) => {
  const reported = await reportedContext(worker, gmail);
  expect(reported).toMatchObject({ accountPath: '/mail/u/0', accountEmail: AGENT.email });

  // Same origin, so Gmail's X-Frame-Options allows it; the content script is declared for top frames.
  await gmail.page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.id = 'other-account';
    frame.src = src;
    document.body.append(frame);
  }, `${SECOND.accountPath}/#inbox`);
  await gmail.page.frameLocator('#other-account').locator('tr.zA').first().waitFor();
  // A control: the same page in a tab of its own does report, and by then the iframe had its chance.
  const second = await GmailPage.open(context, `${SECOND.accountPath}/`);
  expect(await reportedContext(worker, second)).toMatchObject({ accountPath: SECOND.accountPath, accountEmail: SECOND.email });

  expect(await reportedContext(worker, gmail)).toEqual(reported);
  expect(Object.keys(await tabContexts(worker)).sort()).toEqual([`tab:${await gmail.tabId(worker)}`, `tab:${await second.tabId(worker)}`].sort());
});

test('malformed requests from the panel get bad-request and change nothing', async ({ gmail, signedInPanel: panel, worker, google }) => {
  const tabId = await gmail.tabId(worker);
  const before = await settledStorage(worker);
  google.clearRequests();

  const malformed = [
    { type: 'conversation/get', tabId: 'x', source: 'cache' },
    { type: 'auth/steal-token', tabId },
    { type: 'privacy/delete-all' },
    { type: 'privacy/erase-customer', tabId, account: AGENT.email, customer: 'everyone', mode: 'erase' },
    { type: 'draft/insert', tabId, threadId: 'not-hex', text: 'Hello', mode: 'new' },
    { type: 'draft/insert', tabId, threadId: 'abcdef0123456789', text: 'x'.repeat(40_001), mode: 'new' },
    { type: 'history/get', tabId, source: 'network', customer: 'maria@acme.example', rows: 1_000_000 },
    null,
    'privacy/delete-all',
  ];
  for (const message of malformed) {
    expect(await sendFromPanel(panel.page, message), JSON.stringify(message)?.slice(0, 80)).toEqual({
      ok: false,
      error: { code: 'bad-request', detail: 'malformed message' },
    });
  }

  expect(await settledStorage(worker)).toEqual(before);
  expect(google.requests()).toEqual([]);
  await expect(panel.signOutButton).toBeVisible();
});

const withOtherExtension = test.extend<{ otherExtensionDir: string }>({
  otherExtensionDir: async ({}, use) => use(writeOtherExtension()),
  context: async ({ fakeGoogle, userDataDir, otherExtensionDir, google: _resetFirst }, use) => {
    const context = await launchWithExtension({
      fakeGoogleArgs: fakeGoogle.chromiumArgs(),
      headless: true,
      userDataDir,
      extraExtensionDirs: [otherExtensionDir],
    });
    await use(context);
    await context.close();
  },
});

withOtherExtension('another extension can neither message ours nor subscribe to a tab’s state', async ({
  context,
  gmail,
  signedInPanel: panel,
  worker,
  google,
}) => {
  const tabId = await gmail.tabId(worker);
  await reportedContext(worker, gmail);
  const other = await otherExtensionWorker(context);
  const before = await settledStorage(worker);
  google.clearRequests();

  const attempt = await tryFromOtherExtension(other, hostileRequests(tabId), tabId);

  // Chrome hands other extensions' messages to onMessageExternal / onConnectExternal; we listen to neither.
  expect(attempt.messages).toEqual(hostileRequests(tabId).map(() => RECEIVING_END));
  expect(attempt.port).toEqual({ received: [], disconnectError: RECEIVING_END.replace('threw: ', '') });
  expect(await settledStorage(worker)).toEqual(before);
  expect(google.requests()).toEqual([]);
  await expect(panel.signOutButton).toBeVisible();
});
