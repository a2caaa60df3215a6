import { beforeEach, describe, expect, it } from 'vitest';
import { STORE_REGISTRY } from '../../../utils/db/registry';
import { STORED_CATEGORIES } from '../../../utils/privacy/schemas';
import { CATEGORY_STORES, jsonBytes, storedSizes } from '../../../utils/privacy/stored-sizes';
import { freshDb, resetDb } from '../db/db-helpers';
import { ACCOUNT, OTHER_ACCOUNT, accessLogOf, customerData, mailboxOf, seed } from './cache-fixtures';

beforeEach(resetDb);

const MARIA = { name: 'Maria Souza', email: 'maria@cliente.com.br' };

describe('CATEGORY_STORES', () => {
  it('puts every store in exactly one category, so nothing stored goes unshown', () => {
    const stores = Object.values(CATEGORY_STORES).flat();
    expect([...stores].sort()).toEqual(Object.keys(STORE_REGISTRY).sort());
  });
});

describe('storedSizes', () => {
  it("counts one account's records and their JSON bytes per category, in order, ignoring other accounts", async () => {
    const db = await freshDb();
    const mine = customerData(ACCOUNT, MARIA, ['a1', 'a2']);
    const account = { account: ACCOUNT, name: 'Agent Ünï', signedInAt: 1 };
    const log = accessLogOf(ACCOUNT, 3);
    await seed(db, mine, { accounts: [account], mailboxes: [mailboxOf(ACCOUNT)], accessLog: log });
    await seed(db, customerData(OTHER_ACCOUNT, MARIA, ['a1', 'a3', 'a4']), {
      accounts: [{ account: OTHER_ACCOUNT, name: 'Lead', signedInAt: 1 }],
      accessLog: accessLogOf(OTHER_ACCOUNT, 5),
    });
    const bytes = (records: readonly unknown[]) => records.reduce((sum: number, record) => sum + jsonBytes(record), 0);

    expect(await storedSizes(db, ACCOUNT)).toEqual([
      { category: 'account', count: 1, bytes: bytes([account]) },
      { category: 'conversations', count: 2, bytes: bytes(mine.threads) },
      { category: 'history', count: 3, bytes: bytes([...mine.summaries, ...mine.histories]) },
      { category: 'queue', count: 3, bytes: bytes([...mine.cases, mailboxOf(ACCOUNT)]) },
      { category: 'drafts', count: 2, bytes: bytes(mine.drafts) },
      { category: 'access-log', count: 3, bytes: bytes(log) },
    ]);
  });

  it('counts bytes as UTF-8, the way the exported file weighs them', () => {
    expect(jsonBytes({ name: 'Ü' })).toBe('{"name":"Ü"}'.length + 1);
  });

  it.each([null, 'nobody@support.example'])('gives every category at zero for an account with nothing stored (%s)', async (account) => {
    const db = await freshDb();
    await seed(db, customerData(ACCOUNT, MARIA, ['a1']));
    expect(await storedSizes(db, account)).toEqual(STORED_CATEGORIES.map((category) => ({ category, count: 0, bytes: 0 })));
  });
});
