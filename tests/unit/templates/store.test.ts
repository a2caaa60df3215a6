import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TemplateInputError, type TemplateInputIssue, createTemplateStore, localKey } from '../../../utils/templates/store';
import { chunkKey, headKey } from '../../../utils/templates/sync-layout';
import { TEMPLATE_BODY_MAX, TEMPLATE_NAME_MAX, type SyncProblem } from '../../../utils/templates/types';
import { CHROME_SYNC_QUOTA, type Quota, changeHub, chromeItemBytes, memoryArea } from './memory-storage';

const T0 = 1_700_000_000_000;
const GREETING = { name: 'Saudação', body: 'Olá {{customer.firstName|cliente}}, sua solicitação está em análise. Até já! 😀👍🏽' };
// As long as a body may be, from a fragment repeated whole so that no emoji is cut in two.
const fill = (fragment: string, length = TEMPLATE_BODY_MAX) => fragment.repeat(Math.floor(length / fragment.length)).padEnd(length, '.');
const LONG = fill('Ação, coração <b>"não"</b> 👨‍👩‍👧\n');
// About 40 kB in sync: two fit, a third does not.
const HEAVY = 'é'.repeat(TEMPLATE_BODY_MAX);

/** One sync area shared by the agent's computers, each with its own storage.local. */
function world(quota: Quota = CHROME_SYNC_QUOTA) {
  const hub = changeHub();
  const sync = memoryArea('sync', hub, quota);
  let clock = T0;
  let ids = 0;
  const computer = (name = 'a') => {
    const local = memoryArea('local', hub);
    const store = createTemplateStore({ sync, local, onChanged: hub, now: () => clock++, newId: () => `${name}-${++ids}` });
    return { local, store };
  };
  return { hub, sync, computer };
}

const shown = async (store: ReturnType<typeof createTemplateStore>) =>
  (await store.list()).templates.map(({ name, body, unsynced }) => ({ name, body, unsynced }));

describe('saving and listing', () => {
  it('round-trips accents, emoji and a 20,000-character body, every sync item under 8192 bytes', async () => {
    const { sync, computer } = world();
    const { store } = computer();
    expect(await store.save({ ...GREETING, name: '  Saudação ' })).toEqual({
      origin: 'personal',
      id: 'a-1',
      ...GREETING,
      updatedAt: T0,
      unsynced: null,
    });
    await store.save({ name: 'Ação longa', body: LONG });
    expect(await store.list()).toEqual({
      templates: [
        { origin: 'personal', id: 'a-2', name: 'Ação longa', body: LONG, updatedAt: T0 + 1, unsynced: null },
        { origin: 'personal', id: 'a-1', ...GREETING, updatedAt: T0, unsynced: null },
      ],
      damaged: 0,
    });
    expect([...sync.items.keys()]).toEqual(expect.arrayContaining([headKey('a-2'), chunkKey('a-2', 1), chunkKey('a-2', 2)]));
    for (const [key, value] of sync.items) expect(chromeItemBytes(key, value)).toBeLessThan(CHROME_SYNC_QUOTA.bytesPerItem);
  });

  it('accepts a name and a body at their maximum length', async () => {
    const { store } = world().computer();
    const saved = await store.save({ name: 'n'.repeat(TEMPLATE_NAME_MAX), body: HEAVY });
    expect(saved.unsynced).toBeNull();
  });

  it('sorts by name whatever the accents and case, then by id', async () => {
    const { store } = world().computer();
    for (const name of ['zebra', 'Água', 'agua', 'Bom dia']) await store.save({ name, body: 'x' });
    expect((await store.list()).templates.map((template) => template.name)).toEqual(['Água', 'agua', 'Bom dia', 'zebra']);
  });

  it('removes the chunks of an older, longer version in one more write when an edit shortens it', async () => {
    const { sync, computer } = world();
    const { store } = computer();
    const { id } = await store.save({ name: 'Longo', body: LONG });
    const writes = sync.writes;
    await store.save({ id, name: 'Curto', body: 'Olá' });
    expect([...sync.items.keys()]).toEqual([headKey(id)]);
    expect(sync.writes - writes).toBe(2);
    expect(await shown(store)).toEqual([{ name: 'Curto', body: 'Olá', unsynced: null }]);
  });

  it('removes leftover chunks on the next save when removing them failed', async () => {
    const { sync, computer } = world();
    const { store } = computer();
    const { id } = await store.save({ name: 'Longo', body: LONG });
    sync.fault = (operation) => (operation === 'remove' ? 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded' : undefined);
    expect((await store.save({ id, name: 'Curto', body: 'Olá' })).unsynced).toBeNull();
    expect(await shown(store)).toEqual([{ name: 'Curto', body: 'Olá', unsynced: null }]);
    sync.fault = () => undefined;
    await store.save({ id, name: 'Curto', body: 'Olá!' });
    expect([...sync.items.keys()]).toEqual([headKey(id)]);
  });

  it('keeps both templates when two computers add one at the same time', async () => {
    const { computer } = world();
    const [a, b] = [computer('a'), computer('b')];
    await Promise.all([a.store.save({ name: 'Reembolso', body: LONG }), b.store.save(GREETING)]);
    for (const { store } of [a, b]) expect((await store.list()).templates.map((template) => template.name)).toEqual(['Reembolso', 'Saudação']);
  });

  it('shows a template removed on another computer no more', async () => {
    const { computer } = world();
    const [a, b] = [computer('a'), computer('b')];
    const { id } = await a.store.save({ name: 'Reembolso', body: LONG });
    await b.store.remove(id);
    expect(await a.store.list()).toEqual({ templates: [], damaged: 0 });
  });
});

describe('when storage.sync refuses', () => {
  it('keeps a template beyond the total quota on this computer, flagged and listed', async () => {
    const { sync, computer } = world();
    const { store, local } = computer();
    await store.save({ name: 'A', body: HEAVY });
    await store.save({ name: 'B', body: HEAVY });
    const kept = await store.save({ name: 'C', body: HEAVY });
    expect(kept).toMatchObject({ id: 'a-3', unsynced: 'quota-total' });
    expect(sync.items.has(headKey('a-3'))).toBe(false);
    expect(local.items.get(localKey('a-3'))).toEqual({ v: 1, id: 'a-3', name: 'C', body: HEAVY, updatedAt: T0 + 2, problem: 'quota-total' });
    expect((await store.list()).templates.map(({ name, unsynced }) => [name, unsynced])).toEqual([
      ['A', null],
      ['B', null],
      ['C', 'quota-total'],
    ]);
  });

  it('moves it to sync on resync() once a removal made room, and forgets the local copy', async () => {
    const { sync, computer } = world();
    const { store, local } = computer();
    const { id } = await store.save({ name: 'A', body: HEAVY });
    await store.save({ name: 'B', body: HEAVY });
    await store.save({ name: 'C', body: HEAVY });
    await store.remove(id);
    expect(await store.resync()).toEqual([]);
    expect(sync.items.has(headKey('a-3'))).toBe(true);
    expect(local.items.size).toBe(0);
    expect(await shown(store)).toEqual([
      { name: 'B', body: HEAVY, unsynced: null },
      { name: 'C', body: HEAVY, unsynced: null },
    ]);
  });

  it('returns what still does not fit from resync(), without rewriting it', async () => {
    const { computer } = world();
    const { store, local } = computer();
    await store.save({ name: 'A', body: HEAVY });
    await store.save({ name: 'B', body: HEAVY });
    await store.save({ name: 'C', body: HEAVY });
    const writes = local.writes;
    expect(await store.resync()).toMatchObject([{ name: 'C', unsynced: 'quota-total' }]);
    expect(local.writes).toBe(writes);
  });

  it('keeps an edit that no longer fits locally and lists it once, the synced version untouched', async () => {
    const { sync, computer } = world();
    const { store } = computer();
    const { id } = await store.save(GREETING);
    await store.save({ name: 'B', body: HEAVY });
    await store.save({ name: 'C', body: HEAVY });
    expect((await store.save({ id, name: 'Saudação', body: HEAVY })).unsynced).toBe('quota-total');
    expect(await shown(store)).toEqual([
      { name: 'B', body: HEAVY, unsynced: null },
      { name: 'C', body: HEAVY, unsynced: null },
      { name: 'Saudação', body: HEAVY, unsynced: 'quota-total' },
    ]);
    expect(sync.items.get(headKey(id))).toMatchObject({ body: GREETING.body });
  });

  it('counts items: one beyond MAX_ITEMS is kept locally', async () => {
    const { computer } = world({ ...CHROME_SYNC_QUOTA, items: 2 });
    const { store } = computer();
    await store.save({ name: 'A', body: 'a' });
    await store.save({ name: 'B', body: 'b' });
    expect((await store.save({ name: 'C', body: 'c' })).unsynced).toBe('quota-count');
  });

  it('keeps a template locally when Chrome refuses an item as too large', async () => {
    const { store } = world({ ...CHROME_SYNC_QUOTA, bytesPerItem: 1_000 }).computer();
    expect((await store.save({ name: 'Longo', body: LONG })).unsynced).toBe('quota-item');
  });

  it.each<[string, SyncProblem]>([
    ['QUOTA_BYTES quota exceeded', 'quota-total'],
    ['QUOTA_BYTES_PER_ITEM quota exceeded', 'quota-item'],
    ['MAX_ITEMS quota exceeded', 'quota-count'],
    ['This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.', 'quota-rate'],
    ['This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.', 'quota-rate'],
    ['Sync is unavailable', 'sync-failed'],
  ])('reads a set() rejected with "%s" as %s', async (message, problem) => {
    const { sync, computer } = world();
    const { store } = computer();
    sync.fault = (operation) => (operation === 'set' ? message : undefined);
    expect((await store.save(GREETING)).unsynced).toBe(problem);
    expect(await shown(store)).toEqual([{ ...GREETING, unsynced: problem }]);
  });

  it('keeps a template locally when sync cannot even be read', async () => {
    const { sync, computer } = world();
    const { store } = computer();
    sync.fault = (operation) => (operation === 'get' ? 'IO error' : undefined);
    expect((await store.save(GREETING)).unsynced).toBe('sync-failed');
  });

  it('replaces the local copy with the synced version once a later save syncs', async () => {
    const { sync, computer } = world();
    const { store, local } = computer();
    sync.fault = (operation) => (operation === 'set' ? 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded' : undefined);
    const { id } = await store.save(GREETING);
    sync.fault = () => undefined;
    await store.save({ id, name: 'Saudação', body: 'Olá!' });
    expect(local.items.size).toBe(0);
    expect(await shown(store)).toEqual([{ name: 'Saudação', body: 'Olá!', unsynced: null }]);
  });

  it('throws when storage.local refuses too', async () => {
    const { sync, computer } = world();
    const { store, local } = computer();
    sync.fault = (operation) => (operation === 'set' ? 'QUOTA_BYTES quota exceeded' : undefined);
    local.fault = (operation) => (operation === 'set' ? 'QUOTA_BYTES quota exceeded (local)' : undefined);
    await expect(store.save(GREETING)).rejects.toThrow('QUOTA_BYTES quota exceeded (local)');
  });
});

describe('damaged and foreign records', () => {
  it('does not show a template whose chunk has not arrived yet, and counts it', async () => {
    const { sync, computer } = world();
    const { store } = computer();
    const { id } = await store.save({ name: 'Longo', body: LONG });
    const chunk = sync.items.get(chunkKey(id, 1));
    sync.items.delete(chunkKey(id, 1));
    expect(await store.list()).toEqual({ templates: [], damaged: 1 });
    sync.items.set(chunkKey(id, 1), chunk);
    expect(await shown(store)).toEqual([{ name: 'Longo', body: LONG, unsynced: null }]);
  });

  it('counts invalid records, shows the valid ones and ignores keys that are not templates', async () => {
    const { sync, computer } = world();
    const { store, local } = computer();
    await store.save(GREETING);
    sync.items.set(headKey('bad'), { v: 1, id: 'bad', name: '', updatedAt: T0, parts: 1, length: 1, body: 'x' });
    sync.items.set('settings', { theme: 'dark' });
    local.items.set(localKey('worse'), { v: 1, id: 'worse', name: 'x', body: 'x', updatedAt: T0, problem: 'full' });
    local.items.set('cache:thread', { subject: 'x' });
    expect(await store.list()).toMatchObject({ templates: [{ name: 'Saudação' }], damaged: 2 });
  });

  it('shows a local copy whose synced version is damaged, and does not count it', async () => {
    const { sync, computer } = world();
    const { store } = computer();
    sync.fault = (operation) => (operation === 'set' ? 'MAX_ITEMS quota exceeded' : undefined);
    const { id } = await store.save(GREETING);
    sync.items.set(headKey(id), 'garbage');
    expect(await store.list()).toMatchObject({ templates: [{ id, unsynced: 'quota-count' }], damaged: 0 });
  });
});

describe('remove', () => {
  it('removes the head, the chunks and the local copy', async () => {
    const { sync, computer } = world();
    const { store, local } = computer();
    const { id } = await store.save({ name: 'Longo', body: LONG });
    local.items.set(localKey(id), { v: 1, id, name: 'Longo', body: 'x', updatedAt: T0, problem: 'quota-rate' });
    await store.remove(id);
    expect(sync.items.size).toBe(0);
    expect(local.items.size).toBe(0);
  });

  it('fails, keeping the template, when sync refuses the removal', async () => {
    const { sync, computer } = world();
    const { store } = computer();
    const { id } = await store.save(GREETING);
    sync.fault = (operation) => (operation === 'remove' ? 'MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded' : undefined);
    await expect(store.remove(id)).rejects.toThrow('MAX_WRITE_OPERATIONS_PER_HOUR');
    expect(await shown(store)).toEqual([{ ...GREETING, unsynced: null }]);
  });
});

describe('watch', () => {
  it('calls back for template keys in sync and local only, until unsubscribed', async () => {
    const { hub, sync, computer } = world();
    const { store, local } = computer();
    const onChange = vi.fn();
    const stop = store.watch(onChange);
    await sync.set({ settings: { theme: 'dark' } });
    await local.set({ [headKey('x')]: 1 });
    hub.emit({ [headKey('x')]: {} }, 'managed');
    expect(onChange).not.toHaveBeenCalled();
    await store.save(GREETING);
    expect(onChange).toHaveBeenCalledTimes(1);
    await local.set({ [localKey('x')]: 1 });
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
    await store.save(GREETING);
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});

describe('input', () => {
  it.each<[string, { id?: string; name: string; body: string }, TemplateInputIssue]>([
    ['an empty name', { name: '', body: 'x' }, { field: 'name', problem: 'empty' }],
    ['a name of spaces', { name: '  \n', body: 'x' }, { field: 'name', problem: 'empty' }],
    ['a long name', { name: 'n'.repeat(TEMPLATE_NAME_MAX + 1), body: 'x' }, { field: 'name', problem: 'too-long', max: TEMPLATE_NAME_MAX }],
    ['a name that is not text', { name: 42 as unknown as string, body: 'x' }, { field: 'name', problem: 'empty' }],
    ['an empty body', { name: 'n', body: '' }, { field: 'body', problem: 'empty' }],
    ['a long body', { name: 'n', body: 'b'.repeat(TEMPLATE_BODY_MAX + 1) }, { field: 'body', problem: 'too-long', max: TEMPLATE_BODY_MAX }],
    ['an admin id', { id: 'admin:welcome', name: 'n', body: 'b' }, { field: 'id', problem: 'invalid' }],
  ])('refuses %s, saying which field and why as data (the panel words it), and writes nothing', async (_, input, issue) => {
    const { sync, computer } = world();
    const { store, local } = computer();
    const saving = store.save(input);
    await expect(saving).rejects.toThrow(TemplateInputError);
    await expect(saving).rejects.toMatchObject({ issue, field: issue.field });
    expect(sync.writes + local.writes).toBe(0);
  });
});

describe('over browser.storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves and lists as the extension wires it', async () => {
    const store = createTemplateStore({
      sync: browser.storage.sync,
      local: browser.storage.local,
      onChanged: browser.storage.onChanged,
      now: () => T0,
      newId: () => crypto.randomUUID(),
    });
    const onChange = vi.fn();
    store.watch(onChange);
    const saved = await store.save({ name: 'Longo', body: LONG });
    expect((await store.list()).templates).toEqual([saved]);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
  });
});

type Op =
  | { kind: 'save'; slot: number; name: string; body: string }
  | { kind: 'remove'; slot: number }
  | { kind: 'resync' }
  | { kind: 'outage'; writes: number };

const text = (maxLength: number) => fc.string({ unit: 'binary', minLength: 1, maxLength });
const ops = fc.array(
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('save' as const),
        slot: fc.nat(4),
        name: text(20).filter((name) => name.trim() !== ''),
        body: fc.oneof(text(200), fc.tuple(text(30), fc.integer({ min: 1, max: 700 })).map(([fragment, times]) => fragment.repeat(times).slice(0, TEMPLATE_BODY_MAX))),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), slot: fc.nat(4) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('resync' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('outage' as const), writes: fc.integer({ min: 1, max: 3 }) }) },
  ),
  { maxLength: 25 },
);
const quotas = fc.record({
  bytes: fc.integer({ min: 0, max: CHROME_SYNC_QUOTA.bytes }),
  bytesPerItem: fc.constantFrom(CHROME_SYNC_QUOTA.bytesPerItem, 4_000, 100),
  items: fc.integer({ min: 0, max: 12 }),
});

describe('never losing a template', () => {
  it('lists the latest version of every template after any saves and removals, whatever the quota', async () => {
    await fc.assert(
      fc.asyncProperty(quotas, ops, async (quota, script) => {
        const { sync, computer } = world(quota);
        const { store } = computer();
        let failing = 0;
        sync.fault = (operation) => (operation !== 'get' && failing-- > 0 ? 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded' : undefined);
        const model = new Map<number, { id: string; name: string; body: string }>();
        for (const op of script) {
          if (op.kind === 'outage') failing = op.writes;
          if (op.kind === 'resync') await store.resync();
          if (op.kind === 'save') {
            const saved = await store.save({ id: model.get(op.slot)?.id, name: op.name, body: op.body });
            model.set(op.slot, { id: saved.id, name: op.name.trim(), body: op.body });
          }
          if (op.kind === 'remove' && model.has(op.slot)) {
            const removed = await store.remove(model.get(op.slot)?.id ?? '').then(
              () => true,
              () => false,
            );
            if (removed) model.delete(op.slot);
          }
          const { templates, damaged } = await store.list();
          const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
          expect(templates.map(({ id, name, body }) => ({ id, name, body })).sort(byId)).toEqual([...model.values()].sort(byId));
          expect(damaged).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
