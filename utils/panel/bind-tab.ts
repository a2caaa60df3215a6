/**
 * Which tab a panel shows: `?tab=<id>` when given (the pop-out window, tests), else the active tab
 * of the panel's window, following the agent as they switch tabs (ARCHITECTURE.md).
 */
export function explicitTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  return raw !== null && /^\d{1,10}$/.test(raw) ? Number(raw) : null;
}
