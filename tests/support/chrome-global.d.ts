// Code passed to `worker.evaluate` runs inside the extension's service worker, where `chrome` is a
// global. Extension source uses `browser` from 'wxt/browser'; only tests reach for `chrome`.
declare const chrome: typeof import('wxt/browser').browser;
