import { describe, expect, it } from 'vitest';
import { formatSize } from '../../../utils/i18n/format';

describe('formatSize', () => {
  it.each([
    ['nothing', 0, 'en', '0 bytes'],
    ['one byte', 1, 'en', '1 byte'],
    ['bytes, spelt out', 999, 'en', '999 bytes'],
    ['kilobytes of 1,000 bytes, one decimal', 1_536, 'en', '1.5 kB'],
    ['megabytes', 2_340_000, 'en', '2.3 MB'],
    ['Brazilian Portuguese decimals', 1_536, 'pt-BR', '1,5 kB'],
    ['Brazilian Portuguese bytes', 512, 'pt-BR', '512 bytes'],
  ])('%s', (_, bytes, locale, text) => {
    expect(formatSize(bytes, locale)).toBe(text);
  });
});
