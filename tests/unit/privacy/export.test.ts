import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EXPORT_SCHEMA_FILE, exportJsonSchemaText } from '../../../scripts/export-schema';
import { type ExportDeps, buildExport, exportedTemplate } from '../../../utils/privacy/export';
import { exportDocumentSchema } from '../../../utils/privacy/export-schema';
import { freshDb, resetDb } from '../db/db-helpers';
import { ACCOUNT, NOW, OTHER_ACCOUNT, accessLogOf, customerData, mailboxOf, seed } from './cache-fixtures';

beforeEach(resetDb);

const MARIA = { name: 'Maria Souza', email: 'maria@cliente.com.br' };
const TEMPLATE = { id: 'tpl-1', name: 'Refund', body: 'Hi {{customer.firstName}}', updatedAt: NOW - 5, synced: true };

async function setup() {
  const db = await freshDb();
  const mine = customerData(ACCOUNT, MARIA, ['a1', 'a2']);
  const log = accessLogOf(ACCOUNT, 3);
  await seed(db, mine, { accounts: [{ account: ACCOUNT, name: 'Agent', signedInAt: 1 }], mailboxes: [mailboxOf(ACCOUNT)], accessLog: [...log].reverse() });
  await seed(db, customerData(OTHER_ACCOUNT, MARIA, ['a1', 'a3']), {
    accounts: [{ account: OTHER_ACCOUNT, name: 'Lead', signedInAt: 1 }],
    mailboxes: [mailboxOf(OTHER_ACCOUNT)],
    accessLog: accessLogOf(OTHER_ACCOUNT, 2),
  });
  const deps: ExportDeps = {
    db: async () => db,
    now: () => NOW,
    retentionDays: () => 14,
    personalTemplates: async () => [TEMPLATE],
    log: vi.fn(),
  };
  return { db, deps, mine, log };
}

describe('buildExport', () => {
  it("is a valid export document of the account's cache, access log (oldest first) and templates", async () => {
    const { deps, mine, log } = await setup();
    const document = await buildExport(deps, ACCOUNT);
    expect(exportDocumentSchema.safeParse(document).success).toBe(true);
    expect(document).toEqual({
      format: 'icustomer-mail-export',
      version: 1,
      exportedAt: new Date(NOW).toISOString(),
      account: ACCOUNT,
      retentionDays: 14,
      cache: {
        account: { account: ACCOUNT, name: 'Agent', signedInAt: 1 },
        ...mine,
        mailbox: mailboxOf(ACCOUNT),
      },
      accessLog: log,
      templates: [TEMPLATE],
    });
  });

  it('holds no record of another account', async () => {
    const { deps } = await setup();
    const text = JSON.stringify(await buildExport(deps, ACCOUNT));
    expect(text).not.toContain(OTHER_ACCOUNT);
  });

  it('leaves out a record that no longer matches its schema, and logs how many, instead of failing', async () => {
    const { db, deps } = await setup();
    await seed(db, { threads: [{ account: ACCOUNT, threadId: 'a9', conversation: { subject: 42 } }], cases: [{ account: ACCOUNT, threadId: 'a8' }] });
    const document = await buildExport(deps, ACCOUNT);
    expect(exportDocumentSchema.safeParse(document).success).toBe(true);
    expect(document.cache.threads.map((record) => record.threadId)).toEqual(['a1', 'a2']);
    expect(deps.log).toHaveBeenCalledWith(expect.any(String), { leftOut: { threads: 1, cases: 1 } });
  });

  it('is a valid, empty document for an account with nothing stored', async () => {
    const { deps } = await setup();
    const document = await buildExport({ ...deps, personalTemplates: async () => [] }, 'nobody@support.example');
    expect(exportDocumentSchema.safeParse(document).success).toBe(true);
    expect(document.cache).toEqual({ account: null, threads: [], summaries: [], histories: [], cases: [], mailbox: null, drafts: [] });
    expect(document.accessLog).toEqual([]);
  });
});

describe('exportedTemplate', () => {
  it.each([
    [null, true],
    ['quota-item', false],
  ] as const)('marks a template with unsynced %s as synced: %s', (unsynced, synced) => {
    const personal = { origin: 'personal' as const, id: 'tpl-1', name: 'Refund', body: 'Hi', updatedAt: 7, unsynced };
    expect(exportedTemplate(personal)).toEqual({ id: 'tpl-1', name: 'Refund', body: 'Hi', updatedAt: 7, synced });
  });
});

describe('docs/export-schema.v1.json', () => {
  it('is what the export document schema generates (run `npx tsx scripts/export-schema.ts` after a change)', () => {
    expect(readFileSync(EXPORT_SCHEMA_FILE, 'utf8')).toBe(exportJsonSchemaText());
  });

  it('declares the format and version a reader checks first', () => {
    const schema = JSON.parse(exportJsonSchemaText());
    expect(schema.properties.format).toEqual({ type: 'string', const: 'icustomer-mail-export' });
    expect(schema.properties.version).toEqual({ type: 'number', const: 1 });
  });
});
