/**
 * SLA due times (F4) and the queue's urgency order (F5), issue 4. The clock starts at the customer
 * message that opened the unanswered stretch — the first one after the agent's last reply — and
 * runs for the priority's hours, counted in business hours when a calendar is given.
 */
import { addBusinessTime, businessCalendarOf, type BusinessHours } from './business-hours';
import type { CasePriority, CaseStatus } from './labels';
import { isValidTime } from './zoned-time';

export interface SlaMessage {
  /** Epoch ms (Gmail's internalDate). */
  at: number;
  fromCustomer: boolean;
}

export type SlaHours = Record<CasePriority, number>;
export const DEFAULT_SLA_HOURS: Readonly<SlaHours> = { P1: 4, P2: 8, P3: 24 };
/** One year: beyond that an SLA is a typing accident, not a policy. */
export const MAX_SLA_HOURS = 24 * 365;

export interface SlaInput {
  priority: CasePriority;
  status: CaseStatus;
  /** Non-draft messages, oldest first, as Gmail lists a thread. */
  messages: readonly SlaMessage[];
  now: number;
  /**
   * Hours per priority from the admin policy. A priority that is missing, negative, not finite
   * or above MAX_SLA_HOURS gets its default: the policy (F9) reports bad values to the admin.
   */
  hours?: Partial<SlaHours> | undefined;
  /**
   * Count only these hours. Absent: the clock runs 24/7. Invalid (see businessHoursSchema): also
   * 24/7, the stricter clock — a due time is never later than it would be on any calendar.
   */
  businessHours?: BusinessHours | null | undefined;
}

/** 'first': the agent has not yet written since the customer first did; 'next': a later answer. */
export type SlaKind = 'first' | 'next';

export type SlaState =
  | { state: 'none' }
  | { state: 'due'; kind: SlaKind; dueAt: number; remainingMs: number }
  | { state: 'overdue'; kind: SlaKind; dueAt: number; overdueMs: number };

const NO_SLA: SlaState = { state: 'none' };
const HOUR_MS = 3_600_000;

/**
 * No due time when the case is Solved, when it is Pending (waiting on the customer: the clock
 * is paused), when the agent's side wrote last (nothing to answer), or when no time can be
 * computed (invalid `now` or message time, due time beyond the horizon). Due until and including
 * `dueAt`, overdue after it; remaining and overdue times are wall-clock durations from `now`.
 */
export function slaStateOf(input: SlaInput): SlaState {
  if (input.status !== 'Open' || !isValidTime(input.now)) return NO_SLA;
  const clock = clockStartOf(input.messages);
  if (!clock) return NO_SLA;
  const calendar = input.businessHours ? businessCalendarOf(input.businessHours) : null;
  const dueAt = addBusinessTime(clock.since, Math.round(hoursFor(input.priority, input.hours) * HOUR_MS), calendar);
  if (dueAt === null) return NO_SLA;
  return input.now > dueAt
    ? { state: 'overdue', kind: clock.kind, dueAt, overdueMs: input.now - dueAt }
    : { state: 'due', kind: clock.kind, dueAt, remainingMs: dueAt - input.now };
}

/**
 * Where the clock starts: the first customer message after the agent's last one. The response is
 * 'first' while the agent has not written since the customer first did — a thread the agent
 * opened is still waiting for its first response once the customer answers.
 */
export function clockStartOf(messages: readonly SlaMessage[]): { kind: SlaKind; since: number } | null {
  if (messages.at(-1)?.fromCustomer !== true) return null;
  const lastAgent = messages.findLastIndex((message) => !message.fromCustomer);
  const firstCustomer = messages.findIndex((message) => message.fromCustomer);
  const since = messages[lastAgent + 1]?.at;
  if (since === undefined) return null;
  return { kind: lastAgent > firstCustomer ? 'next' : 'first', since };
}

/**
 * The few messages of a timeline that decide its SLA and waiting time, in order: the customer's
 * first, the agent's last, the customer's first after it, and the newest. slaStateOf and
 * waitingSinceOf give the same answers for both (a property test checks it), and a 120-message
 * thread is cached with 4 entries instead of 120: less to keep, and less to purge.
 */
export function slaTimeline(messages: readonly SlaMessage[]): SlaMessage[] {
  const lastAgent = messages.findLastIndex((message) => !message.fromCustomer);
  const decisive = new Set([messages.findIndex((message) => message.fromCustomer), lastAgent, lastAgent + 1, messages.length - 1]);
  return messages.filter((_, index) => decisive.has(index));
}

function hoursFor(priority: CasePriority, hours: Partial<SlaHours> | undefined): number {
  const configured = hours?.[priority];
  const valid = typeof configured === 'number' && configured >= 0 && configured <= MAX_SLA_HOURS;
  return valid ? configured : DEFAULT_SLA_HOURS[priority];
}

/**
 * Sort key for the queue, compared with compareUrgency: overdue first, most overdue first; then
 * due, soonest first; then no SLA, longest waiting first (`waitingSince`, e.g. the panel's
 * waiting state); then the rest. Both overdue and due order by dueAt, which for one `now` is the
 * same as by overdue or remaining time, and does not change as the clock ticks.
 */
export type UrgencyKey = readonly [tier: 0 | 1 | 2 | 3, at: number];

export function urgencyKey(sla: SlaState, waitingSince: number | null): UrgencyKey {
  if (sla.state === 'overdue') return [0, sla.dueAt];
  if (sla.state === 'due') return [1, sla.dueAt];
  return waitingSince !== null && isValidTime(waitingSince) ? [2, waitingSince] : [3, 0];
}

export function compareUrgency(a: UrgencyKey, b: UrgencyKey): number {
  return a[0] - b[0] || a[1] - b[1];
}
