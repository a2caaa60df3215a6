export const USAGE = 'usage: npm run bench -- [--latency=100] [--runs=5] [--json] [--only=<scenario id>,…]';

export interface BenchOptions {
  /** Injected per Google round trip, in ms. */
  latency: number;
  runs: number;
  /** Print the results as JSON instead of a table. */
  json: boolean;
  /** Scenario ids to run; null runs them all. */
  only: string[] | null;
}

function flag(args: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return args.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

function wholeNumber(args: readonly string[], name: string, fallback: number, min: number): number {
  const raw = flag(args, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return value;
}

const KNOWN = /^--(json|(latency|runs|only)=.*)$/;

export function parseBenchArgs(args: readonly string[], scenarioIds: readonly string[]): BenchOptions {
  const unknown = args.find((arg) => !KNOWN.test(arg));
  if (unknown !== undefined) throw new Error(`unknown argument "${unknown}"`);
  const only = flag(args, 'only')?.split(',').filter(Boolean) ?? null;
  const unknownId = only?.find((id) => !scenarioIds.includes(id));
  if (unknownId !== undefined) throw new Error(`no scenario "${unknownId}"; there are ${scenarioIds.join(', ')}`);
  return {
    latency: wholeNumber(args, 'latency', 100, 0),
    runs: wholeNumber(args, 'runs', 5, 1),
    json: args.includes('--json'),
    only,
  };
}
