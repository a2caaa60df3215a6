/**
 * The fake's internal request/response values. Host handlers are functions from a request to a
 * response so the same code answers a plain request and each part of a batch request.
 */
export interface FakeRequest {
  host: string;
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** What a handler learned about the request, for the request log and quota. */
export interface RequestMeta {
  account: string | null;
  apiMethod: string | null;
  quotaUnits: number;
  scopes: string[];
}

export interface HandledResponse {
  response: FakeResponse;
  meta: RequestMeta;
}

export function emptyMeta(): RequestMeta {
  return { account: null, apiMethod: null, quotaUnits: 0, scopes: [] };
}

/** Google pretty-prints JSON with two spaces and a trailing newline. */
export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): FakeResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...headers },
    body: `${JSON.stringify(value, null, 2)}\n`,
  };
}

/** Google's answer to a delete: 204 with no body, and so no Content-Type. */
export function noContent(): FakeResponse {
  return { status: 204, headers: {}, body: '' };
}

export function htmlResponse(status: number, html: string, headers: Record<string, string> = {}): FakeResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: html };
}

export function redirect(location: string, status = 302): FakeResponse {
  return { status, headers: { location, 'content-type': 'text/html; charset=UTF-8' }, body: `<HTML><HEAD><TITLE>Moved Temporarily</TITLE></HEAD><BODY>Moved</BODY></HTML>\n` };
}

export function queryRecord(query: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    record[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return record;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}

/** The access token of a request: `Authorization: Bearer …` or Google's `access_token` parameter. */
export function bearerToken(request: FakeRequest): string | undefined {
  const match = /^Bearer\s+(\S+)/i.exec(request.headers['authorization'] ?? '');
  return match?.[1] ?? request.query.get('access_token') ?? undefined;
}
