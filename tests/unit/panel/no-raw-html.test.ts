/**
 * Issue 7: mail is untrusted, and the extension shows it as text only — Preact escapes every text
 * node and attribute. The one way around that would be code that parses a string as HTML or
 * runs one as script, so no product file may contain any. Comments are stripped first (esbuild),
 * so a comment may name what it avoids. Should a feature ever need mail HTML, it is sanitised
 * with DOMPurify and this list says where.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const FOLDERS = ['components', 'entrypoints', 'utils'];

const RAW_HTML: [name: string, pattern: RegExp][] = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML / outerHTML', /\b(?:inner|outer)HTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(?:ln)?\b/],
  ['srcdoc', /\bsrcdoc\b/i],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['a javascript: URL', /javascript:/i],
  ['eval / new Function', /\beval\s*\(|\bnew\s+Function\s*\(/],
];

/** The rules one file's code breaks, comments aside. */
export function rawHtmlIn(source: string, loader: 'ts' | 'tsx'): string[] {
  const { code } = transformSync(source, { loader, jsx: 'transform', jsxFactory: 'h', legalComments: 'none' });
  return RAW_HTML.filter(([, pattern]) => pattern.test(code)).map(([name]) => name);
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(process.cwd(), folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => join(folder, name));
}

const files = FOLDERS.flatMap(sourceFiles);

describe('the rule', () => {
  it.each([
    ['dangerouslySetInnerHTML', '<p dangerouslySetInnerHTML={{ __html: name }} />', ['dangerouslySetInnerHTML']],
    ['an innerHTML assignment', 'const f = (el: HTMLElement, s: string) => { el.innerHTML = s; };', ['innerHTML / outerHTML']],
    ['insertAdjacentHTML', "const f = (el: HTMLElement, s: string) => el.insertAdjacentHTML('beforeend', s);", ['insertAdjacentHTML']],
    ['an iframe srcdoc', '<iframe srcDoc={body} />', ['srcdoc']],
    ['a javascript: link', '<a href={`javascript:${code}`}>x</a>', ['a javascript: URL']],
    ['DOMParser', "const d = new DOMParser().parseFromString(s, 'text/html');", ['DOMParser']],
    ['text children, as every component writes them', '<p class="name">{name} <bdi>{subject}</bdi></p>', []],
    ['a comment naming what it avoids', '// never innerHTML or dangerouslySetInnerHTML here\nconst y = 1;', []],
  ])('finds %s', (_, source, found) => {
    expect(rawHtmlIn(`export const x = () => ${source.startsWith('<') ? source : '0'};${source.startsWith('<') ? '' : source}`, 'tsx')).toEqual(found);
  });
});

describe('the extension’s code', () => {
  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files)('%s parses no string as HTML or script', (file) => {
    expect(rawHtmlIn(readFileSync(join(process.cwd(), file), 'utf8'), file.endsWith('.tsx') ? 'tsx' : 'ts')).toEqual([]);
  });
});
