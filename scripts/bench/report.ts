/**
 * One row per measured quantity: every run's value, the median, and the budget (issue) and
 * theoretical minimum beside it. A budget miss is reported, never fatal: the bench informs.
 */
export type Unit = 'ms' | 'round trips' | 'units' | 'requests' | 'kB' | 'count';

export interface Row {
  scenario: string;
  metric: string;
  unit: Unit;
  values: number[];
  /** null when the scenario could not measure it (see `note`). */
  median: number | null;
  budget: number | null;
  minimum: number | null;
  status: 'PASS' | 'OVER' | 'n/a' | '';
  note?: string;
  /** Anything else worth keeping in the JSON (per-run detail). */
  detail?: Record<string, unknown>;
}

export interface RowInput {
  metric: string;
  unit: Unit;
  values: number[];
  budget?: number | null;
  minimum?: number | null;
  note?: string;
  detail?: Record<string, unknown>;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return value ?? null;
}

export function row(scenario: string, input: RowInput): Row {
  const value = median(input.values);
  const budget = input.budget ?? null;
  const status = value === null ? 'n/a' : budget === null ? '' : value <= budget ? 'PASS' : 'OVER';
  return {
    scenario,
    metric: input.metric,
    unit: input.unit,
    values: input.values,
    median: value,
    budget,
    minimum: input.minimum ?? null,
    status,
    ...(input.note === undefined ? {} : { note: input.note }),
    ...(input.detail === undefined ? {} : { detail: input.detail }),
  };
}

/** The `note` of a row from the remarks that apply, if any. */
export function notes(...remarks: (string | null)[]): { note?: string } {
  const present = remarks.filter((remark): remark is string => remark !== null);
  return present.length > 0 ? { note: present.join('; ') } : {};
}

/** A quantity that could not be measured: the UI element never appeared, or the scenario failed. */
export function unavailable(scenario: string, metric: string, unit: Unit, note: string, budget: number | null = null): Row {
  return row(scenario, { metric, unit, values: [], budget, note });
}

function show(value: number, unit: Unit): string {
  const digits = unit === 'kB' || (!Number.isInteger(value) && value < 10) ? 2 : 0;
  return unit === 'count' ? value.toFixed(digits) : `${value.toFixed(digits)} ${unit}`;
}

export function formatTable(rows: readonly Row[]): string {
  const header = ['scenario', 'metric', 'median', 'budget', 'minimum', 'status', 'runs / note'];
  const lines = rows.map((r) => [
    r.scenario,
    r.metric,
    r.median === null ? '—' : show(r.median, r.unit),
    r.budget === null ? '' : `≤ ${show(r.budget, r.unit)}`,
    r.minimum === null ? '' : show(r.minimum, r.unit),
    r.status,
    [r.values.length > 1 ? `[${r.values.map((v) => Math.round(v * 100) / 100).join(', ')}]` : '', r.note ?? ''].filter(Boolean).join(' '),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const render = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...lines.map(render)].join('\n');
}
