/** The words of the case controls and the queue (F4, F5), as functions so they are unit-tested. */
import type { CaseStatus } from '@/utils/cases/labels';
import type { SlaState } from '@/utils/cases/sla';
import type { CaseView } from '@/utils/cases/types';
import { formatDuration, formatWhen } from '@/utils/i18n/format';
import type { MessageKey, Translate } from '@/utils/i18n/messages';
import type { CaseFailure } from '@/utils/panel/case-state';
import { errorText } from './errorText';

/** An SLA with a due time: there is nothing to say of the others. */
export type TimedSla = Exclude<SlaState, { state: 'none' }>;

const STATUS_KEYS = {
  Open: 'statusOpen',
  Pending: 'statusPending',
  Solved: 'statusSolved',
} as const satisfies Record<CaseStatus, MessageKey>;

export function statusText(t: Translate, status: CaseStatus): string {
  return t(STATUS_KEYS[status]);
}

/** What happened, why, and what the case still says: "The change was not saved. … The status is still Open." */
export function caseFailureText(t: Translate, { change, error }: CaseFailure, kept: CaseView): string {
  const reason = asSentence(errorText(t, error));
  return change.kind === 'status'
    ? t('caseSaveFailedStatus', reason, kept.status ? statusText(t, kept.status) : t('caseUnset'))
    : t('caseSaveFailedPriority', reason, kept.priority ?? t('caseUnset'));
}

/** The conversation's SLA: "First response due 14:00 (2 hr 10 min left)", "Overdue by 5 min (…)". */
export function slaLineText(t: Translate, sla: TimedSla, now: number, locale: string): string {
  const due = formatWhen(sla.dueAt, now, locale);
  return sla.state === 'due'
    ? t(sla.kind === 'first' ? 'slaFirstDue' : 'slaNextDue', due, formatDuration(sla.remainingMs, locale))
    : t(sla.kind === 'first' ? 'slaFirstOverdue' : 'slaNextOverdue', due, formatDuration(sla.overdueMs, locale));
}

/** A queue row's SLA, shorter: "Overdue by 2 hr", "Due in 1 hr 30 min"; null without one. */
export function slaShortText(t: Translate, sla: SlaState, locale: string): string | null {
  if (sla.state === 'none') return null;
  return sla.state === 'due'
    ? t('queueDueIn', formatDuration(sla.remainingMs, locale))
    : t('queueOverdueBy', formatDuration(sla.overdueMs, locale));
}

/** "Waiting 3 hr" from the customer's first unanswered message, or "Answered". */
export function waitingText(t: Translate, waitingSince: number | null, now: number, locale: string): string {
  return waitingSince === null ? t('answered') : t('queueWaiting', formatDuration(now - waitingSince, locale));
}

/** Error texts end with or without a full stop (or a colon when Gmail gave no reason): make it one. */
function asSentence(text: string): string {
  const trimmed = text.trimEnd().replace(/:$/, '');
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
