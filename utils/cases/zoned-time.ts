/**
 * Wall-clock time in an IANA time zone, with nothing but Intl (no date library in the bundle;
 * browsers ship the tz database with ICU). A "wall" value is a local date and time written as if
 * it were UTC epoch ms, so calendar arithmetic on it is plain arithmetic: `day * DAY_MS + minutes`.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
/** The largest distance from 1970 a JavaScript Date can hold (ECMA-262 §21.4.1.22). */
const MAX_TIME_MS = 8.64e15;

export interface ZoneClock {
  /** Wall minus instant, in ms: +3 600 000 when the zone is one hour ahead of UTC. */
  offsetAt(instant: number): number;
  /** The local calendar day of an instant, counted in days since 1970-01-01. */
  dayOf(instant: number): number;
  /**
   * The earliest instant at which the zone's clock reads `wall` or later. A wall time skipped by a
   * forward jump maps to the jump itself (the first moment the clock reads past it); a wall time
   * that occurs twice, when clocks go back, maps to its first occurrence.
   */
  instantOf(wall: number): number;
}

export function isValidTime(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_TIME_MS;
}

/** The zone's clock; null when Intl does not know the zone. */
export function zoneClock(timeZone: string): ZoneClock | null {
  const formatter = formatterFor(timeZone);
  if (!formatter) return null;
  const offsetAt = (instant: number): number => {
    // Intl shows whole seconds; every offset in the tz database is a whole number of seconds.
    const second = Math.floor(instant / 1000) * 1000;
    return wallOf(formatter.formatToParts(second)) - second;
  };
  const isWallOf = (instant: number, wall: number): boolean => instant + offsetAt(instant) === wall;
  return {
    offsetAt,
    dayOf: (instant) => Math.floor((instant + offsetAt(instant)) / DAY_MS),
    instantOf(wall) {
      // Assumes a zone changes its offset at most once in two days, so the offsets a day either
      // side of `wall` are the only ones that can apply to it.
      const byEarlierOffset = wall - offsetAt(wall - DAY_MS);
      const byLaterOffset = wall - offsetAt(wall + DAY_MS);
      if (byEarlierOffset === byLaterOffset) return byEarlierOffset; // no change near: most days
      const exact = [byEarlierOffset, byLaterOffset].filter((instant) => isWallOf(instant, wall));
      if (exact.length > 0) return Math.min(...exact);
      return firstInstantReading(wall, byLaterOffset, byEarlierOffset, offsetAt);
    },
  };
}

/**
 * `wall` fell into a forward jump: the clock reads earlier than it at `low` and later at `high`.
 * Binary search for the instant of the jump.
 */
function firstInstantReading(wall: number, low: number, high: number, offsetAt: (instant: number) => number): number {
  if (!(low < high)) return high;
  let below = low;
  let reached = high;
  while (reached - below > 1) {
    const middle = Math.floor((below + reached) / 2);
    if (middle + offsetAt(middle) >= wall) reached = middle;
    else below = middle;
  }
  return reached;
}

/** Building a formatter costs far more than using one; only zones Intl knows are kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  try {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
    return formatter;
  } catch {
    return null; // RangeError: not a time zone Intl knows
  }
}

function wallOf(parts: readonly Intl.DateTimeFormatPart[]): number {
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value);
  const era = parts.find((part) => part.type === 'era')?.value ?? '';
  const year = era.startsWith('B') ? 1 - field('year') : field('year');
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(year, field('month') - 1, field('day'));
  date.setUTCHours(field('hour'), field('minute'), field('second'), 0);
  return date.getTime();
}
