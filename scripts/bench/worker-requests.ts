/**
 * The HTTP requests the extension's service worker makes, as Chromium's network stack timed them
 * (CDP Network on the worker target). The fake Google's log has each request's arrival but not its
 * answer, and logs a batch's parts like requests of their own; the worker's view has both ends of
 * every round trip and sees a batch as the one round trip it is.
 */
import type { CDPSession } from '@playwright/test';
import { findExtensionTarget } from '../../tests/e2e/support-cdp';

export interface Exchange {
  url: string;
  /** ms on Chromium's monotonic clock. */
  start: number;
  /** null while unanswered. */
  end: number | null;
}

interface RawMessage {
  id?: number;
  method?: string;
  params?: { requestId?: string; timestamp?: number; request?: { url: string } };
}

export interface WorkerRequests {
  exchanges: () => Exchange[];
  /** Resolves once nothing is in flight and nothing new started for `quietMs` (or `capMs` passed). */
  settle: (quietMs: number, capMs?: number) => Promise<void>;
  stop: () => Promise<void>;
}

export async function recordWorkerRequests(cdp: CDPSession): Promise<WorkerRequests> {
  const targetId = await findExtensionTarget(cdp, 'background.js');
  if (!targetId) throw new Error('the extension service worker is not running');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  const byId = new Map<string, Exchange>();
  let lastEventAt = Date.now();
  const onMessage = (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const { method, params } = JSON.parse(event.message) as RawMessage;
    const requestId = params?.requestId;
    if (!method || requestId === undefined || params?.timestamp === undefined) return;
    lastEventAt = Date.now();
    const ms = params.timestamp * 1000;
    if (method === 'Network.requestWillBeSent' && params.request) byId.set(requestId, { url: params.request.url, start: ms, end: null });
    if (method === 'Network.loadingFinished' || method === 'Network.loadingFailed') {
      const exchange = byId.get(requestId);
      if (exchange) exchange.end = ms;
    }
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Network.enable' }) });
  const exchanges = () => [...byId.values()];
  return {
    exchanges,
    settle: async (quietMs, capMs = 15_000) => {
      const started = Date.now();
      const inFlight = () => exchanges().some((exchange) => exchange.end === null);
      while (Date.now() - started < capMs && (inFlight() || Date.now() - lastEventAt < quietMs)) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    stop: async () => {
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      await cdp.send('Target.detachFromTarget', { sessionId });
    },
  };
}

/**
 * Sequential round trips: the longest chain of requests each answered before the next began.
 * Requests that overlap ran side by side and cost one wait between them. Picking, over and over,
 * the request that ends first among those starting after the chain's end is optimal for this.
 */
export function sequentialRoundTrips(exchanges: readonly Exchange[]): number {
  const answered = exchanges.filter((e): e is Exchange & { end: number } => e.end !== null).sort((a, b) => a.end - b.end);
  let chain = 0;
  let chainEnd = -Infinity;
  for (const exchange of answered) {
    if (exchange.start >= chainEnd) {
      chain++;
      chainEnd = exchange.end;
    }
  }
  return chain;
}
