/**
 * Raw CDP on targets Playwright does not hand out: the real side panel and the extension's service
 * worker. Messages go through Target.sendMessageToTarget on a browser-level session.
 */
import type { CDPSession } from '@playwright/test';
import { EXTENSION_ID } from '../support/launch';

export interface RawTarget {
  send: (method: string, params?: Record<string, unknown>) => Promise<unknown>;
  detach: () => Promise<void>;
}

export async function attachToTarget(cdp: CDPSession, targetId: string): Promise<RawTarget> {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  const onMessage = (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? message.error);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  return {
    send: (method, params = {}) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      }),
    detach: async () => {
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      await cdp.send('Target.detachFromTarget', { sessionId });
    },
  };
}

export async function findExtensionTarget(cdp: CDPSession, path: string): Promise<string | null> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  return targetInfos.find((target) => target.url.startsWith(`chrome-extension://${EXTENSION_ID}/${path}`))?.targetId ?? null;
}

/**
 * Network conditions of the service worker (and only it: Gmail's page stays online). One session
 * stays attached, since emulation ends with the session that set it.
 */
export async function serviceWorkerNetwork(cdp: CDPSession): Promise<{ setOffline: (offline: boolean) => Promise<void> }> {
  const targetId = await findExtensionTarget(cdp, 'background.js');
  if (!targetId) throw new Error('the extension service worker is not running');
  const worker = await attachToTarget(cdp, targetId);
  await worker.send('Network.enable');
  return {
    setOffline: async (offline) => {
      await worker.send('Network.emulateNetworkConditions', {
        offline,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    },
  };
}

/** The visible text of the real side panel, '' while it is not open. */
export async function sidePanelText(cdp: CDPSession): Promise<string> {
  const targetId = await findExtensionTarget(cdp, 'sidepanel.html');
  if (!targetId) return '';
  const panel = await attachToTarget(cdp, targetId);
  const answer = (await panel.send('Runtime.evaluate', { expression: 'document.body.innerText', returnByValue: true })) as {
    result?: { value?: string };
  };
  await panel.detach();
  return answer.result?.value ?? '';
}

/** Stops the extension's service worker, as Chrome does to idle workers (chromium-e2e.md). */
export async function stopServiceWorker(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((version) => version.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}
