/** The SLA of the open conversation's case (F4), from what the panel holds and its own clock. */
import { type SlaMessage, type SlaState, slaStateOf } from './sla';
import { type CaseView, UNSET_PRIORITY_SLA } from './types';

export function caseSla(view: Pick<CaseView, 'status' | 'priority' | 'slaHours'>, timeline: readonly SlaMessage[], now: number): SlaState {
  // A conversation without a status is not a case yet (it is not in the queue): no clock runs.
  if (view.status === null) return { state: 'none' };
  return slaStateOf({ priority: view.priority ?? UNSET_PRIORITY_SLA, status: view.status, messages: timeline, now, hours: view.slaHours });
}
