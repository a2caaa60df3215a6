/**
 * Issue 7 › 2: a `panel` port carries a tab's account and customer, so only this extension's own
 * pages may open one; anything else is disconnected before it can bind to a tab.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createPanelHub } from '../../../utils/background/panel-hub';
import type { TabState } from '../../../utils/messaging/protocol';
import { isTrustedPanelPort } from '../../../utils/messaging/router';

type Port = Browser.runtime.Port;
type Sender = Browser.runtime.MessageSender;

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE_URL = `chrome-extension://${EXTENSION_ID}/`;
const panelPage: Sender = { id: EXTENSION_ID, url: `${BASE_URL}sidepanel.html?tab=7` };
const gmailContentScript: Sender = {
  id: EXTENSION_ID,
  url: 'https://mail.google.com/mail/u/0/#inbox',
  tab: { id: 7 } as Browser.tabs.Tab,
  frameId: 0,
};

/** A port as Chrome hands it to onConnect: its listeners are kept so the test can speak through it. */
function fakePort(sender: Sender | undefined) {
  const messageListeners: ((message: unknown) => void)[] = [];
  const port = {
    name: 'panel',
    sender,
    postMessage: vi.fn(),
    disconnect: vi.fn(),
    onMessage: { addListener: (listener: (message: unknown) => void) => messageListeners.push(listener) },
    onDisconnect: { addListener: vi.fn() },
  };
  const send = (message: unknown) => messageListeners.forEach((listener) => listener(message));
  return { port: port as unknown as Port, postMessage: port.postMessage, disconnect: port.disconnect, send, listening: () => messageListeners.length > 0 };
}

function setup() {
  const state: TabState = { tabId: 7, context: null, session: null, signedOutReason: null, customerHint: null, queueRevision: null };
  const computeState = vi.fn(async (_tabId: number) => state);
  const log = vi.fn();
  const hub = createPanelHub({
    computeState,
    isTrustedPort: (port) => isTrustedPanelPort(port.sender, EXTENSION_ID, BASE_URL),
    log,
  });
  return { hub, computeState, log };
}

describe('panel ports', () => {
  it('from an extension page bind to a tab and receive its state', async () => {
    const { hub, computeState } = setup();
    const { port, send, postMessage, disconnect } = fakePort(panelPage);
    hub.connect(port);
    send({ type: 'bind', tabId: 7 });
    await vi.waitFor(() => expect(postMessage).toHaveBeenCalledWith({ type: 'tab-state', state: expect.objectContaining({ tabId: 7 }) }));
    expect(computeState).toHaveBeenCalledWith(7);
    expect(disconnect).not.toHaveBeenCalled();
  });

  it.each<[string, Sender | undefined]>([
    ["this extension's content script in Gmail", gmailContentScript],
    ['the content script in a Gmail iframe', { ...gmailContentScript, frameId: 4 }],
    ['a web page', { url: 'https://evil.example/', tab: { id: 9 } as Browser.tabs.Tab, frameId: 0 }],
    ['another extension', { id: 'otherextensionidotherextensionid', url: 'chrome-extension://otherextensionidotherextensionid/x.html' }],
    ['another extension claiming our page URL', { id: 'otherextensionidotherextensionid', url: panelPage.url }],
    ['an origin that starts with ours', { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}x/sidepanel.html` }],
    ['no sender', undefined],
  ])('from %s are disconnected and never bound', async (_, sender) => {
    const { hub, computeState, log } = setup();
    const { port, send, postMessage, disconnect, listening } = fakePort(sender);
    hub.connect(port);
    send({ type: 'bind', tabId: 7 });
    hub.publish();
    await Promise.resolve();
    expect(disconnect).toHaveBeenCalledTimes(1);
    expect(listening()).toBe(false);
    expect(computeState).not.toHaveBeenCalled();
    expect(postMessage).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('rejected port', expect.objectContaining({ url: sender?.url }));
  });

  it.each<[string, unknown]>([
    ['no tab', { type: 'bind' }],
    ['a tab id as text', { type: 'bind', tabId: '7' }],
    ['a negative tab id', { type: 'bind', tabId: -1 }],
    ['another type', { type: 'tab-state', tabId: 7 }],
    ['null', null],
  ])('ignore a malformed bind message with %s', async (_, message) => {
    const { hub, computeState, log } = setup();
    const { port, send, postMessage } = fakePort(panelPage);
    hub.connect(port);
    send(message);
    hub.publish();
    await Promise.resolve();
    expect(computeState).not.toHaveBeenCalled();
    expect(postMessage).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('malformed port message', expect.anything());
  });
});
