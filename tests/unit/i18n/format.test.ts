import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../utils/i18n/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatDuration', () => {
  it.each([
    ['less than a minute counts as one', 20_000, 'en', '1 min'],
    ['nothing at all counts as one minute', 0, 'en', '1 min'],
    ['minutes only', 42 * MINUTE + 59_000, 'en', '42 min'],
    ['whole hours leave the minutes out', 2 * HOUR, 'en', '2 hr'],
    ['hours and minutes', 2 * HOUR + 10 * MINUTE, 'en', '2 hr 10 min'],
    ['days and hours, the minutes dropped', 3 * DAY + 4 * HOUR + 59 * MINUTE, 'en', '3 days 4 hr'],
    ['a single day', DAY + 30 * MINUTE, 'en', '1 day'],
    ['Brazilian Portuguese hours', 2 * HOUR + 10 * MINUTE, 'pt-BR', '2 h 10 min'],
    ['Brazilian Portuguese days', 3 * DAY + 4 * HOUR, 'pt-BR', '3 dias 4 h'],
  ])('%s', (_, ms, locale, text) => {
    expect(formatDuration(ms, locale)).toBe(text);
  });
});
