/**
 * The queue's order and its overdue count (F5), for one `now`: the panel sorts with its clock, the
 * background counts overdue cases for the toolbar badge with its own. Both read the same rules.
 */
import { compareUrgency, type SlaHours, type SlaMessage, type SlaState, slaStateOf, urgencyKey } from './sla';
import { type QueueRow, UNSET_PRIORITY_SLA } from './types';

/** The customer waits from their first message after the agent's last one, if they wrote last. */
export function waitingSinceOf(timeline: readonly SlaMessage[]): number | null {
  if (timeline.at(-1)?.fromCustomer !== true) return null;
  const lastAgent = timeline.findLastIndex((message) => !message.fromCustomer);
  return timeline[lastAgent + 1]?.at ?? null;
}

export function rowSla(row: QueueRow, slaHours: SlaHours, now: number): SlaState {
  return slaStateOf({ priority: row.priority ?? UNSET_PRIORITY_SLA, status: row.status, messages: row.timeline, now, hours: slaHours });
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
