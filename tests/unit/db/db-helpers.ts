/** A fresh database per test, and records for any store built from the store's own key path. */
import { type IDBPDatabase, deleteDB } from 'idb';
import { DB_NAME, type CacheDb, openCacheDb } from '../../../utils/db/schema';

const opened: CacheDb[] = [];

export async function freshDb(): Promise<CacheDb> {
  const db = await openCacheDb();
  opened.push(db);
  return db;
}

export async function resetDb(): Promise<void> {
  for (const db of opened.splice(0)) db.close();
  await deleteDB(DB_NAME);
}

/** The same connection without the schema's types, to write records the schema would refuse. */
export function untyped(db: CacheDb): IDBPDatabase {
  return db as unknown as IDBPDatabase;
}

export function keyFieldsOf(db: CacheDb, store: string): string[] {
  const keyPath = untyped(db).transaction(store).store.keyPath;
  if (keyPath === null) return [];
  return Array.isArray(keyPath) ? keyPath : [keyPath];
}

/** A record for `store` owned by `account`: the account plus a distinct value for each other key field. */
export function recordFor(fields: string[], account: string, n: number): Record<string, unknown> {
  const record: Record<string, unknown> = { payload: `record ${n} of ${account}` };
  for (const field of fields) record[field] = field === 'account' ? account : `${field}-${n}`;
  return record;
}
