import { describe, expect, it } from 'vitest';
import { firstName, formatBytes } from '../../../utils/mail/display';

describe('formatBytes', () => {
  it.each([
    [0, 'en', '0 B'],
    [512, 'en', '512 B'],
    [1024, 'en', '1 KB'],
    [12 * 1024 + 300, 'en', '12 KB'],
    [1468006, 'en', '1.4 MB'],
    [1468006, 'pt-BR', '1,4 MB'],
    [25 * 1024 ** 3, 'en', '25 GB'],
    [3 * 1024 ** 5, 'en', '3,072 TB'],
    [-5, 'en', '0 B'],
    [Number.NaN, 'en', '0 B'],
    [2048, 'not a locale!', '2 KB'],
  ])('formatBytes(%d, %j) is %j', (n, locale, expected) => {
    expect(formatBytes(n, locale)).toBe(expected);
  });
});

describe('firstName', () => {
  it.each([
    ['Jane Doe', 'Jane'],
    ['Doe, Jane', 'Jane'],
    ['Doe, Jane Mary', 'Jane'],
    ['  José   Silva ', 'José'],
    ['Madonna', 'Madonna'],
    ['Doe,', 'Doe'],
    ['jane@x.com', ''],
    ['', ''],
  ])('firstName(%j) is %j', (name, expected) => {
    expect(firstName({ name })).toBe(expected);
  });
});
