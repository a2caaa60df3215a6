/**
 * Reads everything the extension keeps — every IndexedDB database and store, and storage.local,
 * .sync and .session — from inside its service worker, so tests can assert what is (not) stored.
 */
import { type Worker, expect } from '@playwright/test';

export interface StorageDump {
  idb: Record<string, Record<string, unknown[]>>;
  local: Record<string, unknown>;
  sync: Record<string, unknown>;
  session: Record<string, unknown>;
}

export function dumpStorage(worker: Worker): Promise<StorageDump> {
  return worker.evaluate(async () => {
    const idb: Record<string, Record<string, unknown[]>> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const stores: Record<string, unknown[]> = {};
      for (const store of Array.from(db.objectStoreNames)) {
        stores[store] = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      }
      db.close();
      idb[name] = stores;
    }
    return {
      idb,
      local: await chrome.storage.local.get(null),
      sync: await chrome.storage.sync.get(null),
      session: await chrome.storage.session.get(null),
    };
  });
}

/** Number of records across every IndexedDB store. */
export function countIdbRecords(dump: StorageDump): number {
  return Object.values(dump.idb)
    .flatMap((stores) => Object.values(stores))
    .reduce((sum, records) => sum + records.length, 0);
}

/** Every IndexedDB record, of every store, that belongs to `account` (each carries its account). */
export function idbRecordsOf(dump: StorageDump, account: string): unknown[] {
  return Object.values(dump.idb)
    .flatMap((stores) => Object.values(stores))
    .flat()
    .filter((record) => (record as { account?: unknown }).account === account);
}

/**
 * The dump without the access log (F7): the log is not cached Google data — it outlives sign-out and
 * revocation by design, and grows with every call — so what a purge empties is everything else.
 */
export function withoutAccessLog(dump: StorageDump): StorageDump {
  const idb = Object.fromEntries(
    Object.entries(dump.idb).map(([name, stores]) => [name, Object.fromEntries(Object.entries(stores).filter(([store]) => store !== 'accessLog'))]),
  );
  return { ...dump, idb };
}

/**
 * Everything stored, once the background has finished writing what was asked of it (a queue sync
 * or a history lands a moment after the screen shows it): two reads `quietMs` apart that agree.
 * The gap outlasts the access log's buffered write (200 ms), which two reads in a row could miss.
 */
export async function settledStorage(worker: Worker, quietMs = 500): Promise<StorageDump> {
  let dump = await dumpStorage(worker);
  await expect
    .poll(async () => {
      const last = JSON.stringify(dump);
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      dump = await dumpStorage(worker);
      return JSON.stringify(dump) === last;
    })
    .toBe(true);
  return dump;
}
