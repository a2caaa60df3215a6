/**
 * A template store whose code is read the first time it is used (F12: the panel's bundle budget):
 * the panel asks for templates only once the agent opens the Templates section.
 */
import type { TemplateStore } from './types';

export function lazyTemplateStore(load: () => Promise<TemplateStore>): TemplateStore {
  let loading: Promise<TemplateStore> | null = null;
  const store = () => {
    // A chunk that could not be read is asked for again next time.
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
  return {
    list: async () => (await store()).list(),
    save: async (input) => (await store()).save(input),
    remove: async (id) => (await store()).remove(id),
    resync: async () => (await store()).resync(),
    watch(onChange) {
      let stop: (() => void) | null = null;
      let stopped = false;
      store().then(
        (loaded) => {
          if (!stopped) stop = loaded.watch(onChange);
        },
        // Nothing to watch without the store; list() reports why to the agent.
        () => undefined,
      );
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}
