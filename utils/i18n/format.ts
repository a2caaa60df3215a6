/** Dates, durations and sizes in the browser's language (F11), with Intl only. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "14:05" today, "Mon, Nov 23, 14:05" on another day. */
export function formatWhen(epochMs: number, now: number, locale: string): string {
  const date = new Date(epochMs);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** The largest whole unit: "3 days", "5 hr", "12 min" (at least one minute). */
export function formatDuration(ms: number, locale: string): string {
  const [value, unit] =
    ms >= DAY ? [Math.floor(ms / DAY), 'day'] : ms >= HOUR ? [Math.floor(ms / HOUR), 'hour'] : [Math.max(1, Math.floor(ms / MINUTE)), 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

/** "Nov 23, 2025": the day only, for contacts and history rows. */
export function formatDay(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(epochMs));
}

export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** Whether `n` takes the language's singular form (chrome.i18n has no plurals of its own). */
export function isSingular(n: number, locale: string): boolean {
  return new Intl.PluralRules(locale).select(n) === 'one';
}
