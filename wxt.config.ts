import { defineConfig } from 'wxt';

// The public half of the extension's signing key. It fixes the extension id
// (ihefhopcannekhkalefikoekgclgolgl), and with it the OAuth redirect URI
// https://ihefhopcannekhkalefikoekgclgolgl.chromiumapp.org/ that the Google OAuth client lists.
const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvmAzQ9SeIgmuVDMmufn9SFa/09HpugShYmp4wCGpUTGhRVqzur51ufzvpI+hh22cDH9xMqgntp80TaUqo6ZIZQVfCoOfD6UntM5SS3yrZUa/aeMmGdp8LVQbnz50TNVumVQbmOREuXq5P6YMAhZYBfX18Ra5xTkMDTcVXlK6cLv94Vb8hYYOj2G5NVHkKIpFrmbWUpD07tNMGvQYTql3pOfplHW7OIrZ6PVizW1d1aIGvHrcu/yJ8wiTVV19TKGZTIV7u5O1RF0x/vQhZMoC7EpOb8dtRZvJgiYpsdi9zHlqe7EpVCO+mxZl0cuIwnexmJ6RAuQmiCg6VtvvcK9KrQIDAQAB';

export default defineConfig({
  // Explicit imports only: it must be obvious which code reaches the service worker (STYLE.md).
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    key: EXTENSION_PUBLIC_KEY,
    // Least privilege: sign-in, the side panel, session/local storage, and alarms for the queue's
    // sync job (F5), which must run while the worker is stopped.
    permissions: ['identity', 'storage', 'sidePanel', 'alarms'],
    // Only the Google endpoints the background calls, and Gmail for the content script.
    host_permissions: [
      'https://mail.google.com/*',
      'https://gmail.googleapis.com/*',
      'https://oauth2.googleapis.com/*',
      'https://www.googleapis.com/*',
    ],
    action: { default_title: '__MSG_actionTitle__' },
    // Settings an admin sets by policy (chrome.storage.managed); the schema lives in public/.
    storage: { managed_schema: 'managed_schema.json' },
  },
});
