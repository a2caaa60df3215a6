/**
 * Identical reads in flight are shared, not repeated (F12): the panel's cache-then-network sequence,
 * two panels on one tab, or a quick back-and-forth between conversations must not cost Gmail twice.
 */
export function createSharedRequests<T>() {
  const inFlight = new Map<string, Promise<T>>();
  return function share(key: string, start: () => Promise<T>): Promise<T> {
    let pending = inFlight.get(key);
    if (!pending) {
      pending = start().finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  };
}
