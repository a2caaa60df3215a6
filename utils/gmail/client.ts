/**
 * The Gmail REST client. Runs only in the background. Every response is zod-parsed; failures are
 * GmailError values; 401 gets one forced token refresh; rate limits and 5xx are retried per
 * retry.ts; every request has a timeout; every call is reported for the access log.
 */
import type { z } from 'zod';
import { GMAIL_API_BASE } from '../google/endpoints';
import { GmailError, errorFromResponse } from './errors';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from './retry';
import { type GmailProfile, type GmailThread, profileSchema, threadSchema } from './schemas';

export interface GmailCall {
  /** Google's method id, e.g. 'gmail.users.threads.get'. */
  method: string;
  ok: boolean;
  status: number;
}

export interface GmailClientDeps {
  fetch: typeof fetch;
  /** A valid access token; with forceRefresh a new one (silent refresh). Throws when there is none. */
  getAccessToken: (options: { forceRefresh: boolean }) => Promise<string>;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  onCall?: (call: GmailCall) => void;
  retryPolicy?: RetryPolicy;
  timeoutMs?: number;
}

export type GmailClient = ReturnType<typeof createGmailClient>;

/**
 * Partial response for the conversation card: headers and attachment metadata of every part, no
 * body data. Same quota cost as format=metadata, but metadata omits the parts that name attachments.
 */
const PART_FIELDS = 'partId,mimeType,filename,body/size,body/attachmentId';
const THREAD_CARD_FIELDS =
  `id,historyId,messages(id,threadId,labelIds,internalDate,historyId,` +
  `payload(mimeType,filename,headers,body/size,parts(${PART_FIELDS},parts(${PART_FIELDS},parts(${PART_FIELDS})))))`;

export function createGmailClient(deps: GmailClientDeps) {
  const policy = deps.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const timeoutMs = deps.timeoutMs ?? 20_000;

  async function send(url: string, token: string): Promise<Response> {
    try {
      return await deps.fetch(url, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        throw new GmailError('timeout', `Gmail did not answer within ${timeoutMs / 1000} s`);
      }
      throw new GmailError('network', error instanceof Error ? error.message : 'network error');
    }
  }

  async function readJson(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      return null;
    }
  }

  /**
   * A 401 followed by a failed silent refresh is how a revocation elsewhere shows itself (F8),
   * whatever reason Google gives for refusing the refresh.
   */
  async function refreshAfter401(): Promise<string> {
    try {
      return await deps.getAccessToken({ forceRefresh: true });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new GmailError('unauthorized', `Google refused the token, and signing in again silently failed: ${reason}`, 401);
    }
  }

  /** One logical call: auth retry once, back-off retries, then parse. */
  async function call<T>(method: string, path: string, query: URLSearchParams, schema: z.ZodType<T>): Promise<T> {
    const url = `${GMAIL_API_BASE}/${path}${query.size ? `?${query}` : ''}`;
    let token = await deps.getAccessToken({ forceRefresh: false });
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const response = await send(url, token);
      const body = await readJson(response);
      deps.onCall?.({ method, ok: response.ok, status: response.status });
      if (response.ok) {
        const parsed = schema.safeParse(body);
        if (parsed.success) return parsed.data;
        throw new GmailError('bad-response', describeIssues(parsed.error), response.status, 'schema');
      }
      const error = errorFromResponse(response.status, body, response.headers.get('Retry-After'));
      if (error.kind === 'unauthorized' && !refreshed) {
        refreshed = true;
        token = await refreshAfter401();
        continue;
      }
      const delay = retryDelayMs(error, attempt, policy, deps.random);
      if (delay === null) throw error;
      await deps.sleep(delay);
    }
  }

  return {
    /** The conversation card's view of a thread: all headers and attachment names, no bodies. */
    getThreadForCard(threadId: string): Promise<GmailThread> {
      const query = new URLSearchParams({ format: 'full', fields: THREAD_CARD_FIELDS });
      return call('gmail.users.threads.get', `threads/${encodeURIComponent(threadId)}`, query, threadSchema);
    },
    getProfile(): Promise<GmailProfile> {
      return call('gmail.users.getProfile', 'profile', new URLSearchParams(), profileSchema);
    },
  };
}

/** A short, specific description of what in Gmail's answer was wrong (for the UI and the logs). */
function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return `Gmail's answer did not have the expected shape (${issues.join('; ')})`;
}
