import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundApp } from '@/utils/background/app';
import { GOOGLE_CLIENT_ID } from '@/utils/config';
import { panelPortName } from '@/utils/messaging/protocol';

export default defineBackground(() => {
  const app = createBackgroundApp({
    browser,
    clientId: GOOGLE_CLIENT_ID,
    fetch: (input, init) => fetch(input, init),
    // Read at each call, never captured: tests move the worker's clock (no sleeping in tests).
    now: () => Date.now(),
    log: (message, details) => console.warn(`[icustomer] ${message}`, details),
  });

  // Listeners are registered synchronously so that an event that woke the worker is not missed.
  browser.runtime.onMessage.addListener((message, sender) => app.route(message, sender));
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === panelPortName) app.connectPanel(port);
  });
  browser.tabs.onRemoved.addListener((tabId) => void app.forgetTab(tabId));
  browser.alarms.onAlarm.addListener((alarm) => app.onAlarm(alarm.name));
  void app.start();
  // The toolbar icon opens the side panel (issue 2 › 7); the setting persists, so setting it
  // again on every start is harmless and heals a profile where it was lost.
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
});
