/**
 * The admin policy as the extension lives with it (F9): read from storage.managed once, then again
 * whenever Chrome reports a change (storage.onChanged, area 'managed'), so changes apply live.
 * Used by the background and the panel alike; neither ever reads storage.managed another way.
 */
import { type Policy, type PolicyProblem, readPolicy } from './schema';

export interface PolicyRead {
  policy: Policy;
  problems: PolicyProblem[];
}

export interface PolicySourceDeps {
  /** storage.managed.get: rejects where there is no managed storage (then: no policy). */
  readManaged: () => Promise<Record<string, unknown>>;
  onChanged: { addListener(listener: (changes: Record<string, unknown>, area: string) => void): void };
  log: (message: string, details: Record<string, unknown>) => void;
}

export type PolicySource = ReturnType<typeof createPolicySource>;

export function createPolicySource(deps: PolicySourceDeps) {
  let latest: Promise<PolicyRead> = read();
  const watchers = new Set<(next: PolicyRead, previous: PolicyRead) => void>();

  async function read(): Promise<PolicyRead> {
    const raw = await deps.readManaged().catch((error: unknown) => {
      deps.log('admin policy unreadable; using the defaults', { error: String(error) });
      return {};
    });
    const answer = readPolicy(raw);
    // Admin-facing problems are named in the panel too; the log is where an admin's tooling looks.
    if (answer.problems.length > 0) deps.log('admin policy has problems', { problems: answer.problems });
    return answer;
  }

  // Registered at once: in the background, a change that woke the worker must not be missed.
  deps.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    const previous = latest;
    latest = read();
    void Promise.all([latest, previous]).then(([next, before]) => watchers.forEach((watcher) => watcher(next, before)));
  });

  return {
    /** The policy as last read; the first read takes a few seconds right after the browser starts. */
    current: (): Promise<PolicyRead> => latest,
    /** Calls back with the new policy and the one before it whenever the admin changes it. */
    watch(onChange: (next: PolicyRead, previous: PolicyRead) => void): () => void {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
  };
}
