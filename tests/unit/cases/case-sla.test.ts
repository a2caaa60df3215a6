import { describe, expect, it } from 'vitest';
import { caseSla } from '../../../utils/cases/case-sla';
import { DEFAULT_SLA_HOURS } from '../../../utils/cases/sla';
import type { CaseView } from '../../../utils/cases/types';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-24T12:00:00Z');
const customerWrote = [{ at: NOW - HOUR, fromCustomer: true }];
const caseOf = (overrides: Partial<CaseView>): CaseView => ({ status: 'Open', priority: 'P1', editable: true, slaHours: { ...DEFAULT_SLA_HOURS }, ...overrides });

describe('caseSla', () => {
  it('times an Open case by its priority and the policy’s hours', () => {
    expect(caseSla(caseOf({ slaHours: { P1: 2, P2: 8, P3: 24 } }), customerWrote, NOW)).toEqual({
      state: 'due',
      kind: 'first',
      dueAt: NOW + HOUR,
      remainingMs: HOUR,
    });
  });

  it('times a case without a priority as the most lenient one', () => {
    expect(caseSla(caseOf({ priority: null }), customerWrote, NOW)).toMatchObject({ dueAt: NOW - HOUR + DEFAULT_SLA_HOURS.P3 * HOUR });
  });

  it.each([['no status', null], ['Pending', 'Pending'], ['Solved', 'Solved']] as const)('runs no clock for a case with %s', (_, status) => {
    expect(caseSla(caseOf({ status }), customerWrote, NOW)).toEqual({ state: 'none' });
  });
});
