import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchGmail } from '@/utils/gmail-ui/watch';
import type { ContentMessage } from '@/utils/messaging/protocol';

// Tiny by design (F12): reads ids from Gmail's DOM, reports them, injects nothing into the page.
export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const stop = watchGmail({
      page: () => ({
        pathname: location.pathname,
        hash: location.hash,
        title: document.title,
        querySelectorAll: (selector) => document.querySelectorAll(selector),
      }),
      report: (context) => {
        const message: ContentMessage = { type: 'gmail/context', context };
        // The background may be restarting; the next change reports again.
        browser.runtime.sendMessage(message).catch(() => {});
      },
      observeDom: (check, attributes) => {
        const observer = new MutationObserver(check);
        observer.observe(document.documentElement, {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: attributes,
        });
        return () => observer.disconnect();
      },
      onHashChange: (check) => ctx.addEventListener(window, 'hashchange', check),
      setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
      now: () => performance.now(),
    });
    ctx.onInvalidated(stop);
  },
});
