/**
 * POST gmail.googleapis.com/batch/gmail/v1: a multipart/mixed body of `application/http` parts
 * (at most 100), each an HTTP request answered as its own part with Content-ID
 * `response-<id>`. Every part goes through the normal pipeline (auth, faults, quota, log), so
 * each counts against quota like Google counts it.
 */
import { randomBytes } from 'node:crypto';
import { badRequest } from './errors.ts';
import type { FakeRequest, FakeResponse } from './http-types.ts';

export const MAX_BATCH_PARTS = 100;

const REASONS: Record<number, string> = {
  200: 'OK', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

interface BatchPart {
  contentId: string | null;
  request: FakeRequest;
}

function parseHeaderBlock(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function splitOnce(text: string): [string, string] {
  const match = /\r?\n\r?\n/.exec(text);
  return match === null ? [text, ''] : [text.slice(0, match.index), text.slice(match.index + match[0].length)];
}

export function parseBatch(outer: FakeRequest): BatchPart[] | FakeResponse {
  const boundary = /boundary="?([^";]+)"?/i.exec(outer.headers['content-type'] ?? '')?.[1];
  if (boundary === undefined) return badRequest('Invalid multipart request with 0 mime parts.', 'badRequest');
  const chunks = outer.body.toString('utf8').split(`--${boundary}`).slice(1);
  const parts: BatchPart[] = [];
  for (const chunk of chunks) {
    if (chunk.startsWith('--')) break;
    const [mimeHead, http] = splitOnce(chunk.replace(/^\r?\n/, ''));
    const mimeHeaders = parseHeaderBlock(mimeHead);
    const [requestHead, body] = splitOnce(http);
    const [requestLine = '', ...headerLines] = requestHead.split(/\r?\n/);
    const [method = 'GET', target = '/'] = requestLine.trim().split(/\s+/);
    const url = new URL(target, 'https://gmail.googleapis.com');
    const headers = parseHeaderBlock(headerLines.join('\n'));
    // Parts inherit the outer request's credentials unless they carry their own.
    if (headers['authorization'] === undefined && outer.headers['authorization'] !== undefined) headers['authorization'] = outer.headers['authorization'];
    parts.push({
      contentId: mimeHeaders['content-id']?.replace(/^<|>$/g, '') ?? null,
      request: { host: 'gmail.googleapis.com', method: method.toUpperCase(), path: url.pathname, query: url.searchParams, headers, body: Buffer.from(body.replace(/\r?\n$/, ''), 'utf8') },
    });
  }
  if (parts.length === 0) return badRequest('Invalid multipart request with 0 mime parts.', 'badRequest');
  if (parts.length > MAX_BATCH_PARTS) return badRequest(`A batch request cannot contain more than ${MAX_BATCH_PARTS} requests.`, 'badRequest');
  return parts;
}

export function batchResponse(parts: { contentId: string | null; response: FakeResponse }[]): FakeResponse {
  const boundary = `batch_${randomBytes(12).toString('base64url')}`;
  const body = parts
    .map(({ contentId, response }) => {
      const headers = Object.entries(response.headers).map(([k, v]) => `${k}: ${v}`).join('\r\n');
      const id = contentId === null ? '' : `Content-ID: <response-${contentId}>\r\n`;
      return `--${boundary}\r\nContent-Type: application/http\r\n${id}\r\nHTTP/1.1 ${response.status} ${REASONS[response.status] ?? 'Error'}\r\n${headers}\r\n\r\n${response.body.toString()}\r\n`;
    })
    .join('');
  return { status: 200, headers: { 'content-type': `multipart/mixed; boundary=${boundary}` }, body: `${body}--${boundary}--\r\n` };
}
