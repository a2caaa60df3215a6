/**
 * The queue's order and its overdue count (F5), for one `now`: the panel sorts with its clock, the
 * background counts overdue cases for the toolbar badge with its own. Both read the same rules.
 */
import { caseSla } from './case-sla';
import { type SlaHours, type SlaMessage, type SlaState, clockStartOf, compareUrgency, urgencyKey } from './sla';
import type { QueueRow } from './types';

/** The customer waits from where the SLA clock starts: their first message after the agent's last. */
export function waitingSinceOf(timeline: readonly SlaMessage[]): number | null {
  return clockStartOf(timeline)?.since ?? null;
}

export function rowSla(row: QueueRow, slaHours: SlaHours, now: number): SlaState {
  return caseSla({ status: row.status, priority: row.priority, slaHours }, row.timeline, now);
}

export interface RankedRow {
  row: QueueRow;
  sla: SlaState;
  waitingSince: number | null;
}

/** Most urgent first: overdue (most overdue first), then due soonest, then longest waiting. */
export function rankQueue(rows: readonly QueueRow[], slaHours: SlaHours, now: number): RankedRow[] {
  const ranked = rows.map((row) => ({ row, sla: rowSla(row, slaHours, now), waitingSince: waitingSinceOf(row.timeline) }));
  const keys = new Map(ranked.map((entry) => [entry, urgencyKey(entry.sla, entry.waitingSince)]));
  // Thread ids break ties so that equal cases keep one order between refreshes.
  return ranked.sort(
    (a, b) => compareUrgency(keys.get(a)!, keys.get(b)!) || (a.row.threadId < b.row.threadId ? -1 : a.row.threadId > b.row.threadId ? 1 : 0),
  );
}

export function countOverdue(rows: readonly QueueRow[], slaHours: SlaHours, now: number): number {
  return rows.filter((row) => rowSla(row, slaHours, now).state === 'overdue').length;
}
