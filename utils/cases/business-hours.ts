/**
 * Business hours for SLA clocks (F4, issue 4): an SLA of 8 hours on a 09:00–17:00 calendar is one
 * working day, however many nights, weekends and DST changes lie in between. Times are wall-clock
 * times in the calendar's IANA zone, so "09:00" stays 09:00 local on both sides of a DST change.
 */
import * as z from 'zod/mini';
import { DAY_MS, MINUTE_MS, isValidTime, zoneClock, type ZoneClock } from './zoned-time';

export interface BusinessHours {
  /** IANA name, e.g. `America/Sao_Paulo`. */
  timeZone: string;
  /** Working weekdays, 0 = Sunday … 6 = Saturday. */
  days: readonly number[];
  /** `HH:MM`, 24-hour, local time; `end` may be `24:00` (midnight at the end of the day). */
  start: string;
  end: string;
}

const startTimeSchema = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'not an HH:MM time'));
const endTimeSchema = z.string().check(z.regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'not an HH:MM time'));

/**
 * For the admin policy (F9) and for slaStateOf: one window per working day, start before end.
 * A shift across midnight (22:00–06:00) is not supported: it has no single day to belong to.
 */
export const businessHoursSchema = z
  .object({
    timeZone: z.string().check(z.refine((name) => zoneClock(name) !== null, 'not an IANA time zone')),
    days: z.array(z.number().check(z.int(), z.gte(0), z.lte(6))).check(z.minLength(1, 'no working day')),
    start: startTimeSchema,
    end: endTimeSchema,
  })
  .check(
    z.refine((hours) => minutesOf(hours.start) < minutesOf(hours.end), {
      error: 'the day must start before it ends',
      path: ['end'],
    }),
  ) satisfies z.ZodMiniType<BusinessHours>;

/** A validated calendar, ready to count with. */
export interface BusinessCalendar {
  zone: ZoneClock;
  days: ReadonlySet<number>;
  openMinute: number;
  closeMinute: number;
}

/** null when `hours` is not a valid calendar (see businessHoursSchema). */
export function businessCalendarOf(hours: unknown): BusinessCalendar | null {
  const parsed = businessHoursSchema.safeParse(hours);
  const zone = parsed.success ? zoneClock(parsed.data.timeZone) : null;
  if (!parsed.success || !zone) return null;
  return {
    zone,
    days: new Set(parsed.data.days),
    openMinute: minutesOf(parsed.data.start),
    closeMinute: minutesOf(parsed.data.end),
  };
}

/**
 * Business time is not counted further than this: a due time ten years away is no due time, and
 * the bound keeps a calendar with one minute a week from walking for ever.
 */
export const HORIZON_DAYS = 3660;

/**
 * The instant at which `durationMs` of working time has passed since `start`; with no calendar
 * the clock runs round the clock. Each working day is the half-open window [open, close): time
 * from a start outside it counts from the next opening, and a start on the closing minute counts
 * from the next working day. A due time that lands exactly on a closing time stays there.
 * null when the duration is negative or not finite, or the result lies beyond the horizon or
 * outside the range of a Date.
 */
export function addBusinessTime(start: number, durationMs: number, calendar: BusinessCalendar | null): number | null {
  if (!isValidTime(start) || !(durationMs >= 0) || !Number.isFinite(durationMs)) return null;
  if (!calendar) return isValidTime(start + durationMs) ? start + durationMs : null;
  // Every instant touched below lies within the horizon and a day's margin either side of it.
  if (!isValidTime(start - 2 * DAY_MS) || !isValidTime(start + (HORIZON_DAYS + 2) * DAY_MS)) return null;
  const { zone, days, openMinute, closeMinute } = calendar;
  const firstDay = zone.dayOf(start);
  let remaining = durationMs;
  for (let day = firstDay; day < firstDay + HORIZON_DAYS; day++) {
    if (!days.has(weekdayOf(day))) continue;
    // Either instant may fall in a DST jump or a skipped day; instantOf then gives a shorter window.
    const open = zone.instantOf(day * DAY_MS + openMinute * MINUTE_MS);
    const close = zone.instantOf(day * DAY_MS + closeMinute * MINUTE_MS);
    const from = Math.max(open, start);
    if (from >= close) continue;
    if (remaining <= close - from) return from + remaining;
    remaining -= close - from;
  }
  return null;
}

/** 1970-01-01, day 0, was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function minutesOf(clockTime: string): number {
  const [hours = '', minutes = ''] = clockTime.split(':');
  return Number(hours) * 60 + Number(minutes);
}
