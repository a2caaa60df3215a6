import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HORIZON_DAYS,
  addBusinessTime,
  businessCalendarOf,
  businessHoursSchema,
  type BusinessCalendar,
  type BusinessHours,
} from '../../../utils/cases/business-hours';
import { DAY_MS, MINUTE_MS, zoneClock } from '../../../utils/cases/zoned-time';

const HOUR_MS = 3_600_000;
const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const at = Date.parse;

const calendarOf = (hours: BusinessHours): BusinessCalendar => {
  const calendar = businessCalendarOf(hours);
  if (!calendar) throw new Error('invalid test calendar');
  return calendar;
};
const newYork = calendarOf({ timeZone: 'America/New_York', days: WEEKDAYS, start: '09:00', end: '17:00' });
const add = (calendar: BusinessCalendar | null, start: string, hours: number): string | null => {
  const due = addBusinessTime(at(start), hours * HOUR_MS, calendar);
  return due === null ? null : new Date(due).toISOString();
};
const iso = (instant: string): string => new Date(at(instant)).toISOString();

describe('businessHoursSchema', () => {
  const valid: BusinessHours = { timeZone: 'Europe/Lisbon', days: WEEKDAYS, start: '09:00', end: '17:00' };

  it.each([
    ['office hours', valid],
    ['a day ending at midnight', { ...valid, start: '00:00', end: '24:00' }],
    ['a single working day', { ...valid, days: [6] }],
    ['a zone in lower case', { ...valid, timeZone: 'europe/lisbon' }],
  ])('accepts %s', (_, hours) => {
    expect(businessHoursSchema.safeParse(hours).success).toBe(true);
  });

  it.each([
    ['an unknown zone', { ...valid, timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['an empty zone', { ...valid, timeZone: '' }, 'timeZone'],
    ['no working day', { ...valid, days: [] }, 'days'],
    ['weekday 7', { ...valid, days: [1, 7] }, 'days'],
    ['a fractional weekday', { ...valid, days: [1.5] }, 'days'],
    ['a start without a leading zero', { ...valid, start: '9:00' }, 'start'],
    ['minute 60', { ...valid, end: '16:60' }, 'end'],
    ['a start at 24:00', { ...valid, start: '24:00', end: '24:00' }, 'start'],
    ['an end before the start', { ...valid, start: '17:00', end: '09:00' }, 'end'],
    ['an empty day', { ...valid, start: '09:00', end: '09:00' }, 'end'],
  ])('refuses %s', (_, hours, field) => {
    const result = businessHoursSchema.safeParse(hours);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });

  it('gives no calendar for anything invalid', () => {
    expect(businessCalendarOf({ ...valid, days: [] })).toBeNull();
    expect(businessCalendarOf('09:00-17:00')).toBeNull();
    expect(businessCalendarOf(null)).toBeNull();
  });
});

describe('addBusinessTime round the clock', () => {
  it.each([
    [0, 4 * HOUR_MS, 4 * HOUR_MS],
    [1_700_000_000_000, 0, 1_700_000_000_000],
    [1_700_000_000_000, 0.5 * HOUR_MS, 1_700_001_800_000],
  ])('adds plain time to %d without a calendar', (start, duration, due) => {
    expect(addBusinessTime(start, duration, null)).toBe(due);
  });

  it.each([
    ['a negative duration', 0, -1],
    ['a duration that is not a number', 0, Number.NaN],
    ['an infinite duration', 0, Number.POSITIVE_INFINITY],
    ['a start that is not a number', Number.NaN, 0],
    ['a result beyond the range of a Date', 8.6e15, 1e14],
  ])('has no result for %s', (_, start, duration) => {
    expect(addBusinessTime(start, duration, null)).toBeNull();
    expect(addBusinessTime(start, duration, newYork)).toBeNull();
  });
});

describe('addBusinessTime on weekdays 09:00–17:00 (New York, winter)', () => {
  it.each([
    ['inside the day', '2024-01-08T10:00:00-05:00', 4, '2024-01-08T14:00:00-05:00'],
    ['across the close', '2024-01-08T15:00:00-05:00', 4, '2024-01-09T11:00:00-05:00'],
    ['before the opening: from the opening', '2024-01-08T07:00:00-05:00', 1, '2024-01-08T10:00:00-05:00'],
    ['after the close: from the next opening', '2024-01-08T18:00:00-05:00', 1, '2024-01-09T10:00:00-05:00'],
    ['on the weekend: from Monday', '2024-01-06T12:00:00-05:00', 1, '2024-01-08T10:00:00-05:00'],
    ['on Friday afternoon: over the weekend', '2024-01-05T16:00:00-05:00', 4, '2024-01-08T12:00:00-05:00'],
    ['on the closing minute: from the next opening', '2024-01-08T17:00:00-05:00', 1, '2024-01-09T10:00:00-05:00'],
    ['a minute before the close', '2024-01-08T16:59:00-05:00', 1, '2024-01-09T09:59:00-05:00'],
    ['on the opening minute', '2024-01-08T09:00:00-05:00', 1, '2024-01-08T10:00:00-05:00'],
    ['a whole day from the opening: due at the close, not the next morning', '2024-01-08T09:00:00-05:00', 8, '2024-01-08T17:00:00-05:00'],
    ['three days', '2024-01-08T09:00:00-05:00', 24, '2024-01-10T17:00:00-05:00'],
    ['nothing, inside the day', '2024-01-08T11:11:00-05:00', 0, '2024-01-08T11:11:00-05:00'],
    ['nothing, on the closing minute: the next opening', '2024-01-08T17:00:00-05:00', 0, '2024-01-09T09:00:00-05:00'],
    ['nothing, on Saturday: the next opening', '2024-01-06T12:00:00-05:00', 0, '2024-01-08T09:00:00-05:00'],
    ['a second short of a day', '2024-01-08T09:00:00-05:00', 8 - 1 / 3600, '2024-01-08T16:59:59-05:00'],
  ])('counts %s', (_, start, hours, due) => {
    expect(add(newYork, start, hours)).toBe(iso(due));
  });
});

describe('addBusinessTime across DST changes', () => {
  const lisbon = calendarOf({ timeZone: 'Europe/Lisbon', days: WEEKDAYS, start: '09:00', end: '17:00' });
  const lisbonNights = calendarOf({ timeZone: 'Europe/Lisbon', days: EVERY_DAY, start: '00:00', end: '04:00' });
  const saoPaulo = calendarOf({ timeZone: 'America/Sao_Paulo', days: WEEKDAYS, start: '09:00', end: '17:00' });
  const saoPauloMornings = calendarOf({ timeZone: 'America/Sao_Paulo', days: EVERY_DAY, start: '00:00', end: '12:00' });
  const saoPauloEvenings = calendarOf({ timeZone: 'America/Sao_Paulo', days: EVERY_DAY, start: '18:00', end: '24:00' });
  const newYorkAllDay = calendarOf({ timeZone: 'America/New_York', days: EVERY_DAY, start: '00:00', end: '24:00' });
  const apia = calendarOf({ timeZone: 'Pacific/Apia', days: EVERY_DAY, start: '09:00', end: '17:00' });

  it.each([
    // Office hours stay 09:00–17:00 local on both sides of the change, so the UTC hour moves.
    ['New York, spring, over the weekend', newYork, '2024-03-08T16:00:00-05:00', 4, '2024-03-11T12:00:00-04:00'],
    ['New York, autumn, over the weekend', newYork, '2024-11-01T16:00:00-04:00', 4, '2024-11-04T12:00:00-05:00'],
    ['New York, a round-the-clock calendar counts real hours', newYorkAllDay, '2024-03-09T12:00:00-05:00', 24, '2024-03-10T13:00:00-04:00'],
    ['New York, a round-the-clock calendar in autumn', newYorkAllDay, '2024-11-02T12:00:00-04:00', 24, '2024-11-03T11:00:00-05:00'],
    ['Lisbon, spring, over the weekend', lisbon, '2024-03-29T16:00:00+00:00', 4, '2024-04-01T12:00:00+01:00'],
    ['Lisbon, autumn, over the weekend', lisbon, '2024-10-25T16:00:00+01:00', 4, '2024-10-28T12:00:00+00:00'],
    // 00:00–04:00 holds the change itself: three real hours in spring, five in autumn.
    ['Lisbon, a night window losing an hour', lisbonNights, '2024-03-31T00:00:00+00:00', 4, '2024-04-01T01:00:00+01:00'],
    ['Lisbon, the shortened night window, exactly', lisbonNights, '2024-03-31T00:00:00+00:00', 3, '2024-03-31T04:00:00+01:00'],
    ['Lisbon, a night window gaining an hour', lisbonNights, '2024-10-27T00:00:00+01:00', 5, '2024-10-27T04:00:00+00:00'],
    ['Lisbon, inside the repeated hour', lisbonNights, '2024-10-27T01:30:00+00:00', 3, '2024-10-28T00:30:00+00:00'],
    ['São Paulo, summer time starting on Sunday', saoPaulo, '2018-11-02T16:00:00-03:00', 2, '2018-11-05T10:00:00-02:00'],
    ['São Paulo, summer time ending on Sunday', saoPaulo, '2019-02-15T16:00:00-02:00', 2, '2019-02-18T10:00:00-03:00'],
    // Clocks went from 00:00 to 01:00 on 2018-11-04: that morning opens at the jump, 11 hours long.
    ['São Paulo, a day whose midnight was skipped', saoPauloMornings, '2018-11-03T23:30:00-03:00', 12, '2018-11-05T01:00:00-02:00'],
    ['São Paulo, the skipped-midnight day, exactly', saoPauloMornings, '2018-11-04T03:00:00Z', 11, '2018-11-04T12:00:00-02:00'],
    // Clocks went from 00:00 back to 23:00 on 2019-02-16: that evening is 7 hours long.
    ['São Paulo, an evening with a repeated hour', saoPauloEvenings, '2019-02-16T18:00:00-02:00', 7, '2019-02-17T00:00:00-03:00'],
    ['São Paulo, into the repeated hour', saoPauloEvenings, '2019-02-16T18:00:00-02:00', 6.5, '2019-02-16T23:30:00-03:00'],
    ['São Paulo, after the lengthened evening', saoPauloEvenings, '2019-02-16T18:00:00-02:00', 8, '2019-02-17T19:00:00-03:00'],
    // Samoa skipped 2011-12-30 altogether: from Thursday to Saturday.
    ['Apia, over a day that never was', apia, '2011-12-29T16:00:00-10:00', 2, '2011-12-31T10:00:00+14:00'],
  ])('%s', (_, calendar, start, hours, due) => {
    expect(add(calendar, start, hours)).toBe(iso(due));
  });
});

describe('addBusinessTime properties', () => {
  const zones = ['America/New_York', 'Europe/Lisbon', 'America/Sao_Paulo', 'Pacific/Apia', 'Australia/Lord_Howe', 'Asia/Kolkata'];
  const clockMinute = (minutes: number): string =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const clockTime = fc.integer({ min: 0, max: 24 * 60 }).map(clockMinute);
  /** Any calendar with at least an hour a week, so results stay well within the horizon. */
  const calendar = fc
    .record({
      timeZone: fc.constantFrom(...zones),
      days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1 }),
      open: fc.integer({ min: 0, max: 23 * 60 }),
      length: fc.integer({ min: 60, max: 24 * 60 }),
    })
    .map(({ timeZone, days, open, length }) =>
      calendarOf({ timeZone, days, start: clockMinute(open), end: clockMinute(Math.min(open + length, 24 * 60)) }),
    );
  const start = fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2030, 0, 1) });
  const duration = fc.integer({ min: 0, max: 200 * HOUR_MS });

  /** Within these bounds every result lies inside the horizon. */
  const dueOf = (cal: BusinessCalendar, from: number, ms: number): number => {
    const due = addBusinessTime(from, ms, cal);
    if (due === null) throw new Error('no due time within the horizon');
    return due;
  };

  it('never gives a due time before the start (property)', () => {
    fc.assert(
      fc.property(calendar, start, duration, (cal, from, ms) => {
        expect(dueOf(cal, from, ms)).toBeGreaterThanOrEqual(from);
      }),
    );
  });

  it('gives a later or equal due time for more hours and for a later start (property)', () => {
    fc.assert(
      fc.property(calendar, start, start, duration, duration, (cal, s1, s2, d1, d2) => {
        const [early, late] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(dueOf(cal, early, short)).toBeLessThanOrEqual(dueOf(cal, early, long));
        expect(dueOf(cal, early, short)).toBeLessThanOrEqual(dueOf(cal, late, short));
      }),
    );
  });

  it('counts in two steps what it counts in one (property)', () => {
    fc.assert(
      fc.property(calendar, start, duration, duration.filter((ms) => ms > 0), (cal, from, first, second) => {
        expect(dueOf(cal, dueOf(cal, from, first), second)).toBe(dueOf(cal, from, first + second));
      }),
    );
  });

  it('lands inside a working day, between its opening and its close (property)', () => {
    const office = fc.constantFrom('America/New_York', 'Europe/Lisbon', 'America/Sao_Paulo').map((timeZone) => ({
      timeZone,
      days: WEEKDAYS,
      start: '09:00',
      end: '17:00',
    }));
    fc.assert(
      fc.property(office, start, duration, (hours, from, ms) => {
        const due = addBusinessTime(from, ms, calendarOf(hours)) ?? Number.NaN;
        const zone = zoneClock(hours.timeZone);
        const wall = due + (zone?.offsetAt(due) ?? 0);
        const minute = (((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS;
        expect(new Date(wall).getUTCDay()).toBeGreaterThanOrEqual(1);
        expect(new Date(wall).getUTCDay()).toBeLessThanOrEqual(5);
        expect(minute).toBeGreaterThanOrEqual(9 * 60);
        expect(minute).toBeLessThanOrEqual(17 * 60);
      }),
    );
  });

  it('is plain time on a calendar open all day every day, in any zone (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), start, duration, (timeZone, from, ms) => {
        const allDay = calendarOf({ timeZone, days: EVERY_DAY, start: '00:00', end: '24:00' });
        expect(addBusinessTime(from, ms, allDay)).toBe(from + ms);
      }),
    );
  });

  it('stops at the horizon instead of walking for ever', () => {
    const oneMinuteOnSundays = calendarOf({ timeZone: 'UTC', days: [0], start: '12:00', end: '12:01' });
    const started = performance.now();
    expect(addBusinessTime(Date.UTC(2024, 0, 1), 8760 * HOUR_MS, oneMinuteOnSundays)).toBeNull();
    expect(addBusinessTime(Date.UTC(2024, 0, 1), (HORIZON_DAYS / 7 - 2) * MINUTE_MS, oneMinuteOnSundays)).not.toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('never throws, whatever it is given (property)', () => {
    const anyHours = fc.record({
      timeZone: fc.oneof(fc.constantFrom(...zones), fc.string()),
      days: fc.array(fc.oneof(fc.integer({ min: -1, max: 8 }), fc.double())),
      start: fc.oneof(clockTime, fc.string()),
      end: fc.oneof(clockTime, fc.string()),
    });
    fc.assert(
      fc.property(fc.oneof(anyHours, fc.anything()), fc.double(), fc.double(), (hours, from, ms) => {
        const due = addBusinessTime(from, ms, businessCalendarOf(hours));
        if (due !== null) expect(due).toBeGreaterThanOrEqual(from);
      }),
    );
  });
});
