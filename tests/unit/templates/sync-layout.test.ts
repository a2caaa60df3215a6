import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ITEM_BUDGET,
  SYNC_QUOTA,
  chunkKey,
  headKey,
  planSyncWrite,
  readSynced,
  syncedBytes,
  toSyncItems,
  type TemplateRecord,
} from '../../../utils/templates/sync-layout';
import { TEMPLATE_BODY_MAX } from '../../../utils/templates/types';
import { chromeItemBytes } from './memory-storage';

const record = (body: string, extra: Partial<TemplateRecord> = {}): TemplateRecord => ({
  id: 'a1b2',
  name: 'Saudação',
  body,
  updatedAt: 1_700_000_000_000,
  ...extra,
});

const chunksOf = (items: Record<string, unknown>) => Object.values(items).map((item) => (item as { body: string }).body);

// Bodies up to the maximum, repeating a random fragment so that chunk boundaries fall anywhere in it.
const bodies = fc
  .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 2_000 }))
  .map(([fragment, times]) => fragment.repeat(times).slice(0, TEMPLATE_BODY_MAX))
  .filter((body) => body.length > 0 && body.isWellFormed());

describe('syncedBytes', () => {
  it.each([
    ['plain ASCII', 'Olá'],
    ['"<" escaped by Chrome', '<b>'],
    ['line and paragraph separators', 'a\u2028b\u2029'],
    ['control characters', '\u0001\n\t'],
    ['emoji', '👍🏽'],
  ])('counts %s as Chrome does', (_, text) => {
    const value = { v: 1, updatedAt: 1_700_000_000_000, body: text };
    expect(syncedBytes('tpl:x', value)).toBe(chromeItemBytes('tpl:x', value));
  });

  it('never counts less than Chrome, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) }), fc.nat(), (text, at) => {
        const value = { text, at };
        expect(syncedBytes('k', value)).toBeGreaterThanOrEqual(chromeItemBytes('k', value));
      }),
    );
  });
});

describe('toSyncItems', () => {
  it('keeps a short template in its head alone', () => {
    expect(toSyncItems(record('Olá!'))).toEqual({
      'tpl:a1b2': { v: 1, id: 'a1b2', name: 'Saudação', updatedAt: 1_700_000_000_000, parts: 1, length: 4, body: 'Olá!' },
    });
  });

  it('splits a long body into items under the budget that join back into it, without splitting characters', () => {
    fc.assert(
      fc.property(bodies, (body) => {
        const items = toSyncItems(record(body));
        const chunks = chunksOf(items);
        expect(chunks.join('')).toBe(body);
        expect(chunks.every((chunk) => chunk.isWellFormed())).toBe(true);
        for (const [key, value] of Object.entries(items)) expect(chromeItemBytes(key, value)).toBeLessThanOrEqual(ITEM_BUDGET);
      }),
      { numRuns: 60 },
    );
  });

  it('fits the largest body made of the costliest characters', () => {
    const items = toSyncItems(record('<'.repeat(TEMPLATE_BODY_MAX), { name: '"'.repeat(100) }));
    expect(Object.keys(items)).toHaveLength(16);
    for (const [key, value] of Object.entries(items)) expect(chromeItemBytes(key, value)).toBeLessThanOrEqual(ITEM_BUDGET);
  });

  it('reads back what it wrote', () => {
    const body = 'Ação 😀 '.repeat(2_500);
    expect(readSynced(toSyncItems(record(body)))).toEqual({ templates: [record(body)], damaged: [] });
  });
});

describe('readSynced', () => {
  const long = toSyncItems(record('é'.repeat(9_000)));

  it.each<[string, Record<string, unknown>]>([
    ['a missing chunk', { ...long, [chunkKey('a1b2', 1)]: undefined }],
    ['a chunk of another save', { ...long, [chunkKey('a1b2', 1)]: { v: 1, updatedAt: 1, body: 'é'.repeat(4_000) } }],
    ['a body of another length', { [headKey('a1b2')]: { ...(long[headKey('a1b2')] as object), parts: 1 } }],
    ['a head under another id', { [headKey('zz')]: long[headKey('a1b2')] }],
    ['a head of a newer format', { [headKey('a1b2')]: { ...(long[headKey('a1b2')] as object), v: 2 } }],
    ['an empty name', { [headKey('a1b2')]: { ...(toSyncItems(record('x'))[headKey('a1b2')] as object), name: ' ' } }],
    ['a bare string', { [headKey('a1b2')]: 'Olá' }],
  ])('counts a template with %s as damaged', (_, items) => {
    const present = Object.fromEntries(Object.entries(items).filter(([, value]) => value !== undefined));
    expect(readSynced(present).templates).toEqual([]);
    expect(readSynced(present).damaged).toHaveLength(1);
  });

  it('ignores keys that are not template heads', () => {
    expect(readSynced({ theme: 'dark', 'tpl:a:b:c': {}, [chunkKey('a1b2', 3)]: { v: 1, updatedAt: 1, body: 'x' } })).toEqual({
      templates: [],
      damaged: [],
    });
  });
});

describe('planSyncWrite', () => {
  it('names the leftover chunks of an older, longer version', () => {
    const current = toSyncItems(record('é'.repeat(9_000)));
    const plan = planSyncWrite(current, record('short', { updatedAt: 1_700_000_000_001 }));
    expect(plan).toMatchObject({ fits: true, leftovers: [chunkKey('a1b2', 1), chunkKey('a1b2', 2)] });
  });

  it('counts leftovers still present while the new version is written', () => {
    const next = record('é'.repeat(3_000), { updatedAt: 2 });
    const [[key, head] = ['', null]] = Object.entries(toSyncItems(next));
    // Room for the new version alone, not for it and the older version's chunks.
    const filler = 'x'.repeat(SYNC_QUOTA.bytes - syncedBytes(key, head) - 100);
    expect(planSyncWrite({ filler }, next)).toMatchObject({ fits: true });
    expect(planSyncWrite({ ...toSyncItems(record('é'.repeat(9_000))), filler }, next)).toEqual({ fits: false, problem: 'quota-total' });
  });

  it('refuses more items than sync holds', () => {
    const current = Object.fromEntries(Array.from({ length: SYNC_QUOTA.items }, (_, index) => [`k${index}`, 1]));
    expect(planSyncWrite(current, record('Olá'))).toEqual({ fits: false, problem: 'quota-count' });
  });
});
