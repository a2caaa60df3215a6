/**
 * The Gmail REST client. Runs only in the background. Every response is zod-parsed; failures are
 * GmailError values; 401 gets one forced token refresh; rate limits and 5xx are retried per
 * retry.ts; every request has a timeout; every call is reported for the access log.
 */
import * as z from 'zod/mini';
import { GMAIL_API_BASE, GMAIL_BATCH_URL } from '../google/endpoints';
import { type BatchAnswer, type BatchCall, MAX_BATCH_PARTS, batchBody, boundaryOf, parseBatchAnswers } from './batch';
import { GmailError, errorFromResponse } from './errors';
import { GMAIL_METHODS as M, type GmailMethod } from './methods';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from './retry';
import type { AccessCategory } from '../privacy/access-kinds';
import { type GmailLabel, gmailLabelListSchema, gmailLabelSchema, type LabelModifyRequest } from '../cases/labels';
import {
  type GmailDraft,
  type GmailHistoryList,
  draftSchema,
  type GmailProfile,
  type GmailThread,
  type GmailThreadList,
  historyListSchema,
  type ModifiedThread,
  modifiedThreadSchema,
  profileSchema,
  threadListSchema,
  threadSchema,
} from './schemas';

/** One HTTP request to Gmail, for the access log (F7): what kind of data and how much, never which. */
export interface GmailCall {
  /** Google's method id, e.g. 'gmail.users.threads.get'. */
  method: string;
  category: AccessCategory;
  /** Items Google returned (see methods.ts); 0 when the request failed. */
  items: number;
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
/**
 * Levels of parts read under the payload. A mask names each level, so Gmail's answer stays this
 * deep however deep a hostile message nests (issue 7), while a forward inside a forward, a few
 * levels each, still shows its attachments.
 */
export const CARD_PART_DEPTH = 8;
const partsMask = (depth: number): string => (depth === 0 ? '' : `,parts(${PART_FIELDS}${partsMask(depth - 1)})`);
const THREAD_CARD_FIELDS =
  `id,historyId,messages(id,threadId,labelIds,internalDate,historyId,` +
  `payload(mimeType,filename,headers,body/size${partsMask(CARD_PART_DEPTH)}))`;

/** A history row needs the subject, dates and labels: metadata with one header, no bodies. */
const THREAD_SUMMARY_QUERY = new URLSearchParams({
  format: 'metadata',
  metadataHeaders: 'Subject',
  fields: 'id,historyId,messages(id,threadId,labelIds,internalDate,payload/headers)',
});
/** format=metadata with only these headers: no bodies, no snippets. */
function metadataQuery(headers: readonly string[]): URLSearchParams {
  const query = new URLSearchParams({ format: 'metadata', fields: 'id,historyId,messages(id,threadId,labelIds,internalDate,payload/headers)' });
  for (const header of headers) query.append('metadataHeaders', header);
  return query;
}
/**
 * A queue row (F5) needs who wrote each message and when, the subject and the labels: metadata
 * with the address headers that decide the customer and the side of each message, no bodies.
 */
const ADDRESS_HEADERS = ['From', 'To', 'Cc', 'Reply-To', 'Subject'] as const;
const THREAD_CASE_QUERY = metadataQuery(ADDRESS_HEADERS);
/** A reply draft (F6) also needs the ids that thread it: Message-ID, References, In-Reply-To. */
const THREAD_REPLY_QUERY = metadataQuery([...ADDRESS_HEADERS, 'Message-ID', 'References', 'In-Reply-To']);
const DRAFT_FIELDS = 'id,message(id,threadId,labelIds)';
/** Changes since a history id: which threads they touched, with their labels after the change. */
const HISTORY_REF = 'message(id,threadId,labelIds)';
const HISTORY_FIELDS =
  `history(messages(id,threadId),messagesAdded/${HISTORY_REF},messagesDeleted/${HISTORY_REF},` +
  `labelsAdded/${HISTORY_REF},labelsRemoved/${HISTORY_REF}),historyId,nextPageToken`;
/** Ids and historyIds only: snippets are message content the history does not show. */
const THREAD_LIST_FIELDS = 'threads(id,historyId),nextPageToken';
const API_PATH = new URL(GMAIL_API_BASE).pathname;
/** Only our own paths go inside, so a fixed boundary cannot collide with the content. */
const BATCH_BOUNDARY = 'batch_icustomer_mail';

/**
 * A write's verb and body. `repeatable: false` for one that must not happen twice (drafts.create):
 * after a 5xx Gmail may have done it anyway, so only a rate limit, which Gmail refuses before
 * doing anything, is retried.
 */
interface Write {
  verb: 'POST' | 'PUT';
  body: Record<string, unknown>;
  repeatable: boolean;
}

/**
 * zod mini has no messages of its own ("Invalid input" for everything). English is given per parse
 * here, where issues become a message for the UI, rather than configured globally, so the locale
 * stays out of the side panel, which only needs pass/fail.
 */
const englishIssues = z.locales.en().localeError;

export function createGmailClient(deps: GmailClientDeps) {
  const policy = deps.retryPolicy ?? DEFAULT_RETRY_POLICY;
  // A Gmail read answers in well under a second, a batch of 100 in a few: 15 s without an answer
  // means it is stuck, and the agent, who sees the saved copy meanwhile, is told so (issue 7).
  const timeoutMs = deps.timeoutMs ?? 15_000;

  async function send(url: string, token: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await deps.fetch(url, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...init.headers },
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

  /**
   * One logical call: auth retry once, back-off retries, then parse. Repeatable writes are safe to
   * send again after a 5xx: a label created meanwhile answers 409, a modify applied twice changes
   * nothing, a draft updated twice holds the same content.
   */
  async function call<T>(method: GmailMethod<T>, path: string, query: URLSearchParams, schema: z.ZodMiniType<T>, write?: Write): Promise<T> {
    const url = `${GMAIL_API_BASE}/${path}${query.size ? `?${query}` : ''}`;
    const init: RequestInit = write
      ? { method: write.verb, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(write.body) }
      : {};
    let token = await deps.getAccessToken({ forceRefresh: false });
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const response = await send(url, token, init);
      const body = await readJson(response);
      if (response.ok) {
        const data = parsed(schema, body, response.status);
        // An answer of the wrong shape is not used: logged as a failure holding nothing.
        report(method, data instanceof GmailError ? [] : [data], data instanceof GmailError ? response.status : null);
        if (data instanceof GmailError) throw data;
        return data;
      }
      report(method, [], response.status);
      const error = errorFromResponse(response.status, body, response.headers.get('Retry-After'));
      if (error.kind === 'unauthorized' && !refreshed) {
        refreshed = true;
        token = await refreshAfter401();
        continue;
      }
      const mayRepeat = !write || write.repeatable || error.kind === 'rate-limited';
      const delay = mayRepeat ? retryDelayMs(error, attempt, policy, deps.random) : null;
      if (delay === null) throw error;
      await deps.sleep(delay);
    }
  }

  /**
   * The calls of one batch: one HTTP round trip for up to 100 reads, each part answered and counted
   * by Google on its own. Parts that hit a rate limit or a server error are sent again, alone, after
   * the back-off the retry policy gives (Retry-After first); a 401 refreshes the token once for all.
   * The outer request failing counts as every part failing with that error.
   */
  async function batch<T>(method: GmailMethod<T>, calls: readonly BatchCall[], schema: z.ZodMiniType<T>) {
    const results = new Map<string, T | GmailError>();
    let pending = calls;
    let token = await deps.getAccessToken({ forceRefresh: false });
    let refreshed = false;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const outcomes = await sendBatch(pending, token, schema);
      const again: BatchCall[] = [];
      let refresh = false;
      let delay = 0;
      const answered: (T | GmailError)[] = pending.map((batchCall) => outcomes.get(batchCall.id) ?? missingAnswer());
      // One report per HTTP request, not per part: a 100-thread batch is one access-log entry, one
      // write, and the log still shows every round trip (a retry of failed parts is its own entry).
      const data = answered.filter((outcome): outcome is T => !(outcome instanceof GmailError));
      report(method, data, answered.find((outcome) => outcome instanceof GmailError)?.status ?? null);
      for (const [index, batchCall] of pending.entries()) {
        const outcome = answered[index] ?? missingAnswer();
        if (!(outcome instanceof GmailError)) {
          results.set(batchCall.id, outcome);
        } else if (outcome.kind === 'unauthorized' && !refreshed) {
          refresh = true;
          again.push(batchCall);
        } else {
          const wait = retryDelayMs(outcome, attempt, policy, deps.random);
          if (wait === null) results.set(batchCall.id, outcome);
          else {
            delay = Math.max(delay, wait);
            again.push(batchCall);
          }
        }
      }
      if (refresh) {
        refreshed = true;
        token = await refreshAfter401();
      }
      if (delay > 0) await deps.sleep(delay);
      pending = again;
    }
    return results;
  }

  /** One batch HTTP request: each call's parsed data or error, by call id. */
  async function sendBatch<T>(calls: readonly BatchCall[], token: string, schema: z.ZodMiniType<T>) {
    const response = await send(GMAIL_BATCH_URL, token, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/mixed; boundary=${BATCH_BOUNDARY}` },
      body: batchBody(calls, BATCH_BOUNDARY),
    });
    const outcomes = new Map<string, T | GmailError>();
    const boundary = boundaryOf(response.headers.get('Content-Type'));
    if (!response.ok || !boundary) {
      const error = response.ok
        ? new GmailError('bad-response', 'Gmail answered the batch request without a multipart body', response.status, 'schema')
        : errorFromResponse(response.status, await readJson(response), response.headers.get('Retry-After'));
      for (const batchCall of calls) outcomes.set(batchCall.id, error);
      return outcomes;
    }
    for (const answer of parseBatchAnswers(await response.text(), boundary)) {
      outcomes.set(answer.id, outcomeOf(answer, schema));
    }
    return outcomes;
  }

  /** `failedStatus`: null when every answer held data, else the status of the (first) failure. */
  function report<T>(method: GmailMethod<T>, data: readonly T[], failedStatus: number | null): void {
    const items = data.reduce((sum, answer) => sum + method.items(answer), 0);
    deps.onCall?.({ method: method.id, category: method.category, items, ok: failedStatus === null, status: failedStatus ?? 200 });
  }

  async function batchedThreadReads(threadIds: readonly string[], query: URLSearchParams) {
    const calls = threadIds.map((threadId) => ({ id: threadId, path: `${API_PATH}/threads/${encodeURIComponent(threadId)}?${query}` }));
    const chunks = [];
    for (let start = 0; start < calls.length; start += MAX_BATCH_PARTS) chunks.push(calls.slice(start, start + MAX_BATCH_PARTS));
    const answers = await Promise.all(chunks.map((chunk) => batch(M.getThread, chunk, threadSchema)));
    return new Map(answers.flatMap((answer) => [...answer]));
  }

  return {
    /** The conversation card's view of a thread: all headers and attachment names, no bodies. */
    getThreadForCard(threadId: string): Promise<GmailThread> {
      const query = new URLSearchParams({ format: 'full', fields: THREAD_CARD_FIELDS });
      return call(M.getThread, `threads/${encodeURIComponent(threadId)}`, query, threadSchema);
    },
    getProfile(): Promise<GmailProfile> {
      return call(M.getProfile, 'profile', new URLSearchParams(), profileSchema);
    },
    /** One page of threads matching a Gmail search: ids and historyIds only. */
    listThreads(q: string, pageToken: string | undefined, maxResults: number): Promise<GmailThreadList> {
      const query = new URLSearchParams({ q, maxResults: String(maxResults), fields: THREAD_LIST_FIELDS });
      if (pageToken) query.set('pageToken', pageToken);
      return call(M.listThreads, 'threads', query, threadListSchema);
    },
    /** One page of the threads carrying a label (a case status): ids and historyIds only. */
    listThreadsWithLabel(labelId: string, pageToken: string | undefined, maxResults: number): Promise<GmailThreadList> {
      const query = new URLSearchParams({ labelIds: labelId, maxResults: String(maxResults), fields: THREAD_LIST_FIELDS });
      if (pageToken) query.set('pageToken', pageToken);
      return call(M.listThreads, 'threads', query, threadListSchema);
    },
    /** Threads for history rows (subject, dates, labels), in batches of up to 100: by thread id. */
    getThreadsForSummary(threadIds: readonly string[]): Promise<Map<string, GmailThread | GmailError>> {
      return batchedThreadReads(threadIds, THREAD_SUMMARY_QUERY);
    },
    /** Threads for queue rows (customer, sides, dates, labels), in batches of up to 100. */
    getThreadsForCase(threadIds: readonly string[]): Promise<Map<string, GmailThread | GmailError>> {
      return batchedThreadReads(threadIds, THREAD_CASE_QUERY);
    },
    async listLabels(): Promise<GmailLabel[]> {
      const answer = await call(M.listLabels, 'labels', new URLSearchParams({ fields: 'labels(id,name)' }), gmailLabelListSchema);
      return answer.labels ?? [];
    },
    createLabel(name: string): Promise<GmailLabel> {
      const body = { name, labelListVisibility: 'labelShow', messageListVisibility: 'show' };
      return call(M.createLabel, 'labels', new URLSearchParams(), gmailLabelSchema, { verb: 'POST', body, repeatable: true });
    },
    /** Adds and removes labels on every message of a thread in one request: never half-applied. */
    modifyThread(threadId: string, request: LabelModifyRequest): Promise<ModifiedThread> {
      const path = `threads/${encodeURIComponent(threadId)}/modify`;
      return call(M.modifyThread, path, new URLSearchParams(), modifiedThreadSchema, {
        verb: 'POST',
        body: { ...request },
        repeatable: true,
      });
    },
    /** What a reply needs: each message's sender, recipients, subject and threading ids, no bodies. */
    getThreadForReply(threadId: string): Promise<GmailThread> {
      return call(M.getThread, `threads/${encodeURIComponent(threadId)}`, THREAD_REPLY_QUERY, threadSchema);
    },
    /** A new draft from a raw RFC 5322 message (base64url), put in `threadId` if it threads there. */
    createDraft(threadId: string, raw: string): Promise<GmailDraft> {
      const body = { message: { raw, threadId } };
      return call(M.createDraft, 'drafts', new URLSearchParams({ fields: DRAFT_FIELDS }), draftSchema, { verb: 'POST', body, repeatable: false });
    },
    /** Replaces a draft's content: same draft id, a new message id. */
    updateDraft(draftId: string, threadId: string, raw: string): Promise<GmailDraft> {
      const body = { id: draftId, message: { raw, threadId } };
      const path = `drafts/${encodeURIComponent(draftId)}`;
      return call(M.updateDraft, path, new URLSearchParams({ fields: DRAFT_FIELDS }), draftSchema, { verb: 'PUT', body, repeatable: true });
    },
    /** A draft's ids only: a 404 means it was sent or deleted. */
    getDraft(draftId: string): Promise<GmailDraft> {
      const query = new URLSearchParams({ format: 'minimal', fields: DRAFT_FIELDS });
      return call(M.getDraft, `drafts/${encodeURIComponent(draftId)}`, query, draftSchema);
    },
    /** One page of the mailbox's changes since `startHistoryId`; a too-old id answers 404. */
    listHistory(startHistoryId: string, pageToken: string | undefined): Promise<GmailHistoryList> {
      const query = new URLSearchParams({ startHistoryId, maxResults: '500', fields: HISTORY_FIELDS });
      if (pageToken) query.set('pageToken', pageToken);
      return call(M.listHistory, 'history', query, historyListSchema);
    },
  };

}

/** Gmail's answer as data, or a specific error naming what in it was wrong. */
function parsed<T>(schema: z.ZodMiniType<T>, body: unknown, status: number): T | GmailError {
  try {
    const result = schema.safeParse(body, { error: englishIssues });
    return result.success ? result.data : new GmailError('bad-response', describeIssues(result.error), status, 'schema');
  } catch {
    // zod walks message parts recursively: parts nested a few thousand deep overflow the stack
    // (issue 7). Such an answer is as unusable as a malformed one, and must fail the same way.
    return new GmailError('bad-response', "Gmail's answer was nested too deeply to read", status, 'schema');
  }
}

/** One part of a batch answer as data or a typed error, like a single call's answer. */
function outcomeOf<T>(answer: BatchAnswer, schema: z.ZodMiniType<T>): T | GmailError {
  if (answer.status < 200 || answer.status > 299) {
    return errorFromResponse(answer.status, answer.body, answer.headers.get('retry-after') ?? null);
  }
  return parsed(schema, answer.body, answer.status);
}

function missingAnswer(): GmailError {
  return new GmailError('bad-response', "Gmail's batch answer had no part for this call", 0, 'schema');
}

/** A short, specific description of what in Gmail's answer was wrong (for the UI and the logs). */
function describeIssues(error: z.core.$ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return `Gmail's answer did not have the expected shape (${issues.join('; ')})`;
}
