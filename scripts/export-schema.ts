/**
 * The export document's JSON Schema (F7), for people who read an export outside the extension.
 * Generated from the zod schema the extension builds the document against, so the two cannot
 * drift: a unit test compares the committed file with this. After changing the document, run
 * `npx tsx scripts/export-schema.ts` (and raise EXPORT_VERSION if a field was dropped or retyped).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { EXPORT_VERSION, exportDocumentSchema } from '../utils/privacy/export-schema';

export const EXPORT_SCHEMA_FILE = resolve(import.meta.dirname, `../docs/export-schema.v${EXPORT_VERSION}.json`);

export function exportJsonSchema(): Record<string, unknown> {
  // zod/mini schemas share zod's core, which is what toJSONSchema reads. Objects stay open: a
  // field added within a version must not make an older reader refuse the file.
  const generated = z.toJSONSchema(exportDocumentSchema, {
    io: 'output',
    override: ({ jsonSchema }) => {
      delete jsonSchema.additionalProperties;
    },
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: `icustomer-mail export, version ${EXPORT_VERSION}`,
    description: 'Everything icustomer-mail keeps on one computer for one Google account. See README.md, "Exporting your data".',
    ...rest,
  };
}

export function exportJsonSchemaText(): string {
  return `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(EXPORT_SCHEMA_FILE, exportJsonSchemaText());
  console.log(`wrote ${EXPORT_SCHEMA_FILE}`);
}
