import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../../../utils/cases/business-hours';
import { CASE_PRIORITIES, CASE_STATUSES } from '../../../utils/cases/labels';
import {
  DEFAULT_SLA_HOURS,
  MAX_SLA_HOURS,
  compareUrgency,
  slaStateOf,
  slaTimeline,
  urgencyKey,
  type SlaInput,
  type SlaMessage,
  type SlaState,
} from '../../../utils/cases/sla';
import { waitingSinceOf } from '../../../utils/cases/queue-order';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const T0 = Date.parse('2024-01-08T10:00:00Z'); // a Monday
const customer = (minutes: number): SlaMessage => ({ at: T0 + minutes * MINUTE_MS, fromCustomer: true });
const agent = (minutes: number): SlaMessage => ({ at: T0 + minutes * MINUTE_MS, fromCustomer: false });
const input = (overrides: Partial<SlaInput>): SlaInput => ({
  priority: 'P1',
  status: 'Open',
  messages: [customer(0)],
  now: T0,
  ...overrides,
});
const due = (kind: 'first' | 'next', dueAt: number, now = T0): SlaState =>
  now > dueAt ? { state: 'overdue', kind, dueAt, overdueMs: now - dueAt } : { state: 'due', kind, dueAt, remainingMs: dueAt - now };

describe('slaStateOf: which message starts the clock', () => {
  it.each([
    ['a single customer message: first response', [customer(0)], due('first', T0 + 4 * HOUR_MS)],
    ['several customer messages: from the first', [customer(0), customer(30), customer(90)], due('first', T0 + 4 * HOUR_MS)],
    [
      'an answer and a new question: next response from the new one',
      [customer(0), agent(60), customer(120)],
      due('next', T0 + 2 * HOUR_MS + 4 * HOUR_MS),
    ],
    [
      'several answers: from the first message after the last answer',
      [customer(0), agent(10), customer(20), agent(30), customer(40), customer(50)],
      due('next', T0 + 40 * MINUTE_MS + 4 * HOUR_MS),
    ],
    [
      'a thread the agent opened: the reply still awaits a first response',
      [agent(0), customer(60)],
      due('first', T0 + HOUR_MS + 4 * HOUR_MS),
    ],
    [
      'two agent messages before the customer wrote: still a first response',
      [agent(0), agent(5), customer(60), customer(70)],
      due('first', T0 + HOUR_MS + 4 * HOUR_MS),
    ],
  ])('%s', (_, messages, state) => {
    expect(slaStateOf(input({ messages }))).toEqual(state);
  });

  it.each([
    ['no message at all', []],
    ['only agent messages', [agent(0), agent(10)]],
    ['the agent answered last', [customer(0), agent(10)]],
    ['the agent answered last after several exchanges', [customer(0), agent(10), customer(20), agent(30)]],
  ])('has no due time with %s', (_, messages) => {
    expect(slaStateOf(input({ messages }))).toEqual({ state: 'none' });
  });
});

describe('slaStateOf: status and priority', () => {
  it.each([
    ['Pending: waiting on the customer, the clock is paused', 'Pending'],
    ['Solved: nothing left to do', 'Solved'],
  ] as const)('has no due time when %s', (_, status) => {
    expect(slaStateOf(input({ status, messages: [customer(0)], now: T0 + 100 * HOUR_MS }))).toEqual({ state: 'none' });
  });

  it.each([
    ['P1', 4],
    ['P2', 8],
    ['P3', 24],
  ] as const)('gives %s its default of %i hours', (priority, hours) => {
    expect(slaStateOf(input({ priority }))).toEqual(due('first', T0 + hours * HOUR_MS));
  });

  it.each([
    ['an hour set by policy', { P1: 1 }, 'P1', 1],
    ['half an hour', { P1: 0.5 }, 'P1', 0.5],
    ['no time at all: due at once', { P2: 0 }, 'P2', 0],
    ['a priority the policy left out keeps its default', { P1: 1 }, 'P3', 24],
    ['the maximum', { P3: MAX_SLA_HOURS }, 'P3', MAX_SLA_HOURS],
    ['a negative value falls back to the default', { P1: -1 }, 'P1', 4],
    ['NaN falls back to the default', { P1: Number.NaN }, 'P1', 4],
    ['infinity falls back to the default', { P1: Number.POSITIVE_INFINITY }, 'P1', 4],
    ['more than a year falls back to the default', { P2: MAX_SLA_HOURS + 1 }, 'P2', 8],
  ] as const)('uses %s', (_, hours, priority, effective) => {
    expect(slaStateOf(input({ priority, hours }))).toEqual(due('first', T0 + effective * HOUR_MS));
  });

  it('keeps the documented defaults', () => {
    expect(DEFAULT_SLA_HOURS).toEqual({ P1: 4, P2: 8, P3: 24 });
  });
});

describe('slaStateOf: due and overdue', () => {
  const dueAt = T0 + 4 * HOUR_MS;

  it.each([
    ['right after the message', T0, { state: 'due', kind: 'first', dueAt, remainingMs: 4 * HOUR_MS }],
    ['before the message (a clock behind Gmail’s)', T0 - MINUTE_MS, { state: 'due', kind: 'first', dueAt, remainingMs: 4 * HOUR_MS + MINUTE_MS }],
    ['a minute before the due time', dueAt - MINUTE_MS, { state: 'due', kind: 'first', dueAt, remainingMs: MINUTE_MS }],
    ['exactly at the due time: still due', dueAt, { state: 'due', kind: 'first', dueAt, remainingMs: 0 }],
    ['a millisecond later: overdue', dueAt + 1, { state: 'overdue', kind: 'first', dueAt, overdueMs: 1 }],
    ['a day later', dueAt + 24 * HOUR_MS, { state: 'overdue', kind: 'first', dueAt, overdueMs: 24 * HOUR_MS }],
  ])('is %s', (_, now, state) => {
    expect(slaStateOf(input({ now }))).toEqual(state);
  });

  it.each([
    ['now is not a number', { now: Number.NaN }],
    ['now is beyond the range of a Date', { now: 1e300 }],
    ['the message time is not a number', { messages: [{ at: Number.NaN, fromCustomer: true }] }],
  ])('has no due time when %s', (_, overrides) => {
    expect(slaStateOf(input(overrides))).toEqual({ state: 'none' });
  });
});

describe('slaStateOf with business hours', () => {
  const saoPauloOffice: BusinessHours = { timeZone: 'America/Sao_Paulo', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
  const at = Date.parse;

  it.each([
    ['a Friday afternoon question is due on Monday', '2024-01-05T16:00:00-03:00', 'P1', '2024-01-08T12:00:00-03:00'],
    ['a Saturday question counts from Monday’s opening', '2024-01-06T10:00:00-03:00', 'P2', '2024-01-08T17:00:00-03:00'],
    ['a question on the closing minute counts from the next opening', '2024-01-08T17:00:00-03:00', 'P1', '2024-01-09T13:00:00-03:00'],
    ['P3 spans three working days', '2024-01-08T09:00:00-03:00', 'P3', '2024-01-10T17:00:00-03:00'],
    ['over the start of summer time (2018)', '2018-11-02T16:00:00-03:00', 'P1', '2018-11-05T12:00:00-02:00'],
  ] as const)('%s', (_, sent, priority, dueIso) => {
    const messages = [{ at: at(sent), fromCustomer: true }];
    const state = slaStateOf(input({ priority, messages, now: at(sent), businessHours: saoPauloOffice }));
    expect(state).toMatchObject({ state: 'due', kind: 'first', dueAt: at(dueIso) });
  });

  it('reports the wall-clock time left, nights and weekends included', () => {
    const messages = [{ at: at('2024-01-05T16:00:00-03:00'), fromCustomer: true }];
    const now = at('2024-01-05T17:00:00-03:00');
    expect(slaStateOf(input({ messages, now, businessHours: saoPauloOffice }))).toMatchObject({
      remainingMs: (3 * 24 - 5) * HOUR_MS,
    });
  });

  it('is overdue once the business hours have run out', () => {
    const messages = [{ at: at('2024-01-05T16:00:00-03:00'), fromCustomer: true }];
    const now = at('2024-01-08T12:30:00-03:00');
    expect(slaStateOf(input({ messages, now, businessHours: saoPauloOffice }))).toEqual({
      state: 'overdue',
      kind: 'first',
      dueAt: at('2024-01-08T12:00:00-03:00'),
      overdueMs: 30 * MINUTE_MS,
    });
  });

  it.each([
    ['an unknown zone', { ...saoPauloOffice, timeZone: 'America/Atlantis' }],
    ['no working day', { ...saoPauloOffice, days: [] }],
    ['an end before the start', { ...saoPauloOffice, start: '17:00', end: '09:00' }],
  ])('counts round the clock, the stricter clock, with %s', (_, businessHours) => {
    const messages = [{ at: at('2024-01-05T16:00:00-03:00'), fromCustomer: true }];
    expect(slaStateOf(input({ messages, now: messages[0]?.at ?? 0, businessHours }))).toMatchObject({
      dueAt: at('2024-01-05T20:00:00-03:00'),
    });
  });

  it('counts round the clock when the calendar is null', () => {
    expect(slaStateOf(input({ businessHours: null }))).toEqual(due('first', T0 + 4 * HOUR_MS));
  });
});

describe('slaStateOf properties', () => {
  const message = fc.record({ at: fc.integer({ min: T0 - 1000 * HOUR_MS, max: T0 + 1000 * HOUR_MS }), fromCustomer: fc.boolean() });
  const sortedMessages = fc.array(message, { maxLength: 12 }).map((list) => [...list].sort((a, b) => a.at - b.at));
  const calendar = fc.option(
    fc.record({
      timeZone: fc.constantFrom('America/New_York', 'Europe/Lisbon', 'America/Sao_Paulo', 'UTC'),
      days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1 }),
      start: fc.constantFrom('00:00', '08:00', '09:00', '13:30'),
      end: fc.constantFrom('17:00', '18:00', '24:00'),
    }),
  );
  const validInput = fc.record({
    priority: fc.constantFrom(...CASE_PRIORITIES),
    status: fc.constantFrom(...CASE_STATUSES),
    messages: sortedMessages,
    now: fc.integer({ min: T0 - 1000 * HOUR_MS, max: T0 + 2000 * HOUR_MS }),
    hours: fc.record({ P1: fc.double({ min: 0, max: 200, noNaN: true }), P2: fc.nat(200), P3: fc.nat(200) }),
    businessHours: calendar,
  });

  it('decides the same SLA and waiting time from the few messages slaTimeline keeps (property)', () => {
    fc.assert(
      fc.property(validInput, fc.array(message, { maxLength: 40 }), (sla, unsorted) => {
        const long = [...sla.messages, ...unsorted].sort((a, b) => a.at - b.at);
        const short = slaTimeline(long);
        expect(short.length).toBeLessThanOrEqual(4);
        expect(slaStateOf({ ...sla, messages: short })).toEqual(slaStateOf({ ...sla, messages: long }));
        expect(waitingSinceOf(short)).toBe(waitingSinceOf(long));
      }),
    );
  });

  it('never gives a due time before the message that started the clock (property)', () => {
    fc.assert(
      fc.property(validInput, (sla) => {
        const state = slaStateOf(sla);
        if (state.state === 'none') return;
        const lastAgent = sla.messages.findLastIndex((m) => !m.fromCustomer);
        expect(state.dueAt).toBeGreaterThanOrEqual(sla.messages[lastAgent + 1]?.at ?? Number.NaN);
      }),
    );
  });

  it('is due or overdue exactly when the case is Open and the customer wrote last (property)', () => {
    fc.assert(
      fc.property(validInput, (sla) => {
        const state = slaStateOf(sla);
        const expectsClock = sla.status === 'Open' && sla.messages.at(-1)?.fromCustomer === true;
        expect(state.state !== 'none').toBe(expectsClock);
        if (state.state === 'due') expect(state.remainingMs).toBe(state.dueAt - sla.now);
        if (state.state === 'due') expect(state.remainingMs).toBeGreaterThanOrEqual(0);
        if (state.state === 'overdue') expect(state.overdueMs).toBe(sla.now - state.dueAt);
        if (state.state === 'overdue') expect(state.overdueMs).toBeGreaterThan(0);
      }),
    );
  });

  it('gives a later or equal due time for more hours (property)', () => {
    fc.assert(
      fc.property(validInput, fc.nat(200), fc.nat(200), (sla, a, b) => {
        const open = { ...sla, status: 'Open' as const, priority: 'P2' as const };
        const fewer = slaStateOf({ ...open, hours: { P2: Math.min(a, b) } });
        const more = slaStateOf({ ...open, hours: { P2: Math.max(a, b) } });
        if (fewer.state === 'none' || more.state === 'none') {
          expect(fewer.state).toBe(more.state);
          return;
        }
        expect(more.dueAt).toBeGreaterThanOrEqual(fewer.dueAt);
        expect(more.kind).toBe(fewer.kind);
      }),
    );
  });

  it('never throws and gives only finite numbers, whatever it is given (property)', () => {
    const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.constant(8.64e15));
    const anyInput = fc.record({
      priority: fc.constantFrom(...CASE_PRIORITIES),
      status: fc.constantFrom(...CASE_STATUSES),
      messages: fc.array(fc.record({ at: anyNumber, fromCustomer: fc.boolean() }), { maxLength: 6 }),
      now: anyNumber,
      hours: fc.option(fc.record({ P1: anyNumber, P2: anyNumber, P3: anyNumber }, { requiredKeys: [] }), { nil: undefined }),
      businessHours: fc.option(
        fc.record({ timeZone: fc.string(), days: fc.array(fc.integer()), start: fc.string(), end: fc.string() }),
      ),
    });
    fc.assert(
      fc.property(anyInput, (sla) => {
        const state = slaStateOf(sla);
        expect(['none', 'due', 'overdue']).toContain(state.state);
        for (const value of Object.values(state)) if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      }),
    );
  });
});

describe('urgency order', () => {
  const now = T0;
  const overdue = (ms: number): SlaState => ({ state: 'overdue', kind: 'first', dueAt: now - ms, overdueMs: ms });
  const dueIn = (ms: number): SlaState => ({ state: 'due', kind: 'next', dueAt: now + ms, remainingMs: ms });
  const none: SlaState = { state: 'none' };

  it('puts overdue first by how overdue, then soonest due, then no SLA by waiting time, then the rest', () => {
    const queue = [
      { id: 'no-sla, not waiting', key: urgencyKey(none, null) },
      { id: 'due in 3h', key: urgencyKey(dueIn(3 * HOUR_MS), null) },
      { id: 'no-sla, waiting 1h', key: urgencyKey(none, now - HOUR_MS) },
      { id: 'overdue 1h', key: urgencyKey(overdue(HOUR_MS), null) },
      { id: 'due now', key: urgencyKey(dueIn(0), null) },
      { id: 'no-sla, waiting 5h', key: urgencyKey(none, now - 5 * HOUR_MS) },
      { id: 'overdue 2d', key: urgencyKey(overdue(48 * HOUR_MS), null) },
      { id: 'due in 1h', key: urgencyKey(dueIn(HOUR_MS), now - 100 * HOUR_MS) },
    ];
    expect(queue.sort((a, b) => compareUrgency(a.key, b.key)).map((row) => row.id)).toEqual([
      'overdue 2d',
      'overdue 1h',
      'due now',
      'due in 1h',
      'due in 3h',
      'no-sla, waiting 5h',
      'no-sla, waiting 1h',
      'no-sla, not waiting',
    ]);
  });

  it('ranks an unknown waiting time with the rest', () => {
    expect(urgencyKey(none, Number.NaN)).toEqual(urgencyKey(none, null));
  });

  it('is a consistent order: antisymmetric and transitive (property)', () => {
    const state = fc.oneof(
      fc.nat().map((ms) => overdue(ms + 1)),
      fc.nat().map(dueIn),
      fc.constant(none),
    );
    const key = fc.tuple(state, fc.option(fc.integer({ min: 0, max: 2 * T0 }))).map(([s, w]) => urgencyKey(s, w));
    fc.assert(
      fc.property(key, key, key, (a, b, c) => {
        expect(Math.sign(compareUrgency(a, b)) + Math.sign(compareUrgency(b, a))).toBe(0);
        if (compareUrgency(a, b) <= 0 && compareUrgency(b, c) <= 0) expect(compareUrgency(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});
