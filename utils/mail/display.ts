/** Small formatters for the panel. */
import type { Person } from './types';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * "512 B", "12 KB", "1.4 MB": binary multiples as Gmail shows attachment sizes, one decimal
 * below 10 so small sizes keep their precision. The unit symbols are the same in every language
 * we ship; the number follows `locale` ("1,4 MB" in pt-BR).
 */
export function formatBytes(n: number, locale: string): string {
  const bytes = Number.isFinite(n) && n > 0 ? n : 0;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const fractionDigits = unit > 0 && value < 10 ? 1 : 0;
  return `${numberFormat(locale, fractionDigits).format(value)} ${UNITS[unit] ?? 'B'}`;
}

/** An invalid locale tag (it comes from the browser or policy) must not break the panel. */
function numberFormat(locale: string, fractionDigits: number): Intl.NumberFormat {
  const options = { maximumFractionDigits: fractionDigits };
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    return new Intl.NumberFormat('en', options);
  }
}

/**
 * The first name to greet someone by: "Jane" from "Jane Doe" and from "Doe, Jane" (directory
 * style); '' when there is no name or the name is only an address, so that a template can fall
 * back to a neutral greeting instead of "Hi jane.doe@x.com".
 */
export function firstName(person: Pick<Person, 'name'>): string {
  const name = person.name.trim();
  if (name === '' || name.includes('@')) return '';
  const comma = name.indexOf(',');
  const givenNames = comma === -1 ? name : name.slice(comma + 1).trim() || name.slice(0, comma);
  return givenNames.split(/\s+/)[0] ?? '';
}
