import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceBidi } from '../../../utils/mail/bidi';

// Written as escapes: literal bidi controls in source are what "Trojan Source" warnings are about.
const [LRE, RLE, PDF, LRO, RLO] = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E'];
const [LRI, RLI, FSI, PDI] = ['\u2066', '\u2067', '\u2068', '\u2069'];

describe('balanceBidi', () => {
  it.each([
    ['plain text unchanged', 'Maria Lopes <maria@acme.example>', 'Maria Lopes <maria@acme.example>'],
    ['natural right-to-left text unchanged', 'שלום עליכם', 'שלום עליכם'],
    ['an open override closed at the end', `invoice${RLO}fdp.exe`, `invoice${RLO}fdp.exe${PDF}`],
    ['an open isolate closed at the end', `${RLI}name`, `${RLI}name${PDI}`],
    ['openers closed innermost first', `${LRI}a${RLO}b`, `${LRI}a${RLO}b${PDF}${PDI}`],
    ['balanced text unchanged', `a${RLE}b${PDF}c${FSI}d${PDI}`, `a${RLE}b${PDF}c${FSI}d${PDI}`],
    ['a PDI with no isolate dropped (it would close the panel’s <bdi>)', `${PDI}${RLO}gnp.exe`, `${RLO}gnp.exe${PDF}`],
    ['a PDF with no embedding dropped', `${PDF}${PDF}x`, 'x'],
    ['a PDF inside an isolate does not close the embedding outside it', `${LRO}a${LRI}b${PDF}c`, `${LRO}a${LRI}bc${PDI}${PDF}`],
    ['a PDI closes the embeddings opened inside its isolate', `${RLI}a${RLE}b${PDI}c`, `${RLI}a${RLE}b${PDI}c`],
    ['what is open closed before a line break', `Hi ${RLO}Eve\nthanks`, `Hi ${RLO}Eve${PDF}\nthanks`],
    ['all four embeddings', `${LRE}${RLE}${LRO}${RLO}`, `${LRE}${RLE}${LRO}${RLO}${PDF}${PDF}${PDF}${PDF}`],
  ])('%s', (_, text, balanced) => {
    expect(balanceBidi(text)).toBe(balanced);
  });

  const bidiText = fc.string({ unit: fc.constantFrom('a', ' ', '\n', 'א', LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI), maxLength: 40 });

  it('leaves every line with nothing open and no closer unmatched (property)', () => {
    fc.assert(
      fc.property(bidiText, (text) => {
        for (const line of balanceBidi(text).split('\n')) {
          const open: string[] = [];
          for (const char of line) {
            if ([LRE, RLE, LRO, RLO].includes(char)) open.push('embedding');
            if ([LRI, RLI, FSI].includes(char)) open.push('isolate');
            if (char === PDF) expect(open.pop()).toBe('embedding');
            if (char === PDI) {
              expect(open).toContain('isolate');
              open.length = open.lastIndexOf('isolate');
            }
          }
          expect(open).toEqual([]);
        }
      }),
    );
  });

  it('keeps every character that is not a bidi control, in order (property)', () => {
    const controls = /[\u202A-\u202E\u2066-\u2069]/g;
    fc.assert(
      fc.property(bidiText, (text) => {
        expect(balanceBidi(text).replace(controls, '')).toBe(text.replace(controls, ''));
      }),
    );
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(bidiText, (text) => {
        expect(balanceBidi(balanceBidi(text))).toBe(balanceBidi(text));
      }),
    );
  });
});
