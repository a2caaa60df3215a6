/** A panel `request` function whose answers the test gives, so a test controls every await. */
import { expect } from 'vitest';
import type { PanelRequest, PanelResponses, Result } from '../../../utils/messaging/protocol';
import type { PanelStateDeps } from '../../../utils/panel/state';

interface Pending {
  request: PanelRequest;
  resolve: (result: Result<unknown>) => void;
}

/** A request function whose answers the test gives, one pending call at a time. */
export function controlledRequest() {
  const pending: Pending[] = [];
  const request: PanelStateDeps['request'] = <T extends PanelRequest['type']>(
    req: Extract<PanelRequest, { type: T }>,
  ): Promise<Result<PanelResponses[T]>> =>
    new Promise((resolve) => pending.push({ request: req, resolve: resolve as (result: Result<unknown>) => void }));
  /** Answers the oldest pending request that matches `expected` (the panel asks several things at once). */
  async function answer(expected: Partial<PanelRequest>, result: Result<unknown>): Promise<void> {
    await flush();
    const index = pending.findIndex(({ request: asked }) =>
      Object.entries(expected).every(([key, value]) => (asked as Record<string, unknown>)[key] === value),
    );
    expect(index, `no pending request like ${JSON.stringify(expected)}`).toBeGreaterThanOrEqual(0);
    pending.splice(index, 1)[0]?.resolve(result);
    await flush();
  }
  /** Requests still waiting, of one type. */
  const waiting = (type: PanelRequest['type']) => pending.filter(({ request: asked }) => asked.type === type);
  return { request, pending, answer, waiting };
}

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
