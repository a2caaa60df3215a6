import { describe, expect, it, vi } from 'vitest';
import { lazyTemplateStore } from '../../../utils/templates/lazy-store';
import type { TemplateStore } from '../../../utils/templates/types';

function fakeStore(): TemplateStore & { stop: () => void } {
  const stop = vi.fn();
  return {
    list: vi.fn(async () => ({ templates: [], damaged: 0 })),
    save: vi.fn(),
    remove: vi.fn(async () => undefined),
    resync: vi.fn(async () => []),
    watch: vi.fn(() => stop),
    stop,
  };
}

describe('lazy template store', () => {
  it('reads the store’s code on first use only, once', async () => {
    const real = fakeStore();
    const load = vi.fn(async () => real);
    const store = lazyTemplateStore(load);
    expect(load).not.toHaveBeenCalled();
    await store.list();
    await store.remove('t-1');
    expect(load).toHaveBeenCalledOnce();
    expect(real.remove).toHaveBeenCalledWith('t-1');
  });

  it('watches once the code is there, and stops watching when asked, even before', async () => {
    const real = fakeStore();
    const store = lazyTemplateStore(async () => real);
    const stop = store.watch(() => undefined);
    await vi.waitFor(() => expect(real.watch).toHaveBeenCalledOnce());
    stop();
    expect(real.stop).toHaveBeenCalledOnce();
    const early = lazyTemplateStore(async () => real);
    early.watch(() => undefined)();
    await early.list();
    expect(real.watch).toHaveBeenCalledOnce();
  });

  it('asks for the code again after it could not be read', async () => {
    const real = fakeStore();
    const load = vi.fn<() => Promise<TemplateStore>>().mockRejectedValueOnce(new Error('chunk missing')).mockResolvedValue(real);
    const store = lazyTemplateStore(load);
    await expect(store.list()).rejects.toThrow('chunk missing');
    await expect(store.list()).resolves.toEqual({ templates: [], damaged: 0 });
  });
});
