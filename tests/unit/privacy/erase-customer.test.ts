import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseRecord, ThreadRecord } from '../../../utils/db/schema';
import { ANONYMOUS_CUSTOMER } from '../../../utils/privacy/anonymise';
import { eraseCustomer } from '../../../utils/privacy/erase-customer';
import { freshDb, resetDb } from '../db/db-helpers';
import {
  ACCOUNT,
  OTHER_ACCOUNT,
  accessLogOf,
  customerData,
  dumpAll,
  keysOf,
  mailboxOf,
  mentioning,
  seed,
} from './cache-fixtures';

beforeEach(resetDb);

const MARIA = { name: 'Maria Souza', email: 'maria@cliente.com.br' };
const BRUNO = { name: 'Bruno Lima', email: 'bruno@other.example' };
const CARLA = { name: 'Carla Dias', email: 'carla@third.example' };

/** Maria and Bruno as customers, Carla's conversation with Maria in copy, and Maria in another account. */
async function setup() {
  const db = await freshDb();
  const maria = customerData(ACCOUNT, MARIA, ['a1', 'a2']);
  const bruno = customerData(ACCOUNT, BRUNO, ['b1']);
  const carla = customerData(ACCOUNT, CARLA, ['c1'], { cc: [MARIA] });
  const elsewhere = customerData(OTHER_ACCOUNT, MARIA, ['a1', 'a9']);
  await seed(db, maria, bruno, carla, elsewhere, {
    accounts: [{ account: ACCOUNT, name: 'Agent', signedInAt: 1 }, { account: OTHER_ACCOUNT, name: 'Lead', signedInAt: 1 }],
    mailboxes: [mailboxOf(ACCOUNT, [`Clientes/${MARIA.email}`, 'Clientes/VIP']), mailboxOf(OTHER_ACCOUNT, [`Clientes/${MARIA.email}`])],
    accessLog: [...accessLogOf(ACCOUNT, 3), ...accessLogOf(OTHER_ACCOUNT, 2)],
  });
  return { db, maria, bruno, carla, before: await dumpAll(db) };
}

const ofAccount = (dump: Map<string, string>, account: string) =>
  new Map([...dump].filter(([key]) => key.split(' ')[1]?.startsWith(`["${account}"`)));

/** Records outside `changed` are exactly as they were, byte for byte. */
function expectUntouchedExcept(before: Map<string, string>, after: Map<string, string>, changed: readonly string[]) {
  const kept = [...before].filter(([key]) => !changed.includes(key));
  expect(kept.length).toBeGreaterThan(0);
  for (const [key, json] of kept) expect(after.get(key), key).toBe(json);
}

describe.each(['erase', 'anonymise'] as const)('%s a customer', (mode) => {
  it('leaves no record of the account that mentions their address, in any store', async () => {
    const { db } = await setup();
    await eraseCustomer(db, ACCOUNT, MARIA.email, mode);
    expect(mentioning(ofAccount(await dumpAll(db), ACCOUNT), MARIA.email)).toEqual([]);
  });

  it("leaves other customers' records and other accounts byte-identical", async () => {
    const { db, maria, carla, before } = await setup();
    await eraseCustomer(db, ACCOUNT, MARIA.email, mode);
    // Carla's cached conversation has Maria in copy: it goes; the rest of Carla's records stay.
    const changed = [...keysOf(maria), 'threads ["agent@support.example","c1"]', 'mailboxes ["agent@support.example"]'];
    expectUntouchedExcept(before, await dumpAll(db), changed);
    expect(mentioning(ofAccount(await dumpAll(db), OTHER_ACCOUNT), MARIA.email).length).toBeGreaterThan(0);
    expect((await dumpAll(db)).has(keysOf(carla).find((key) => key.startsWith('cases')) ?? '')).toBe(true);
  });

  it('finds the customer whatever the case of the address asked for', async () => {
    const { db } = await setup();
    await eraseCustomer(db, ACCOUNT, 'Maria@CLIENTE.com.BR', mode);
    expect(mentioning(ofAccount(await dumpAll(db), ACCOUNT), MARIA.email)).toEqual([]);
  });

  it('deletes a record of any shape that still mentions the address (fields added later)', async () => {
    const { db, before } = await setup();
    const odd = { account: ACCOUNT, threadId: 'b7', notes: { text: `Call back\nMARIA@cliente.com.br` } };
    await seed(db, { threads: [odd] });
    await eraseCustomer(db, ACCOUNT, MARIA.email, mode);
    const after = await dumpAll(db);
    expect(after.has('threads ["agent@support.example","b7"]')).toBe(false);
    expect(after.get('accounts ["agent@support.example"]')).toBe(before.get('accounts ["agent@support.example"]'));
  });

  it('leaves an address that merely contains theirs alone', async () => {
    const db = await freshDb();
    const ana = customerData(ACCOUNT, { name: 'Ana', email: 'ana@shop.example' }, ['d1']);
    const joana = customerData(ACCOUNT, { name: 'Joana', email: 'joana@shop.example' }, ['d2']);
    const brazil = customerData(ACCOUNT, { name: 'Ana BR', email: 'ana@shop.example.br' }, ['d3']);
    await seed(db, ana, joana, brazil);
    const before = await dumpAll(db);
    await eraseCustomer(db, ACCOUNT, 'ana@shop.example', mode);
    expectUntouchedExcept(before, await dumpAll(db), keysOf(ana));
  });
});

describe('erase', () => {
  it("deletes the customer's conversations, history rows, history, cases and draft records", async () => {
    const { db, maria } = await setup();
    const result = await eraseCustomer(db, ACCOUNT, MARIA.email, 'erase');
    const after = await dumpAll(db);
    for (const key of keysOf(maria)) expect(after.has(key), key).toBe(false);
    // Maria's 2 threads, 2 summaries, 1 history, 2 cases, 2 drafts; Carla's thread; the mailbox naming her.
    expect(result).toEqual({ deleted: 11, anonymised: 0 });
  });

  it('changes nothing for an address no record mentions', async () => {
    const { db, before } = await setup();
    expect(await eraseCustomer(db, ACCOUNT, 'nobody@nowhere.example', 'erase')).toEqual({ deleted: 0, anonymised: 0 });
    expect(await dumpAll(db)).toEqual(before);
  });
});

describe('anonymise', () => {
  it('keeps status, priority, SLA times, dates and counts, with the anonymous customer and no content', async () => {
    const { db, maria } = await setup();
    const result = await eraseCustomer(db, ACCOUNT, MARIA.email, 'anonymise');
    const after = await dumpAll(db);
    const { name, email, domain } = ANONYMOUS_CUSTOMER;
    const [thread] = maria.threads as [ThreadRecord];
    expect(JSON.parse(after.get('threads ["agent@support.example","a1"]') ?? 'null')).toEqual({
      ...thread,
      conversation: { ...thread.conversation, subject: '', customer: { name, email, domain }, participants: [{ name, email }], attachments: [] },
    });
    const [found] = maria.cases as [CaseRecord];
    expect(JSON.parse(after.get('cases ["agent@support.example","a1"]') ?? 'null')).toEqual({ ...found, entry: { ...found.entry, subject: '', customer: { name, email } } });
    const summary = JSON.parse(after.get('summaries ["agent@support.example","a1"]') ?? 'null');
    expect(summary.summary).toEqual({ ...maria.summaries[0]?.summary, subject: '' });
    expect(after.has('histories ["agent@support.example","maria@cliente.com.br"]')).toBe(false);
    expect(after.get('drafts ["agent@support.example","a1"]')).toBe(JSON.stringify(maria.drafts[0]));
    // 2 threads, 2 cases, 2 summaries and the mailbox kept; her history and Carla's thread deleted.
    expect(result).toEqual({ deleted: 2, anonymised: 7 });
  });

  it("drops only the mailbox labels that name the customer, keeping the queue's cursor", async () => {
    const { db } = await setup();
    await eraseCustomer(db, ACCOUNT, MARIA.email, 'anonymise');
    const mailbox = JSON.parse((await dumpAll(db)).get('mailboxes ["agent@support.example"]') ?? 'null');
    const seeded = mailboxOf(ACCOUNT, [`Clientes/${MARIA.email}`, 'Clientes/VIP']);
    expect(mailbox).toEqual({ ...seeded, labels: seeded.labels.filter((label) => label.id !== 'Label_0') });
  });

  it('deletes what cannot be anonymised: another customer\'s case whose subject names them', async () => {
    const db = await freshDb();
    const bruno = customerData(ACCOUNT, BRUNO, ['b1'], { subject: `Refund also for ${MARIA.email}` });
    await seed(db, bruno);
    const result = await eraseCustomer(db, ACCOUNT, MARIA.email, 'anonymise');
    expect(result).toEqual({ deleted: 3, anonymised: 0 });
    expect([...(await dumpAll(db)).keys()].sort()).toEqual(['drafts ["agent@support.example","b1"]', 'histories ["agent@support.example","bruno@other.example"]']);
  });
});
