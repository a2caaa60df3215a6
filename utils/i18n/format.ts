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

/**
 * The two largest units, compact enough for a line that counts down: "2 hr 10 min", "3 days 4 hr",
 * "5 min" (at least one minute; a zero second unit is left out). Whole minutes, rounded down.
 */
export function formatDuration(ms: number, locale: string): string {
  const total = Math.max(1, Math.floor(ms / MINUTE));
  const days = Math.floor(total / (DAY / MINUTE));
  const hours = Math.floor(total / (HOUR / MINUTE)) % 24;
  const minutes = total % (HOUR / MINUTE);
  const units: [value: number, unit: string][] =
    days > 0 ? [[days, 'day'], [hours, 'hour']] : hours > 0 ? [[hours, 'hour'], [minutes, 'minute']] : [[minutes, 'minute']];
  const parts = units
    .filter(([value], index) => index === 0 || value > 0)
    .map(([value, unit]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value));
  return new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }).format(parts);
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

/** "512 bytes", "1.5 kB", "2.3 MB": an approximate size, in kB of 1,000 bytes (SI, as Intl names them). */
export function formatSize(bytes: number, locale: string): string {
  const [value, unit] = bytes < 1000 ? [bytes, 'byte'] : bytes < 1_000_000 ? [bytes / 1000, 'kilobyte'] : [bytes / 1_000_000, 'megabyte'];
  const unitDisplay = unit === 'byte' ? 'long' : 'short';
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay, maximumFractionDigits: 1 }).format(value);
}
