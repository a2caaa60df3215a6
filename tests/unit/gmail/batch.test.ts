import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchBody, boundaryOf, parseBatchAnswers } from '../../../utils/gmail/batch';

describe('batchBody', () => {
  it('frames each call as an application/http part with its Content-ID', () => {
    const body = batchBody(
      [
        { id: 't-1', path: '/gmail/v1/users/me/threads/aa?format=metadata' },
        { id: 't-2', path: '/gmail/v1/users/me/threads/bb?format=metadata' },
      ],
      'batch_x',
    );
    expect(body).toBe(
      '--batch_x\r\nContent-Type: application/http\r\nContent-ID: <t-1>\r\n\r\n' +
        'GET /gmail/v1/users/me/threads/aa?format=metadata\r\nAccept: application/json\r\n\r\n' +
        '--batch_x\r\nContent-Type: application/http\r\nContent-ID: <t-2>\r\n\r\n' +
        'GET /gmail/v1/users/me/threads/bb?format=metadata\r\nAccept: application/json\r\n\r\n' +
        '--batch_x--\r\n',
    );
  });
});

describe('boundaryOf', () => {
  it.each([
    ['multipart/mixed; boundary=batch_abc', 'batch_abc'],
    ['multipart/mixed; boundary="batch abc"', 'batch abc'],
    ['multipart/mixed;boundary=batch_abc; charset=UTF-8', 'batch_abc'],
    ['application/json', null],
    [null, null],
  ])('reads %j', (contentType, boundary) => {
    expect(boundaryOf(contentType)).toBe(boundary);
  });
});

/** A response shaped like Google's: part headers, a status line, inner headers, JSON. */
function googleResponse(boundary: string, parts: { id: string; status: string; body: string }[], newline = '\r\n'): string {
  return (
    parts
      .map((part) =>
        [
          `--${boundary}`,
          'Content-Type: application/http',
          `Content-ID: <response-${part.id}>`,
          '',
          `HTTP/1.1 ${part.status}`,
          'Content-Type: application/json; charset=UTF-8',
          'Vary: Origin',
          '',
          part.body,
          '',
        ].join(newline),
      )
      .join('') + `--${boundary}--${newline}`
  );
}

describe('parseBatchAnswers', () => {
  it('reads each part’s id, status, headers and JSON body', () => {
    const text = googleResponse('batch_r', [
      { id: 't-1', status: '200 OK', body: '{"id":"aa"}' },
      { id: 't-2', status: '404 Not Found', body: '{"error":{"code":404,"message":"Requested entity was not found."}}' },
    ]);
    const answers = parseBatchAnswers(text, 'batch_r');
    expect(answers.map(({ id, status, body }) => ({ id, status, body }))).toEqual([
      { id: 't-1', status: 200, body: { id: 'aa' } },
      { id: 't-2', status: 404, body: { error: { code: 404, message: 'Requested entity was not found.' } } },
    ]);
    expect(answers[0]?.headers.get('content-type')).toBe('application/json; charset=UTF-8');
  });

  it('accepts bare LF line ends', () => {
    const text = googleResponse('b', [{ id: 'x', status: '200 OK', body: '{}' }], '\n');
    expect(parseBatchAnswers(text, 'b')).toMatchObject([{ id: 'x', status: 200, body: {} }]);
  });

  it('reads a Retry-After inside a part', () => {
    const text = `--b\r\nContent-Type: application/http\r\nContent-ID: <response-x>\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\n\r\n{}\r\n--b--`;
    expect(parseBatchAnswers(text, 'b')[0]?.headers.get('retry-after')).toBe('3');
  });

  it('skips parts without a response Content-ID or status line, and keeps a non-JSON body as null', () => {
    const text =
      '--b\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{}\r\n' +
      '--b\r\nContent-ID: <response-y>\r\n\r\ngarbage\r\n\r\n{}\r\n' +
      '--b\r\nContent-ID: <response-z>\r\n\r\nHTTP/1.1 200 OK\r\n\r\nnot json\r\n--b--';
    expect(parseBatchAnswers(text, 'b')).toMatchObject([{ id: 'z', status: 200, body: null }]);
  });

  it('never throws, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('b', 'batch_1'), (text, boundary) => {
        expect(Array.isArray(parseBatchAnswers(text, boundary))).toBe(true);
      }),
    );
  });
});
