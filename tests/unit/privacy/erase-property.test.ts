/** Erasing holds for any address, however its letters are cased where it is stored or asked for. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eraseCustomer } from '../../../utils/privacy/erase-customer';
import { freshDb, resetDb } from '../db/db-helpers';
import { ACCOUNT, OTHER_ACCOUNT, customerData, dumpAll, keysOf, mailboxOf, mentioning, seed } from './cache-fixtures';

const BRUNO = { name: 'Bruno', email: 'bruno@other.example' };
const CARLA = { name: 'Carla', email: 'carla@third.example' };

const address = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,10}[a-z0-9]$/), fc.constantFrom('shop.example', 'cliente.com.br', 'mail.example.org'))
  .map(([local, domain]) => `${local}@${domain}`);
/** Upper-cases the letters the flags pick: the same address as people and mail clients write it. */
const casing = fc.array(fc.boolean(), { minLength: 40, maxLength: 40 });
const recase = (text: string, flags: readonly boolean[]) => [...text].map((c, i) => (flags[i % flags.length] ? c.toUpperCase() : c)).join('');

describe('eraseCustomer, for any address', () => {
  it('leaves no mention in the account and every other record as it was', async () => {
    await fc.assert(
      fc.asyncProperty(address, casing, casing, fc.constantFrom('erase', 'anonymise' as const), async (customer, stored, asked, mode) => {
        await resetDb();
        const db = await freshDb();
        const them = { name: 'Them', email: recase(customer, stored) };
        const own = customerData(ACCOUNT, them, ['a1', 'a2']);
        const copied = customerData(ACCOUNT, BRUNO, ['b1'], { cc: [{ name: '', email: recase(customer, [...stored].reverse()) }] });
        const named = customerData(ACCOUNT, CARLA, ['c1'], { subject: `About ${recase(customer, asked)}, again` });
        const elsewhere = customerData(OTHER_ACCOUNT, them, ['a1']);
        await seed(db, own, copied, named, elsewhere, { mailboxes: [mailboxOf(ACCOUNT, [`Clients/${recase(customer, stored)}`]), mailboxOf(OTHER_ACCOUNT)] });
        const before = await dumpAll(db);

        await eraseCustomer(db, ACCOUNT, recase(customer, asked), mode);

        const after = await dumpAll(db);
        const inAccount = new Map([...after].filter(([key]) => key.includes(`["${ACCOUNT}"`)));
        expect(mentioning(inAccount, customer)).toEqual([]);
        const theirs = new Set([...keysOf(own), ...mentioning(before, customer).filter((key) => key.includes(`["${ACCOUNT}"`))]);
        for (const [key, json] of before) if (!theirs.has(key)) expect(after.get(key), key).toBe(json);
      }),
      { numRuns: 40 },
    );
  });
});
