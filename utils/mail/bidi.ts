/**
 * Explicit bidi formatting characters in mail text (issue 7). A sender can put U+202E RIGHT-TO-LEFT
 * OVERRIDE in a name or a file name ("invoice", U+202E, "fdp.exe" shows as "invoiceexe.pdf") and
 * leave it open, so that it reorders whatever the panel writes after it. `<bdi>` isolates its
 * content, but Chromium implements the isolation with the same FSI/PDI characters, so a stray PDI
 * in the text closes the isolate early and the override leaks out anyway. Balancing the text first
 * makes the isolation hold: every embedding, override and isolate the text opens is closed at its
 * end.
 */

type Opener = 'embedding' | 'isolate';

/** LRE, RLE, LRO, RLO: closed by PDF. */
const EMBEDDINGS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);
const PDF = '\u202C';
/** LRI, RLI, FSI: closed by PDI. */
const ISOLATES = new Set(['\u2066', '\u2067', '\u2068']);
const PDI = '\u2069';
/** Paragraph separators (UAX #9 class B): the algorithm starts afresh after each, so must we. */
const PARAGRAPH_END = /[\n\r\u001C-\u001E\u0085\u2029]/;
const ANY_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * The text with every opener it leaves open closed at its end and every closer that has nothing
 * to close dropped, following the Unicode Bidirectional Algorithm's pairing (UAX #9 X6a, X7): a
 * PDI also closes the embeddings opened inside its isolate; a PDF never closes across an isolate;
 * a paragraph ends them all, so what is open is closed before each line break (a template preview
 * keeps line breaks). Text without these characters, the common case, comes back as it is.
 */
export function balanceBidi(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  const open: Opener[] = [];
  let balanced = '';
  for (const char of text) {
    if (PARAGRAPH_END.test(char)) balanced += closers(open.splice(0));
    else if (EMBEDDINGS.has(char)) open.push('embedding');
    else if (ISOLATES.has(char)) open.push('isolate');
    else if (char === PDF) {
      if (open.at(-1) !== 'embedding') continue;
      open.pop();
    } else if (char === PDI) {
      const isolate = open.lastIndexOf('isolate');
      if (isolate < 0) continue;
      open.length = isolate;
    }
    balanced += char;
  }
  return balanced + closers(open);
}

function closers(open: readonly Opener[]): string {
  return [...open].reverse().map((kind) => (kind === 'isolate' ? PDI : PDF)).join('');
}
