/**
 * Issue 7: what the hostile-content tests watch for in a page. Every payload calls
 * `top.__pwned(…)`; the panel's CSP (MV3's default, script-src 'self') would refuse an inline
 * handler that got into the DOM, so the `securitypolicyviolation` events it fires are collected
 * too, with the page's uncaught errors and console errors.
 */
import { type BrowserContext, type Locator, type Page, expect } from '@playwright/test';

declare global {
  interface Window {
    __pwned: (what: unknown) => void;
    __pwnedBy: string[];
    __violations: string[];
  }
}

/** Installs the traps in every page the context opens from now on (the panel, Gmail, popups). */
export async function watchPages(context: BrowserContext): Promise<(page: Page) => string[]> {
  await context.addInitScript(() => {
    window.__pwnedBy = [];
    window.__pwned = (what) => window.__pwnedBy.push(String(what));
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
    );
  });
  const errors = new Map<Page, string[]>();
  context.on('page', (page) => {
    const list: string[] = [];
    errors.set(page, list);
    page.on('pageerror', (error) => list.push(`pageerror: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && list.push(`console: ${message.text()}`));
  });
  return (page) => errors.get(page) ?? [];
}

/** No payload ran, none was refused by the CSP (so none got into the DOM as markup), nothing failed. */
export async function expectNothingRan(page: Page, errors: string[]): Promise<void> {
  const traps = await page.evaluate(() => ({ trap: typeof window.__pwned, ran: window.__pwnedBy, refused: window.__violations }));
  expect(traps, 'the traps are installed and nothing sprang them').toEqual({ trap: 'function', ran: [], refused: [] });
  expect(errors, 'no uncaught error or console error').toEqual([]);
}

/**
 * The panel's content holds only what Preact writes: no element or attribute markup could add;
 * links are https, a conversation's on mail.google.com, and a new tab never gets `opener`.
 */
export async function expectNoMarkupFromMail(page: Page): Promise<void> {
  const found = await page.locator('#app').evaluate((app) => {
    const bad = [...app.querySelectorAll('script, img, svg, iframe, style, object, embed, link, base, meta')].map((el) => el.tagName);
    const handlers = [...app.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((name) => name.startsWith('on')));
    const links = [...app.querySelectorAll('a')].map((a) => ({
      href: a.href,
      rel: a.rel,
      target: a.target,
      toThread: a.closest('[data-testid="queue-row"], [data-testid="history-row"]') !== null,
    }));
    return { bad, handlers, links };
  });
  expect(found.bad, 'elements from mail markup').toEqual([]);
  expect(found.handlers, 'event handler attributes').toEqual([]);
  for (const link of found.links) {
    const url = new URL(link.href);
    expect(url.protocol, link.href).toBe('https:');
    if (link.toThread) expect(url.host, link.href).toBe('mail.google.com');
    if (link.target === '_blank') expect(link.rel.split(' '), link.href).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
  }
}

/** Chrome's side panel width: nothing from mail may make it scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    panel: document.documentElement.clientWidth,
    // Boxes that scroll on their own hide an overflow from the page's width.
    boxes: [...document.querySelectorAll<HTMLElement>('#app *')]
      .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.className),
  }));
  expect(widths.page, 'the page is no wider than the panel').toBeLessThanOrEqual(widths.panel);
  expect(widths.boxes, 'boxes scrolling sideways').toEqual([]);
}

/** Every piece of text carrying a bidi control sits in a <bdi>, isolated from the panel's own text. */
export async function expectBidiIsolated(page: Page): Promise<void> {
  const loose = await page.locator('#app').evaluate((app) => {
    const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
    const found: string[] = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      // The template preview is one text; the values in it are balanced instead (see expectReadsAfter).
      const isolated = node.parentElement?.closest('bdi, pre');
      if (/[\u202A-\u202E\u2066-\u2069]/.test(node.textContent ?? '') && !isolated) found.push(node.textContent ?? '');
    }
    return found;
  });
  expect(loose, 'mail text with bidi controls outside a <bdi>').toEqual([]);
}

/**
 * In `container`, the text `later` is shown after the text `earlier`: further right on the same
 * line, or below. Measured on the characters (a Range), so it also holds inside one text node.
 */
export async function expectReadsAfter(container: Locator, earlier: string, later: string): Promise<void> {
  const boxes = await container.evaluate(
    (root, texts) =>
      texts.map((text) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(text) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          const { left, right, top, bottom } = range.getBoundingClientRect();
          return { left, right, top, bottom };
        }
        return null;
      }),
    [earlier, later],
  );
  const [a, b] = boxes;
  if (!a || !b) throw new Error(`"${earlier}" and "${later}" must both be shown`);
  const below = b.top >= a.bottom - 1;
  expect(below || b.left >= a.right - 1, `"${later}" ${JSON.stringify(b)} should follow "${earlier}" ${JSON.stringify(a)}`).toBe(true);
}
