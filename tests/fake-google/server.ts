/**
 * The HTTPS server: reads each request, routes it by Host header to the fake of that Google
 * host, and runs the shared pipeline — request log, injected faults, latency, CORS — around
 * every handler. Control requests (Host 127.0.0.1/localhost, /__control/…) skip the pipeline.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleControl } from './control-http.ts';
import { gmailApiMethod, handleGmail } from './gmail-api.ts';
import { batchResponse, parseBatch } from './gmail-batch.ts';
import { handleMailWeb } from './gmail-web.ts';
import { emptyMeta, htmlResponse, jsonResponse, queryRecord, type FakeRequest, type FakeResponse, type HandledResponse } from './http-types.ts';
import { handleOAuth2Api, handleWwwGoogleapis } from './oauth-api.ts';
import { handleAuthorize, handleConsent } from './oauth-authorize.ts';
import type { FakeState } from './state.ts';
import { certPem, keyPem, GOOGLE_HOSTS } from './tls.ts';
import type { FakeGoogleControl, RequestLogEntry } from './types.ts';

const API_HOSTS = new Set(['gmail.googleapis.com', 'oauth2.googleapis.com', 'www.googleapis.com']);

const GOOGLE_API_HEADERS: Record<string, string> = {
  vary: 'Origin, X-Origin, Referer',
  server: 'ESF',
  'cache-control': 'private',
  'x-xss-protection': '0',
  'x-frame-options': 'SAMEORIGIN',
  'x-content-type-options': 'nosniff',
};

type Outcome = FakeResponse | 'hang';

/** The hosts `setLatency` delays: Google's APIs and the OAuth pages, not the Gmail web UI. */
export function latencyApplies(host: string): boolean {
  return API_HOSTS.has(host) || host === 'accounts.google.com';
}

function apiMethodOf(request: FakeRequest): string | null {
  if (request.host === 'gmail.googleapis.com') return gmailApiMethod(request);
  if (request.host === 'accounts.google.com' && request.path.startsWith('/o/oauth2/v2/auth')) return 'oauth2.authorize';
  return null;
}

function preflight(request: FakeRequest): FakeResponse {
  return {
    status: 200,
    headers: {
      'access-control-allow-origin': request.headers['origin'] ?? '*',
      'access-control-allow-methods': 'DELETE,GET,HEAD,PATCH,POST,PUT',
      'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '',
      'access-control-max-age': '3600',
      vary: 'origin, referer, x-origin',
      'content-type': 'text/html; charset=UTF-8',
    },
    body: '',
  };
}

export class FakeGoogleServer {
  readonly server: Server;

  constructor(private readonly state: FakeState, private readonly control: FakeGoogleControl) {
    this.server = createServer({ cert: certPem, key: keyPem }, (req, res) => {
      this.onRequest(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake-google internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      });
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'https://fake.invalid');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const request: FakeRequest = {
      host: (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase(),
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: Buffer.concat(chunks),
    };
    if (request.host === '127.0.0.1' || request.host === 'localhost') {
      const response = request.path.startsWith('/__control/')
        ? handleControl(this.control, request)
        : jsonResponse(404, { error: 'the fake answers for Google hostnames; use --host-resolver-rules or a Host header' });
      return this.send(res, response);
    }
    if (!(GOOGLE_HOSTS as readonly string[]).includes(request.host)) {
      return this.send(res, htmlResponse(421, `<p>Misdirected request: the fake does not serve ${request.host}</p>`));
    }
    const outcome = await this.dispatch(request);
    if (outcome === 'hang') {
      // Never answer; close() destroys the socket.
      return;
    }
    this.send(res, outcome);
  }

  /**
   * The pipeline every Google request (and every batch part) goes through. Latency is per HTTP
   * round trip: it delays each request to the API hosts and accounts.google.com once, a batch
   * once as a whole (its parts add none), and never mail.google.com (the Gmail page and its view
   * fetches), so a benchmark measures the extension's calls, not the page.
   */
  async dispatch(request: FakeRequest, options: { batchPart?: boolean } = {}): Promise<Outcome> {
    const batchPart = options.batchPart === true;
    const state = this.state;
    const entry: RequestLogEntry = {
      at: state.now(), host: request.host, method: request.method, path: request.path, query: queryRecord(request.query),
      status: 0, account: null, apiMethod: apiMethodOf(request), quotaUnits: 0, scopes: [], faulted: false,
    };
    state.log.push(entry);
    const latency = !batchPart && latencyApplies(request.host) ? state.latencyMs : 0;
    const finish = (handled: HandledResponse): FakeResponse => {
      Object.assign(entry, handled.meta, { apiMethod: handled.meta.apiMethod ?? entry.apiMethod, status: handled.response.status });
      return this.decorate(request, handled.response, batchPart);
    };

    if (request.method === 'OPTIONS' && API_HOSTS.has(request.host)) {
      await sleep(latency);
      return finish({ response: preflight(request), meta: { ...emptyMeta(), apiMethod: entry.apiMethod } });
    }
    const fault = state.faults.take(request, entry.apiMethod);
    if (fault.kind !== 'none') entry.faulted = true;
    if (fault.kind === 'hang') return 'hang';
    if (fault.kind === 'respond') {
      await sleep(fault.delayMs + latency);
      return finish({ response: fault.response, meta: { ...emptyMeta(), apiMethod: entry.apiMethod } });
    }
    await sleep((fault.kind === 'delay-then-handle' ? fault.delayMs : 0) + latency);
    return finish(await this.route(request));
  }

  private async route(request: FakeRequest): Promise<HandledResponse> {
    const state = this.state;
    switch (request.host) {
      case 'mail.google.com':
        return handleMailWeb(state, request);
      case 'accounts.google.com':
        if (request.path === '/o/oauth2/v2/auth' && request.method === 'GET') return handleAuthorize(state, request);
        if (request.path === '/o/oauth2/v2/auth/consent' && request.method === 'POST') return handleConsent(state, request);
        // Chromium itself asks for /ListAccounts; a 404 is harmless (notes/chromium-e2e.md).
        return { response: htmlResponse(404, '<p>404. That’s an error.</p>'), meta: emptyMeta() };
      case 'oauth2.googleapis.com':
        return handleOAuth2Api(state, request);
      case 'www.googleapis.com':
        return handleWwwGoogleapis(state, request);
      default:
        if (request.path === '/batch/gmail/v1' && request.method === 'POST') return this.batch(request);
        return handleGmail(state, request);
    }
  }

  private async batch(request: FakeRequest): Promise<HandledResponse> {
    const meta = { ...emptyMeta(), apiMethod: 'gmail.batch' };
    const parts = parseBatch(request);
    if (!Array.isArray(parts)) return { response: parts, meta };
    const answered = await Promise.all(
      parts.map(async (part) => {
        const outcome = await this.dispatch(part.request, { batchPart: true });
        // A hung part cannot hang the whole multipart answer; Google would time it out.
        const response = outcome === 'hang' ? jsonResponse(504, { error: { code: 504, message: 'Deadline exceeded', status: 'DEADLINE_EXCEEDED' } }) : outcome;
        return { contentId: part.contentId, response };
      }),
    );
    return { response: batchResponse(answered), meta };
  }

  private decorate(request: FakeRequest, response: FakeResponse, batchPart = false): FakeResponse {
    if (!API_HOSTS.has(request.host)) return response;
    // CORS belongs to the outer HTTP response of a batch, not to the parts inside it.
    const cors: Record<string, string> = request.headers['origin'] === undefined || batchPart ? {} : { 'access-control-allow-origin': request.headers['origin'] };
    return { ...response, headers: { ...GOOGLE_API_HEADERS, ...cors, ...response.headers } };
  }

  private send(res: ServerResponse, response: FakeResponse): void {
    const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body;
    res.writeHead(response.status, { date: new Date().toUTCString(), ...response.headers, 'content-length': String(body.length) });
    res.end(body);
  }
}
