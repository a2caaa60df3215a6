/**
 * Templates read back from storage.sync, where another computer, another version or a hand edit may
 * have left anything (issue 7 › 4): each intact template comes back exactly, each damaged one is
 * named and never shown half-assembled, other keys are ignored, nothing throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TemplateRecord, readSynced, toSyncItems } from '../../../utils/templates/sync-layout';

const record: fc.Arbitrary<TemplateRecord> = fc.record({
  id: fc.stringMatching(/^[\w-]{1,12}$/),
  name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((name) => name.trim()).filter((name) => name !== ''),
  body: fc
    .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 600 }))
    .map(([fragment, times]) => fragment.repeat(times))
    .filter((body) => body.isWellFormed()),
  updatedAt: fc.nat(),
});

/** Item edits: a key set to any JSON or removed; unrelated keys added. */
const edit = fc.tuple(fc.nat(), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }));
const foreignKey = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('tpl:', 'tpl:a:b:c', 'tpl:../x', 'tpl:a b', 'tpl:x:1'));

describe('readSynced on damaged storage.sync items', () => {
  it('gives back each untouched template exactly and names each damaged one (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 4 }),
        fc.array(edit, { maxLength: 3 }),
        fc.dictionary(foreignKey, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
        (records, edits, foreign) => {
          const items: Record<string, unknown> = { ...foreign, ...Object.assign({}, ...records.map(toSyncItems)) };
          const keys = Object.keys(items).filter((key) => !(key in foreign));
          const touched = new Set<string>();
          for (const [at, value] of edits) {
            const key = keys[at % Math.max(keys.length, 1)];
            if (key === undefined) continue;
            touched.add(key.split(':')[1] ?? '');
            if (value === undefined) delete items[key];
            else items[key] = value;
          }
          const { templates, damaged } = readSynced(items);
          for (const original of records.filter((r) => !touched.has(r.id))) expect(templates).toContainEqual(original);
          for (const template of templates) expect(damaged).not.toContain(template.id);
          for (const template of templates) {
            const original = records.find((r) => r.id === template.id);
            expect(template, 'a template nobody saved').toEqual(original);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
