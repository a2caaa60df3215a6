import { describe, expect, it } from 'vitest';
import { caseFailureText, slaLineText, slaShortText, waitingText } from '../../../components/caseText';
import { DEFAULT_SLA_HOURS } from '../../../utils/cases/sla';
import type { CaseView } from '../../../utils/cases/types';
import { formatWhen } from '../../../utils/i18n/format';
import { t } from './english';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (ms: number) => formatWhen(ms, NOW, 'en');

describe('the SLA line', () => {
  it.each([
    ['a first response due', { state: 'due', kind: 'first', dueAt: NOW + 2 * HOUR + 10 * MINUTE, remainingMs: 2 * HOUR + 10 * MINUTE } as const, `First response due ${at(NOW + 2 * HOUR + 10 * MINUTE)} (2 hr 10 min left)`],
    ['a next response due', { state: 'due', kind: 'next', dueAt: NOW + 5 * MINUTE, remainingMs: 5 * MINUTE } as const, `Next response due ${at(NOW + 5 * MINUTE)} (5 min left)`],
    ['a first response overdue', { state: 'overdue', kind: 'first', dueAt: NOW - HOUR - 5 * MINUTE, overdueMs: HOUR + 5 * MINUTE } as const, `Overdue by 1 hr 5 min (first response due ${at(NOW - HOUR - 5 * MINUTE)})`],
    ['a next response overdue', { state: 'overdue', kind: 'next', dueAt: NOW - 2 * HOUR, overdueMs: 2 * HOUR } as const, `Overdue by 2 hr (next response due ${at(NOW - 2 * HOUR)})`],
  ])('says when %s is', (_, sla, text) => {
    expect(slaLineText(t, sla, NOW, 'en')).toBe(text);
  });
});

describe('a queue row', () => {
  it.each([
    [{ state: 'overdue', kind: 'first', dueAt: NOW - 2 * HOUR, overdueMs: 2 * HOUR } as const, 'Overdue by 2 hr'],
    [{ state: 'due', kind: 'next', dueAt: NOW + 90 * MINUTE, remainingMs: 90 * MINUTE } as const, 'Due in 1 hr 30 min'],
    [{ state: 'none' } as const, null],
  ])('shows the SLA %o as %s', (sla, text) => {
    expect(slaShortText(t, sla, 'en')).toBe(text);
  });

  it('shows how long the customer has waited, or that they were answered', () => {
    expect(waitingText(t, NOW - 3 * HOUR, NOW, 'en')).toBe('Waiting 3 hr');
    expect(waitingText(t, null, NOW, 'en')).toBe('Answered');
  });
});

describe('a change that was not saved', () => {
  const kept: CaseView = { status: 'Open', priority: null, editable: true, slaHours: { ...DEFAULT_SLA_HOURS } };

  it('says Gmail’s reason and the status the case still has', () => {
    const text = caseFailureText(t, { change: { kind: 'status', value: 'Pending' }, error: { code: 'gmail-error', detail: 'Delegation denied' } }, kept);
    expect(text).toBe('The change was not saved. Gmail refused the request: Delegation denied. The status is still Open.');
  });

  it('says when the priority is still unset, without doubling a full stop', () => {
    const text = caseFailureText(t, { change: { kind: 'priority', value: 'P1' }, error: { code: 'offline' } }, kept);
    expect(text).toBe(
      "The change was not saved. You're offline, or Gmail can't be reached. Check your connection and try again. The priority is still not set.",
    );
  });
});
