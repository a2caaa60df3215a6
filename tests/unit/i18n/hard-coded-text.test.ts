/**
 * F11: every word the panel shows comes from public/_locales, so it can be translated. The rule,
 * kept simple on purpose: in the panel's JSX (components/*.tsx, entrypoints/sidepanel/*.tsx),
 * compiled by esbuild to plain `h(tag, props, ...children)` calls, no string literal with a letter
 * may be
 *   - a child:                                  <p>Hello</p>, <p>{'Hello'}</p>
 *   - an attribute people read or hear:         aria-label="Close", title={'Close'}, placeholder, alt…
 * Text goes through t(key) instead. Punctuation and symbols between values (' · ', '—') are fine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const FOLDERS = ['components', 'entrypoints/sidepanel'];
const READ_ATTRIBUTES = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder', 'title', 'placeholder', 'alt'];
const FACTORY = '__h';

const LETTER = /\p{L}/u;
const STRING = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`$]*)`)$/s;
const QUOTED = String.raw`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\x60[^\x60$]*\x60`;
const READ_ATTRIBUTE = new RegExp(String.raw`(?:^|[{,])\s*"?(?:${READ_ATTRIBUTES.join('|')})"?\s*:\s*(${QUOTED})`, 'g');

/** The text of a string literal with a letter in it, or null for anything else. */
function literalText(code: string): string | null {
  const match = STRING.exec(code.trim());
  const text = match?.slice(1).find((group) => group !== undefined);
  return text !== undefined && LETTER.test(text) ? text.trim() : null;
}

/** The top-level arguments of the call whose '(' is at `open`: brackets and strings are skipped whole. */
function callArguments(code: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let from = open + 1;
  for (let i = from; i < code.length; i++) {
    const char = code[i]!;
    if (char === '"' || char === "'" || char === '`') {
      for (i++; i < code.length && code[i] !== char; i++) if (code[i] === '\\') i++;
    } else if ('([{'.includes(char)) depth++;
    else if (depth > 0 && ')]}'.includes(char)) depth--;
    else if (depth === 0 && (char === ',' || char === ')')) {
      args.push(code.slice(from, i));
      from = i + 1;
      if (char === ')') break;
    }
  }
  return args;
}

/** The literal texts with a letter in one file's JSX. */
export function hardCodedTexts(source: string): string[] {
  const { code } = transformSync(source, { loader: 'tsx', jsx: 'transform', jsxFactory: FACTORY, jsxFragment: 'Fragment', jsxSideEffects: true, charset: 'utf8' });
  const found: string[] = [];
  for (let at = code.indexOf(`${FACTORY}(`); at !== -1; at = code.indexOf(`${FACTORY}(`, at + 1)) {
    const [, props = '', ...children] = callArguments(code, at + FACTORY.length);
    for (const child of children) {
      const text = literalText(child);
      if (text !== null) found.push(text);
    }
    for (const [, value = ''] of props.matchAll(READ_ATTRIBUTE)) {
      const text = literalText(value);
      if (text !== null) found.push(text);
    }
  }
  return found;
}

const files = FOLDERS.flatMap((folder) =>
  readdirSync(join(process.cwd(), folder))
    .filter((name) => name.endsWith('.tsx'))
    .map((name) => join(folder, name)),
);

describe('the rule', () => {
  it.each([
    ['a text node', '<p>Hello</p>', ['Hello']],
    ['a string child', "<p>{'Hello'}</p>", ['Hello']],
    ['an aria-label', '<button aria-label="Close">×</button>', ['Close']],
    ['a title in braces', "<span title={'Close'} />", ['Close']],
    ['a template literal', '<span>{`Hi`}</span>', ['Hi']],
    ['text from t()', "<p title={t('x')}>{t('hello')}</p>", []],
    ['punctuation between values', "<p>{a}{' · '}{b} — {c}</p>", []],
    ['an arrow function and a generic', 'const r = useRef<HTMLElement>(null); const f = (x: number) => x > 1 && x < 3;', []],
    ['attributes nobody reads', '<div class="card" data-testid="history" role="status" />', []],
  ])('finds %s', (_, source, found) => {
    expect(hardCodedTexts(`export const x = () => ${source.startsWith('<') ? source : '0'};${source.startsWith('<') ? '' : source}`)).toEqual(found);
  });
});

describe('the panel', () => {
  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)('%s shows no hard-coded text', (file) => {
    expect(hardCodedTexts(readFileSync(join(process.cwd(), file), 'utf8'))).toEqual([]);
  });
});
