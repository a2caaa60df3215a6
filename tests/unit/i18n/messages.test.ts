import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createTranslate } from '../../../utils/i18n/messages';

const LOCALES_DIR = join(process.cwd(), 'public/_locales');

/** Chrome's messages.json format (developer.chrome.com/docs/extensions/reference/api/i18n). */
const messagesSchema = z.record(
  z.string().regex(/^[A-Za-z0-9_@]+$/),
  z
    .object({
      message: z.string(),
      description: z.string().optional(),
      placeholders: z.record(z.string(), z.object({ content: z.string(), example: z.string().optional() })).optional(),
    })
    .strict(),
);
type Messages = z.infer<typeof messagesSchema>;

function load(locale: string): Messages {
  return messagesSchema.parse(JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')));
}

const locales = readdirSync(LOCALES_DIR).sort();
const english = load('en');
const englishKeys = Object.keys(english).sort();

/** Placeholder names are case-insensitive in Chrome: compare them lowercased. */
function usedPlaceholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase()))].sort();
}
function declaredPlaceholders(entry: Messages[string]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content] as const),
  );
}

describe('locales', () => {
  it('include English and Brazilian Portuguese', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'pt_BR']));
  });

  it.each(locales)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(load(locale)).sort()).toEqual(englishKeys);
  });

  it.each(locales)('%s has no empty message', (locale) => {
    const empty = Object.entries(load(locale)).filter(([, entry]) => entry.message.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it.each(locales)('%s declares every placeholder it uses, and uses every one it declares', (locale) => {
    for (const [key, entry] of Object.entries(load(locale))) {
      expect({ key, placeholders: Object.keys(declaredPlaceholders(entry)).sort() }).toEqual({
        key,
        placeholders: usedPlaceholders(entry.message),
      });
    }
  });

  it.each(locales.filter((l) => l !== 'en'))('%s declares the same placeholders as English', (locale) => {
    const translated = load(locale);
    for (const key of englishKeys) {
      const en = english[key];
      const other = translated[key];
      if (!en || !other) continue;
      expect({ key, placeholders: declaredPlaceholders(other) }).toEqual({ key, placeholders: declaredPlaceholders(en) });
    }
  });

  it.each(locales)('%s substitutes only $1–$9', (locale) => {
    for (const entry of Object.values(load(locale))) {
      for (const p of Object.values(entry.placeholders ?? {})) expect(p.content).toMatch(/^\$[1-9]$/);
    }
  });

  it('has the keys the manifest refers to', () => {
    const config = readFileSync(join(process.cwd(), 'wxt.config.ts'), 'utf8');
    const referenced = [...config.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThan(0);
    for (const key of referenced) expect(englishKeys).toContain(key);
  });
});

describe('createTranslate', () => {
  it('passes the substitutions to getMessage', () => {
    const getMessage = vi.fn((_key: string, subs?: string[]) => `Signed in as ${subs?.[0] ?? ''}`);
    expect(createTranslate(getMessage)('signedInAs', 'agent@acme.com')).toBe('Signed in as agent@acme.com');
    expect(getMessage).toHaveBeenCalledWith('signedInAs', ['agent@acme.com']);
  });

  it('shows the key rather than a blank when the message is missing', () => {
    expect(createTranslate(() => '')('signIn')).toBe('signIn');
  });
});
