/** The admin's feature switches are enforced in the background too, not only hidden (F9, issue 6). */
import { describe, expect, it, vi } from 'vitest';
import { createPanelRequestHandler, type PanelRequestDeps } from '../../../utils/background/panel-requests';
import type { PanelRequest } from '../../../utils/messaging/protocol';
import { DEFAULT_FEATURES, type FeatureSwitches } from '../../../utils/policy/settings';

const CUSTOMER = 'maria@cliente.example';

function handlerWith(features: Partial<FeatureSwitches>) {
  const untouched = () => {
    throw new Error('a switched-off feature reached its service');
  };
  const deps = {
    contexts: { resolve: untouched },
    sessions: { grant: untouched },
    features: () => ({ ...DEFAULT_FEATURES, ...features }),
    log: vi.fn(),
  } as unknown as PanelRequestDeps;
  return createPanelRequestHandler(deps);
}

const requests: Record<string, PanelRequest> = {
  history: { type: 'history/get', tabId: 1, source: 'cache', customer: CUSTOMER, rows: 10 },
  caseSet: { type: 'case/set', tabId: 1, change: { kind: 'status', value: 'Solved' } },
  queue: { type: 'queue/get', tabId: 1, source: 'cache' },
  draft: { type: 'draft/insert', tabId: 1, threadId: 'abc', text: 'Olá', mode: 'new' },
  grantCases: { type: 'auth/grant', tabId: 1, feature: 'cases' },
  grantDrafts: { type: 'auth/grant', tabId: 1, feature: 'drafts' },
};

describe('a request for a feature the admin switched off', () => {
  it.each<[string, Partial<FeatureSwitches>]>([
    ['history', { history: false }],
    ['caseSet', { cases: false }],
    ['queue', { queue: false }],
    ['queue', { cases: false }],
    ['draft', { templates: false }],
    ['grantCases', { cases: false }],
    ['grantDrafts', { templates: false }],
  ])('%s with %j is refused before any work', async (name, features) => {
    expect(await handlerWith(features)(requests[name]!)).toEqual({ ok: false, error: { code: 'feature-disabled' } });
  });

  it('leaves the other features alone: drafts still ask for consent with cases off', async () => {
    await expect(handlerWith({ cases: false })(requests.grantDrafts!)).rejects.toThrow('reached its service');
  });
});
