import { render } from 'preact';
import { browser } from 'wxt/browser';
import { statusText } from '@/components/caseText';
import { keepFocus } from '@/components/focusRescue';
import { LocaleContext } from '@/components/i18n';
import { createTranslate } from '@/utils/i18n/messages';
import { sendPanelRequest } from '@/utils/messaging/client';
import { panelEventSchema, panelPortName } from '@/utils/messaging/protocol';
import { explicitTabId } from '@/utils/panel/bind-tab';
import { NOW_TICK_MS, createPanelState } from '@/utils/panel/state';
import { createPolicySource } from '@/utils/policy/source';
import { lazyTemplateStore } from '@/utils/templates/lazy-store';
import { App } from './App';
import './style.css';

const language = browser.i18n.getUILanguage();
const t = createTranslate((key, subs) => browser.i18n.getMessage(key as 'appName', subs));

/** The admin policy (F9): read once, then followed live; the background reads its own copy. */
const policy = createPolicySource({
  readManaged: () => browser.storage.managed.get(null),
  onChanged: browser.storage.onChanged,
  log: (message, details) => console.warn(`[icustomer] ${message}`, details),
});

const state = createPanelState({
  request: (request) => sendPanelRequest((message) => browser.runtime.sendMessage(message), request),
  // Preact renders in a microtask: a task later, the DOM shows what the signals hold.
  rendered: () => new Promise((resolve) => setTimeout(resolve, 0)),
  templates: {
    store: lazyTemplateStore(async () =>
      (await import('@/utils/templates/store')).createTemplateStore({
        sync: browser.storage.sync,
        local: browser.storage.local,
        onChanged: browser.storage.onChanged,
        now: () => Date.now(),
        newId: () => crypto.randomUUID(),
      }),
    ),
    readAdminTemplates: async () => (await policy.current()).policy.templates,
    watchAdmin: (onChange) => policy.watch(onChange),
    statusText: (status) => statusText(t, status),
    copyText: (text) => navigator.clipboard.writeText(text),
  },
});
setInterval(state.tick, NOW_TICK_MS);
void policy.current().then(state.receivePolicy);
policy.watch(state.receivePolicy);

let boundTabId: number | null = null;
let port = connect();

/** The background may be stopped by Chrome at any time; its port then closes and we reconnect. */
function connect() {
  const next = browser.runtime.connect({ name: panelPortName });
  next.onMessage.addListener((message: unknown) => {
    const event = panelEventSchema.safeParse(message);
    if (event.success && event.data.state.tabId === boundTabId) state.receiveTabState(event.data.state);
  });
  next.onDisconnect.addListener(() => {
    port = connect();
    if (boundTabId !== null) port.postMessage({ type: 'bind', tabId: boundTabId });
  });
  return next;
}

function bind(tabId: number): void {
  boundTabId = tabId;
  port.postMessage({ type: 'bind', tabId });
}

async function bindToActiveTab(): Promise<void> {
  const window = await browser.windows.getCurrent();
  const [active] = await browser.tabs.query({ active: true, windowId: window.id });
  if (active?.id !== undefined) bind(active.id);
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    if (windowId === window.id) bind(tabId);
  });
}

const explicit = explicitTabId(location.search);
if (explicit !== null) bind(explicit);
else void bindToActiveTab();

document.documentElement.lang = language;
const locale = { t, language };

render(
  <LocaleContext.Provider value={locale}>
    <App
      state={state}
      ownPrivacyPolicyUrl={browser.runtime.getURL('/privacy.html')}
      navigateTab={(tabId, url) => void browser.tabs.update(tabId, { url })}
    />
  </LocaleContext.Provider>,
  document.getElementById('app')!,
);
keepFocus(document.getElementById('app')!);
