/**
 * Talking HTTPS to the fake as a browser would: TCP to 127.0.0.1, TLS SNI and Host set to the
 * Google hostname, the committed certificate as the only CA.
 */
import { request } from 'node:https';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { certPem, demoSeed, startFakeGoogle, type FakeGoogle, type Seed } from '../../fake-google/index.ts';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  token?: string;
  timeoutMs?: number;
}

export function call(fake: FakeGoogle, host: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { host, ...options.headers };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: fake.port,
        path,
        method: options.method ?? 'GET',
        headers,
        servername: host === '127.0.0.1' ? 'localhost' : host,
        ca: certPem,
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const flat: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers: flat, text, json: <T>() => JSON.parse(text) as T });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export const CLIENT_ID = '123456789012-abcdef0123456789.apps.googleusercontent.com';
export const REDIRECT = 'https://ihefhopcannekhkalefikoekgclgolgl.chromiumapp.org/';

export function authorizeUrl(params: Record<string, string>): string {
  const query = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT, response_type: 'token', ...params });
  return `/o/oauth2/v2/auth?${query.toString()}`;
}

/** The fragment parameters of a 302 to the chromiumapp.org redirect URI. */
export function fragmentOf(reply: Reply): URLSearchParams {
  const location = reply.headers['location'] ?? '';
  return new URLSearchParams(location.slice(location.indexOf('#') + 1));
}

/** Grants the scopes (consent auto-allowed) and returns a fresh access token. */
export async function signIn(fake: FakeGoogle, email: string, scope: string): Promise<string> {
  fake.control.setConsentMode('auto-allow');
  const reply = await call(fake, 'accounts.google.com', authorizeUrl({ scope, login_hint: email }));
  fake.control.setConsentMode('page');
  const token = fragmentOf(reply).get('access_token');
  if (token === null) throw new Error(`sign-in failed: ${reply.status} ${reply.headers['location'] ?? reply.text.slice(0, 200)}`);
  return token;
}

export const READONLY = 'https://www.googleapis.com/auth/gmail.readonly';
export const METADATA = 'https://www.googleapis.com/auth/gmail.metadata';
export const LABELS = 'https://www.googleapis.com/auth/gmail.labels';
export const MODIFY = 'https://www.googleapis.com/auth/gmail.modify';
export const COMPOSE = 'https://www.googleapis.com/auth/gmail.compose';
export const MAIL = 'https://mail.google.com/';

/** Starts the fake with `seed` for one test file, and resets it to that seed before each test. */
export function useSeededFake(seed: Seed): { readonly fake: FakeGoogle } {
  let started: FakeGoogle | undefined;
  beforeAll(async () => {
    started = await startFakeGoogle({ seed });
  });
  afterAll(() => started?.close());
  beforeEach(() => started?.control.reset());
  return {
    get fake() {
      if (!started) throw new Error('the fake Google has not started yet');
      return started;
    },
  };
}

/** Starts the fake with the demo seed for one test file, and resets it before each test. */
export function useDemoFake(): { readonly fake: FakeGoogle } {
  return useSeededFake(demoSeed);
}

/** A batch body of GET parts, each with its Content-ID and optional headers of its own. */
export function batchBody(boundary: string, parts: { id: string; path: string; headers?: Record<string, string> }[]): string {
  const chunks = parts.map(({ id, path, headers = {} }) => {
    const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    return `--${boundary}\r\nContent-Type: application/http\r\nContent-ID: <${id}>\r\n\r\nGET ${path}\r\n${extra}\r\n`;
  });
  return `${chunks.join('')}--${boundary}--\r\n`;
}

export interface BatchPartReply {
  partHeaders: Record<string, string>;
  statusLine: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Splits a batch answer strictly: every part must have the framing Google gives it. */
export function parseBatchReply(reply: Reply): BatchPartReply[] {
  const boundary = /^multipart\/mixed; boundary=(batch_[A-Za-z0-9_-]+)$/.exec(reply.headers['content-type'] ?? '')?.[1];
  if (boundary === undefined) throw new Error(`not a batch answer: ${reply.headers['content-type'] ?? ''}`);
  if (!reply.text.endsWith(`--${boundary}--\r\n`)) throw new Error('missing the closing delimiter');
  const chunks = reply.text.slice(0, -`--${boundary}--\r\n`.length).split(`--${boundary}\r\n`);
  if (chunks.shift() !== '') throw new Error('text before the first delimiter');
  return chunks.map((chunk) => {
    const [partHead = '', http = ''] = splitBlank(chunk);
    const [responseHead = '', rawBody = ''] = splitBlank(http);
    const [statusLine = '', ...lines] = responseHead.split('\r\n');
    return {
      partHeaders: headerMap(partHead.split('\r\n')),
      statusLine,
      status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1] ?? 0),
      headers: headerMap(lines),
      body: rawBody.replace(/\r\n$/, ''),
    };
  });
}

function splitBlank(text: string): [string, string] {
  const at = text.indexOf('\r\n\r\n');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 4)];
}

function headerMap(lines: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) map[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return map;
}
