/**
 * Side panels connect a `panel` port and bind it to a tab; the hub pushes that tab's state on bind
 * and whenever it changes. A panel bound to one account's tab is never sent another account's state.
 */
import type { Browser } from 'wxt/browser';
import { type TabState, panelPortMessageSchema } from '../messaging/protocol';

type Port = Browser.runtime.Port;

export interface PanelHubDeps {
  computeState: (tabId: number) => Promise<TabState>;
  isTrustedPort: (port: Port) => boolean;
  log: (message: string, details: Record<string, unknown>) => void;
}

export function createPanelHub(deps: PanelHubDeps) {
  const boundTabs = new Map<Port, number>();

  async function push(port: Port, tabId: number): Promise<void> {
    const state = await deps.computeState(tabId);
    // The port may have been re-bound or closed while the state was computed.
    if (boundTabs.get(port) === tabId) port.postMessage({ type: 'tab-state', state });
  }

  function connect(port: Port): void {
    if (!deps.isTrustedPort(port)) {
      deps.log('rejected port', { name: port.name, url: port.sender?.url });
      port.disconnect();
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      const parsed = panelPortMessageSchema.safeParse(message);
      if (!parsed.success) return deps.log('malformed port message', { issues: parsed.error.issues.length });
      boundTabs.set(port, parsed.data.tabId);
      void push(port, parsed.data.tabId);
    });
    port.onDisconnect.addListener(() => boundTabs.delete(port));
  }

  /** Re-sends the state of the given tabs (all bound tabs when omitted). */
  function publish(tabIds?: readonly number[]): void {
    for (const [port, tabId] of boundTabs) {
      if (!tabIds || tabIds.includes(tabId)) void push(port, tabId);
    }
  }

  return { connect, publish };
}
