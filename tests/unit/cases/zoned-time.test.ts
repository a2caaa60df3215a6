import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS, isValidTime, zoneClock, type ZoneClock } from '../../../utils/cases/zoned-time';

const HOUR_MS = 3_600_000;
const clockOf = (timeZone: string): ZoneClock => {
  const clock = zoneClock(timeZone);
  if (!clock) throw new Error(`unknown zone ${timeZone}`);
  return clock;
};
/** A local date and time written as if it were UTC, the way the module counts wall time. */
const wall = (local: string): number => Date.parse(`${local}Z`);
const at = Date.parse;

describe('zoneClock', () => {
  it.each(['', 'Mars/Olympus', 'America/Nowhere', '+01:00', 'EST5EDT4'])('knows no zone called %j', (name) => {
    expect(zoneClock(name)).toBeNull();
  });

  it.each(['UTC', 'America/Sao_Paulo', 'america/sao_paulo', 'Etc/GMT+3'])('knows %s', (name) => {
    expect(zoneClock(name)).not.toBeNull();
  });
});

describe('offsetAt', () => {
  it.each([
    ['America/New_York', '2024-01-15T12:00:00Z', -5 * HOUR_MS],
    ['America/New_York', '2024-07-15T12:00:00Z', -4 * HOUR_MS],
    ['Europe/Lisbon', '2024-01-15T12:00:00Z', 0],
    ['Europe/Lisbon', '2024-07-15T12:00:00Z', HOUR_MS],
    ['America/Sao_Paulo', '2018-12-15T12:00:00Z', -2 * HOUR_MS], // summer time, abolished in 2019
    ['America/Sao_Paulo', '2024-12-15T12:00:00Z', -3 * HOUR_MS],
    ['America/Sao_Paulo', '1900-01-01T12:00:00Z', -(3 * HOUR_MS + 6 * MINUTE_MS + 28_000)], // local mean time
    ['Asia/Kolkata', '2024-03-01T00:00:00Z', 5.5 * HOUR_MS],
    ['Australia/Lord_Howe', '2024-07-01T00:00:00Z', 10.5 * HOUR_MS],
    ['Pacific/Apia', '2011-12-29T12:00:00Z', -10 * HOUR_MS],
    ['Pacific/Apia', '2011-12-31T12:00:00Z', 14 * HOUR_MS],
  ])('%s at %s', (zone, instant, offset) => {
    expect(clockOf(zone).offsetAt(at(instant))).toBe(offset);
  });

  it('changes at the very second of a transition (New York, 2024-03-10 07:00Z)', () => {
    const clock = clockOf('America/New_York');
    expect(clock.offsetAt(at('2024-03-10T06:59:59.999Z'))).toBe(-5 * HOUR_MS);
    expect(clock.offsetAt(at('2024-03-10T07:00:00Z'))).toBe(-4 * HOUR_MS);
  });

  it('reads years before the common era', () => {
    expect(clockOf('UTC').offsetAt(Date.UTC(-500, 0, 1))).toBe(0);
  });
});

describe('dayOf', () => {
  it.each([
    ['UTC', '1970-01-01T00:00:00Z', 0],
    ['UTC', '1969-12-31T23:59:59Z', -1],
    ['America/New_York', '2024-03-11T03:00:00Z', Date.UTC(2024, 2, 10) / DAY_MS], // 23:00 on the 10th
    ['Asia/Tokyo', '2024-03-10T15:00:00Z', Date.UTC(2024, 2, 11) / DAY_MS], // midnight on the 11th
    ['America/Sao_Paulo', '2019-02-17T02:30:00Z', Date.UTC(2019, 1, 16) / DAY_MS], // the repeated 23:30
  ])('in %s, %s is local day %i', (zone, instant, day) => {
    expect(clockOf(zone).dayOf(at(instant))).toBe(day);
  });
});

describe('instantOf', () => {
  it.each([
    ['an ordinary time', 'America/New_York', '2024-03-08T09:00:00', '2024-03-08T14:00:00Z'],
    ['a time skipped in spring: the jump', 'America/New_York', '2024-03-10T02:30:00', '2024-03-10T07:00:00Z'],
    ['a time repeated in autumn: the first one', 'America/New_York', '2024-11-03T01:30:00', '2024-11-03T05:30:00Z'],
    ['the first time after the autumn repeat', 'America/New_York', '2024-11-03T02:00:00', '2024-11-03T07:00:00Z'],
    ['a time skipped in spring: the jump', 'Europe/Lisbon', '2024-03-31T01:30:00', '2024-03-31T01:00:00Z'],
    ['a time repeated in autumn: the first one', 'Europe/Lisbon', '2024-10-27T01:15:00', '2024-10-27T00:15:00Z'],
    ['a skipped midnight: the jump', 'America/Sao_Paulo', '2018-11-04T00:00:00', '2018-11-04T03:00:00Z'],
    ['the repeated hour before midnight: the first one', 'America/Sao_Paulo', '2019-02-16T23:30:00', '2019-02-17T01:30:00Z'],
    ['the midnight after the repeated hour', 'America/Sao_Paulo', '2019-02-17T00:00:00', '2019-02-17T03:00:00Z'],
    ['a time in a skipped day: the jump', 'Pacific/Apia', '2011-12-30T12:00:00', '2011-12-30T10:00:00Z'],
    ['a half-hour skip', 'Australia/Lord_Howe', '2024-10-06T02:15:00', '2024-10-05T15:30:00Z'],
  ])('maps %s (%s %s)', (_, zone, local, instant) => {
    expect(clockOf(zone).instantOf(wall(local))).toBe(at(instant));
  });

  const zones = ['UTC', 'Asia/Kolkata', 'America/Santiago', 'Pacific/Chatham', 'Asia/Tehran'];
  /** Where bugs hide: the minutes around real transitions, in their own zones. */
  const transitions: [string, string][] = [
    ['America/New_York', '2024-03-10T07:00:00Z'],
    ['America/New_York', '2024-11-03T06:00:00Z'],
    ['Europe/Lisbon', '2024-03-31T01:00:00Z'],
    ['Europe/Lisbon', '2024-10-27T01:00:00Z'],
    ['America/Sao_Paulo', '2018-11-04T03:00:00Z'],
    ['America/Sao_Paulo', '2019-02-17T02:00:00Z'],
    ['Pacific/Apia', '2011-12-30T10:00:00Z'],
    ['Australia/Lord_Howe', '2024-04-06T15:00:00Z'],
    ['Australia/Lord_Howe', '2024-10-05T15:30:00Z'],
  ];
  const anyMinute = fc.integer({ min: Date.UTC(1950, 0, 1) / MINUTE_MS, max: Date.UTC(2060, 0, 1) / MINUTE_MS });
  const zoneAndMinute = fc.oneof(
    fc.tuple(fc.constantFrom(...zones, ...transitions.map(([zone]) => zone)), anyMinute),
    fc
      .tuple(fc.constantFrom(...transitions), fc.integer({ min: -24 * 60, max: 24 * 60 }))
      .map(([[zone, instant], delta]): [string, number] => [zone, at(instant) / MINUTE_MS + delta]),
  );

  it('gives the earliest instant whose wall time is at or past the one asked (property)', () => {
    fc.assert(
      fc.property(zoneAndMinute, ([zone, minute]) => {
        const clock = clockOf(zone);
        const target = minute * MINUTE_MS;
        const instant = clock.instantOf(target);
        expect(instant + clock.offsetAt(instant)).toBeGreaterThanOrEqual(target);
        expect(instant - 1 + clock.offsetAt(instant - 1)).toBeLessThan(target);
      }),
      { numRuns: 500 },
    );
  });

  it('finds every instant back from its wall time, or an earlier one reading the same (property)', () => {
    fc.assert(
      fc.property(zoneAndMinute, ([zone, minute]) => {
        const clock = clockOf(zone);
        const instant = minute * MINUTE_MS;
        const found = clock.instantOf(instant + clock.offsetAt(instant));
        expect(found).toBeLessThanOrEqual(instant);
        expect(found + clock.offsetAt(found)).toBe(instant + clock.offsetAt(instant));
      }),
      { numRuns: 500 },
    );
  });
});

describe('isValidTime', () => {
  it.each([
    [0, true],
    [8.64e15, true],
    [-8.64e15, true],
    [8.64e15 + 1, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('%d is valid: %s', (ms, valid) => {
    expect(isValidTime(ms)).toBe(valid);
  });
});
