/**
 * Another extension installed beside ours, written to a temp folder at test time: a bare MV3
 * service worker the test drives with `worker.evaluate`, to try what any extension could try.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
import { EXTENSION_ID } from '../support/launch';

export function writeOtherExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'icustomer-other-extension-'));
  const manifest = { manifest_version: 3, name: 'Other extension', version: '1.0', background: { service_worker: 'background.js' } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  // A listener at top level keeps Chrome from treating the worker as idle before the test drives it.
  writeFileSync(join(dir, 'background.js'), 'chrome.runtime.onInstalled.addListener(() => {});\n');
  return dir;
}

/** The other extension's service worker (any extension worker that is not ours). */
export async function otherExtensionWorker(context: BrowserContext): Promise<Worker> {
  const isOther = (worker: Worker) => worker.url().startsWith('chrome-extension://') && !worker.url().includes(EXTENSION_ID);
  return context.serviceWorkers().find(isOther) ?? context.waitForEvent('serviceworker', isOther);
}

export interface ExternalAttempt {
  /** Per message: what sendMessage(EXTENSION_ID, …) gave, `threw: <error>` or `answered: <json>`. */
  messages: string[];
  /** What came back over connect(EXTENSION_ID, {name: 'panel'}) after asking to bind to a tab. */
  port: { received: unknown[]; disconnectError: string | null };
}

/** From the other extension: every message sent to ours, then a `panel` port bound to `tabId`. */
export function tryFromOtherExtension(worker: Worker, messages: unknown[], tabId: number): Promise<ExternalAttempt> {
  return worker.evaluate(
    async ({ id, messages, tabId }) => {
      const results: string[] = [];
      for (const message of messages) {
        try {
          results.push(`answered: ${JSON.stringify(await chrome.runtime.sendMessage(id, message))}`);
        } catch (error) {
          results.push(`threw: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      const port = await new Promise<ExternalAttempt['port']>((resolve) => {
        const received: unknown[] = [];
        const connected = chrome.runtime.connect(id, { name: 'panel' });
        connected.onMessage.addListener((message: unknown) => received.push(message));
        connected.onDisconnect.addListener(() => resolve({ received, disconnectError: chrome.runtime.lastError?.message ?? null }));
        try {
          connected.postMessage({ type: 'bind', tabId });
        } catch {
          // Already disconnected: onDisconnect reports why.
        }
        // Were our background to accept the port, it would answer the bind at once; give it a moment.
        setTimeout(() => resolve({ received, disconnectError: null }), 2000);
      });
      return { messages: results, port };
    },
    { id: EXTENSION_ID, messages, tabId },
  );
}
