/**
 * Google's batch answers, well-formed and broken (issue 7 › 4): every well-framed part is read back
 * exactly; broken framing, junk and truncation never throw and never yield an answer without an id
 * or a three-digit status.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryOf, parseBatchAnswers } from '../../../utils/gmail/batch';

const BOUNDARY = 'batch_icm';
const part = fc.record({
  id: fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/),
  status: fc.integer({ min: 100, max: 599 }),
  body: fc.jsonValue({ maxDepth: 3 }),
  retryAfter: fc.option(fc.nat(), { nil: null }),
});
type Part = typeof part extends fc.Arbitrary<infer T> ? T : never;

function framed(parts: readonly Part[], newline: string): string {
  const lines = (p: Part) => [
    `--${BOUNDARY}`,
    'Content-Type: application/http',
    `Content-ID: <response-${p.id}>`,
    '',
    `HTTP/1.1 ${p.status} Whatever`,
    'Content-Type: application/json; charset=UTF-8',
    ...(p.retryAfter === null ? [] : [`Retry-After: ${p.retryAfter}`]),
    '',
    JSON.stringify(p.body),
    '',
  ];
  return parts.map((p) => lines(p).join(newline)).join('') + `--${BOUNDARY}--${newline}`;
}

/** A framed answer with pieces cut out, junk put in, or the end missing. */
const damaged = fc
  .tuple(fc.array(part, { maxLength: 4 }), fc.constantFrom('\r\n', '\n'), fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.string({ unit: 'binary', maxLength: 12 })), { maxLength: 4 }))
  .map(([parts, newline, edits]) =>
    edits.reduce((text, [at, cut, junk]) => {
      const start = at % (text.length + 1);
      return text.slice(0, start) + junk + text.slice(start + cut);
    }, framed(parts, newline)),
  );

describe('parseBatchAnswers', () => {
  it('reads back every part of a well-framed answer: id, status, Retry-After and JSON body (property)', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), fc.constantFrom('\r\n', '\n'), (parts, newline) => {
        const answers = parseBatchAnswers(framed(parts, newline), BOUNDARY);
        expect(answers.map((a) => ({ id: a.id, status: a.status, body: a.body, retryAfter: a.headers.get('retry-after') ?? null }))).toEqual(
          parts.map((p) => ({ id: p.id, status: p.status, body: JSON.parse(JSON.stringify(p.body)), retryAfter: p.retryAfter === null ? null : String(p.retryAfter) })),
        );
      }),
    );
  });

  it('gives only answers with an id and a three-digit status from damaged text (property)', () => {
    fc.assert(
      fc.property(damaged, (text) => {
        for (const answer of parseBatchAnswers(text, BOUNDARY)) {
          expect(answer.id).toMatch(/^[^>\s]+$/);
          expect(answer.status).toBeGreaterThanOrEqual(100);
          expect(answer.status).toBeLessThanOrEqual(999);
          for (const name of answer.headers.keys()) expect(name).toBe(name.trim().toLowerCase());
        }
      }),
    );
  });
});

describe('boundaryOf', () => {
  const token = fc.stringMatching(/^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/);

  it('reads a boundary back, quoted or not, among other parameters (property)', () => {
    fc.assert(
      fc.property(token, fc.boolean(), fc.constantFrom('', '; charset=UTF-8'), (boundary, quoted, after) => {
        expect(boundaryOf(`multipart/mixed; boundary=${quoted ? `"${boundary}"` : boundary}${after}`)).toBe(boundary);
      }),
    );
  });

  it('gives a non-empty boundary or null for any header value (property)', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'binary', maxLength: 60 }), { nil: null }), (contentType) => {
        const boundary = boundaryOf(contentType);
        if (boundary !== null) expect(boundary.length).toBeGreaterThan(0);
      }),
    );
  });
});
