/**
 * The admin policy in the background (F9). Services read settings synchronously (a label prefix
 * inside a plan, SLA hours inside a view), so every entry point first awaits `ready()`: the first
 * read of storage.managed takes seconds right after the browser starts, and a request served
 * before it with defaults could file a case under a prefix the admin replaced.
 */
import { DEFAULT_POLICY, type Policy } from '../policy/schema';
import { createPolicySource, type PolicyRead, type PolicySourceDeps } from '../policy/source';

export function createPolicyGate(deps: PolicySourceDeps) {
  const source = createPolicySource(deps);
  let settings: Readonly<Policy> = DEFAULT_POLICY;

  async function ready(): Promise<Readonly<Policy>> {
    settings = (await source.current()).policy;
    return settings;
  }

  return {
    ready,
    /** The settings as last read: only for code that runs after `ready()`. */
    settings: (): Readonly<Policy> => settings,
    /** Calls back once the new policy is in effect, with the one it replaced. */
    watch(onChange: (next: Readonly<Policy>, previous: Readonly<Policy>) => void): void {
      source.watch((next: PolicyRead, previous: PolicyRead) => {
        settings = next.policy;
        onChange(next.policy, previous.policy);
      });
    },
  };
}

export type PolicyGate = ReturnType<typeof createPolicyGate>;
