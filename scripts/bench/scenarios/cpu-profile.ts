/**
 * Time attributed to one script in a V8 CPU profile (CDP Profiler.stop). Besides samples in the
 * script's own frames ("self"), a sample counts when a frame of the script is anywhere on its stack:
 * DOM calls like querySelectorAll appear as native frames without a URL, yet are the script's cost.
 */
export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  samples?: number[];
  /** µs between consecutive samples (the first from the profile's start). */
  timeDeltas?: number[];
}

/** ms with the script on the stack (`total`) and in its own frames (`self`); null when it never ran. */
export function profileTimeIn(profile: CpuProfile, url: string): { total: number; self: number } | null {
  if (!profile.nodes.some((node) => node.callFrame.url === url)) return null;
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const urlOf = new Map(profile.nodes.map((node) => [node.id, node.callFrame.url]));
  const onStack = new Map<number, boolean>();
  const underScript = (id: number): boolean => {
    const known = onStack.get(id);
    if (known !== undefined) return known;
    const parentId = parent.get(id);
    const answer = urlOf.get(id) === url || (parentId !== undefined && underScript(parentId));
    onStack.set(id, answer);
    return answer;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  let self = 0;
  // A sample stands for the time until the next one.
  samples.forEach((id, index) => {
    const duration = deltas[index + 1] ?? 0;
    if (underScript(id)) total += duration;
    if (urlOf.get(id) === url) self += duration;
  });
  return { total: total / 1000, self: self / 1000 };
}
