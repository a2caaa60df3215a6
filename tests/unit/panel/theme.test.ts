/**
 * F11: light and dark themes. Every colour of the panel is a variable set in `:root` and set again
 * for `prefers-color-scheme: dark`, so no component keeps a light colour on a dark page (or the
 * reverse). Contrast itself is measured by the axe scans (tests/e2e/accessibility.spec.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(process.cwd(), 'entrypoints/sidepanel/style.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|\b(?:white|black)\b(?!-)/gi;

/** The declarations of the first block that opens with `opening` (nested braces included). */
function block(opening: string): string {
  const start = css.indexOf(opening);
  if (start === -1) return '';
  let depth = 0;
  for (let i = css.indexOf('{', start); i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return css.slice(start, i + 1);
  }
  return '';
}

const variables = (text: string) => [...text.matchAll(/(--[\w-]+)\s*:/g)].map((match) => match[1]).sort();

const light = block(':root');
const dark = block('@media (prefers-color-scheme: dark)');

describe('the panel stylesheet', () => {
  it('has a light and a dark theme', () => {
    expect(variables(light).length).toBeGreaterThan(5);
    expect(dark).not.toBe('');
  });

  it('sets every colour variable again for the dark theme', () => {
    expect(variables(dark)).toEqual(variables(light));
  });

  it('writes colours only in the two themes; everything else uses their variables', () => {
    const rest = css.replace(light, '').replace(dark, '');
    expect(rest.match(COLOUR) ?? []).toEqual([]);
  });
});
