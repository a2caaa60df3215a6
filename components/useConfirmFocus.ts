import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A confirmation step replaces the button that asked for it: the keyboard focus goes to its
 * question (read out, and never on the destructive button by accident), and back to that button
 * once the step is over, so the focus is never lost to the top of the page.
 */
export function useConfirmFocus(confirming: boolean, question: RefObject<HTMLElement | null>, opener: RefObject<HTMLElement | null>): void {
  const was = useRef(confirming);
  useEffect(() => {
    if (confirming === was.current) return;
    was.current = confirming;
    (confirming ? question : opener).current?.focus();
  }, [confirming]);
}
