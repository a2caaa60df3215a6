/**
 * Whether a click on a Gmail link is a plain one, which opens the thread in the Gmail tab the
 * panel follows; a middle or modified click keeps the browser's own way (a new tab, a window).
 */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
}
