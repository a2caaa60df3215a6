/**
 * Keeps the keyboard focus from falling to <body> (F11) when what had it goes away: the consent
 * screen replaced once signed in, a confirmation or an explanation answered, a row re-rendered.
 * Components move the focus themselves where they know better; this runs after them (after
 * Preact's effects) and only when the focus was really lost, to the screen's home:
 *   1. an element marked `data-focus-home` (the consent screen's "Sign in with Google"),
 *   2. the selected section tab,
 *   3. the screen's first heading, made focusable for it.
 */

/** Preact runs effects after the next frame, or within 100 ms in a hidden page: after that. */
const AFTER_EFFECTS_MS = 120;

const usable = (element: HTMLElement) => element.isConnected && element.getClientRects().length > 0 && !element.matches(':disabled');

function home(root: HTMLElement): HTMLElement | null {
  const candidates = [
    ...root.querySelectorAll<HTMLElement>('[data-focus-home]'),
    ...root.querySelectorAll<HTMLElement>('[role="tab"][aria-selected="true"]'),
    ...root.querySelectorAll<HTMLElement>('main h2'),
  ];
  return candidates.find(usable) ?? null;
}

export function keepFocus(root: HTMLElement): () => void {
  let last: HTMLElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function rescue(): void {
    timer = undefined;
    const focused = document.activeElement;
    if (focused !== null && focused !== document.body) return;
    // Still there and usable: the agent clicked somewhere empty, which is theirs to do.
    if (!last || usable(last)) return;
    const target = home(root);
    if (!target) return;
    if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) target.tabIndex = -1;
    target.focus();
  }

  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof HTMLElement && root.contains(event.target)) last = event.target;
  };
  // A click on empty space blurs an element that stays: the agent's choice, not a loss to repair
  // later when that element goes. Checked a moment later, once a removal would have happened.
  const onFocusOut = (event: FocusEvent) => {
    const left = event.target;
    queueMicrotask(() => {
      if (left === last && last && usable(last) && document.activeElement === document.body) last = null;
    });
  };
  const observer = new MutationObserver(() => {
    timer ??= setTimeout(rescue, AFTER_EFFECTS_MS);
  });
  document.addEventListener('focusin', onFocusIn);
  document.addEventListener('focusout', onFocusOut);
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'hidden'] });
  return () => {
    observer.disconnect();
    document.removeEventListener('focusin', onFocusIn);
    document.removeEventListener('focusout', onFocusOut);
    clearTimeout(timer);
  };
}
