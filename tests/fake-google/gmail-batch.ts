/**
 * POST gmail.googleapis.com/batch/gmail/v1: a multipart/mixed body of `application/http` parts
 * (at most 100), each an HTTP request answered as its own part with Content-ID
 * `response-<id>`. The whole answer is a 200 `multipart/mixed; boundary=batch_…` even when parts
 * fail: each part carries its own status line (401, 403, 404, 429…), headers and JSON body.
 * Every part goes through the normal pipeline (auth, faults, quota, log), so each counts against
 * quota like Google counts it; the batch is one HTTP round trip, so latency applies to it once.
 */
import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { badRequest } from './errors.ts';
import type { FakeRequest, FakeResponse } from './http-types.ts';

export const MAX_BATCH_PARTS = 100;

/** Outer headers a part does not inherit (Google applies the others to every part). */
const NOT_INHERITED = /^(content-|host$|connection$|transfer-encoding$|keep-alive$)/;

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
    // The outer request's headers (credentials included) apply to every part, except its
    // Content- headers; a header the part sets itself wins.
    const inherited = Object.fromEntries(Object.entries(outer.headers).filter(([name]) => !NOT_INHERITED.test(name)));
    const headers = { ...inherited, ...parseHeaderBlock(headerLines.join('\n')) };
    parts.push({
      contentId: mimeHeaders['content-id']?.replace(/^<|>$/g, '') ?? null,
      request: { host: 'gmail.googleapis.com', method: method.toUpperCase(), path: url.pathname, query: url.searchParams, headers, body: Buffer.from(body.replace(/\r?\n$/, ''), 'utf8') },
    });
  }
  if (parts.length === 0) return badRequest('Invalid multipart request with 0 mime parts.', 'badRequest');
  if (parts.length > MAX_BATCH_PARTS) {
    return badRequest(`Inner request count exceeds the limit. Received: ${parts.length}, Limit: ${MAX_BATCH_PARTS}`, 'badRequest');
  }
  return parts;
}

export function batchResponse(parts: { contentId: string | null; response: FakeResponse }[]): FakeResponse {
  const boundary = `batch_${randomBytes(12).toString('base64url')}`;
  const body = parts
    .map(({ contentId, response }) => {
      const body = response.body.toString();
      const fields = { ...response.headers, 'content-length': String(Buffer.byteLength(body, 'utf8')) };
      const headers = Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\r\n');
      const id = contentId === null ? '' : `Content-ID: <response-${contentId}>\r\n`;
      return `--${boundary}\r\nContent-Type: application/http\r\n${id}\r\nHTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? 'Unknown'}\r\n${headers}\r\n\r\n${body}\r\n`;
    })
    .join('');
  return { status: 200, headers: { 'content-type': `multipart/mixed; boundary=${boundary}` }, body: `${body}--${boundary}--\r\n` };
}
