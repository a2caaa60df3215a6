import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_POLICY } from '../../../utils/policy/schema';
import { createPolicySource } from '../../../utils/policy/source';

type Listener = (changes: Record<string, unknown>, area: string) => void;

function setup(initial: Record<string, unknown> | Error) {
  let managed = initial;
  const listeners: Listener[] = [];
  const log = vi.fn();
  const source = createPolicySource({
    readManaged: async () => {
      if (managed instanceof Error) throw managed;
      return managed;
    },
    onChanged: { addListener: (listener) => listeners.push(listener) },
    log,
  });
  return {
    source,
    log,
    change(next: Record<string, unknown>, area = 'managed') {
      managed = next;
      for (const listener of listeners) listener({}, area);
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the policy source', () => {
  it('reads storage.managed once, however often it is asked', async () => {
    const { source } = setup({ retentionDays: 7 });
    const [first, second] = await Promise.all([source.current(), source.current()]);
    expect(first.policy.retentionDays).toBe(7);
    expect(second).toBe(first);
  });

  it('uses the defaults, and logs why, where managed storage cannot be read', async () => {
    const { source, log } = setup(new Error('Managed storage is not available'));
    expect(await source.current()).toEqual({ policy: DEFAULT_POLICY, problems: [] });
    expect(log).toHaveBeenCalledWith('admin policy unreadable; using the defaults', { error: 'Error: Managed storage is not available' });
  });

  it('logs the problems an admin must fix', async () => {
    const { source, log } = setup({ retentionDays: 0 });
    const { problems } = await source.current();
    expect(problems.map((problem) => problem.setting)).toEqual(['retentionDays']);
    expect(log).toHaveBeenCalledWith('admin policy has problems', { problems });
  });

  it('follows a change in the managed area live, with the policy it replaced', async () => {
    const { source, change } = setup({ features: { queue: false } });
    await source.current();
    const watcher = vi.fn();
    source.watch(watcher);
    change({ features: { queue: true }, slaHours: { P1: 1 } });
    await flush();
    expect(watcher).toHaveBeenCalledTimes(1);
    const [next, previous] = watcher.mock.calls[0]!;
    expect(next.policy.slaHours.P1).toBe(1);
    expect(previous.policy.features.queue).toBe(false);
    expect((await source.current()).policy.features.queue).toBe(true);
  });

  it('ignores changes to other storage areas', async () => {
    const { source, change } = setup({});
    const watcher = vi.fn();
    source.watch(watcher);
    change({ retentionDays: 2 }, 'sync');
    await flush();
    expect(watcher).not.toHaveBeenCalled();
    expect((await source.current()).policy.retentionDays).toBe(DEFAULT_POLICY.retentionDays);
  });

  it('stops calling a watcher once it unsubscribed', async () => {
    const { source, change } = setup({});
    const watcher = vi.fn();
    const stop = source.watch(watcher);
    stop();
    change({ retentionDays: 2 });
    await flush();
    expect(watcher).not.toHaveBeenCalled();
  });
});
