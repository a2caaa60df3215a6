/**
 * Issue 7 › 4: whatever a 200 answer holds — any JSON, text that is no JSON, a valid answer with one
 * field broken, parts nested thousands deep — every client method gives data of the documented
 * shape or a GmailError('bad-response'). Nothing else may escape: the panel shows a typed error,
 * and the caller, which caches only data, leaves the cache as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import { gmailLabelListSchema, gmailLabelSchema } from '../../../utils/cases/labels';
import type { GmailClient } from '../../../utils/gmail/client';
import { GmailError } from '../../../utils/gmail/errors';
import { draftSchema, historyListSchema, modifiedThreadSchema, profileSchema, threadListSchema, threadSchema } from '../../../utils/gmail/schemas';
import { GMAIL_BATCH_URL } from '../../../utils/google/endpoints';
import { THREAD_ID, clientWith, validThread } from './fake-gmail';

/** A fetch answering 200 with `text` to every call; a batch gets it as the body of each part. */
function answering(text: string): typeof fetch {
  return async (input, init) => {
    if (String(input) !== GMAIL_BATCH_URL) return new Response(text, { status: 200, headers: { 'Content-Type': 'application/json' } });
    const ids = [...String(init?.body ?? '').matchAll(/Content-ID: <([^>]+)>/g)].map((match) => match[1]);
    const parts = ids.map((id) => `--b\r\nContent-ID: <response-${id}>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${text}\r\n`);
    return new Response(`${parts.join('')}--b--\r\n`, { status: 200, headers: { 'Content-Type': 'multipart/mixed; boundary=b' } });
  };
}

interface Method {
  name: string;
  valid: unknown;
  schema: z.ZodMiniType;
  /** The method's answer, as the schema describes it (listLabels unwraps its list). */
  call: (client: GmailClient) => Promise<unknown>;
}

const draft = { id: 'r-123', message: { id: THREAD_ID, threadId: THREAD_ID, labelIds: ['DRAFT'] } };
const labelRef = { message: { id: THREAD_ID, threadId: THREAD_ID, labelIds: ['INBOX'] } };

const METHODS: Method[] = [
  { name: 'getThreadForCard', valid: validThread, schema: threadSchema, call: (c) => c.getThreadForCard(THREAD_ID) },
  { name: 'getThreadForReply', valid: validThread, schema: threadSchema, call: (c) => c.getThreadForReply(THREAD_ID) },
  { name: 'getProfile', valid: { emailAddress: 'agent@support.example', historyId: '7' }, schema: profileSchema, call: (c) => c.getProfile() },
  { name: 'listThreads', valid: { threads: [{ id: THREAD_ID, historyId: '9' }], nextPageToken: 'p' }, schema: threadListSchema, call: (c) => c.listThreads('from:"a@b.example"', undefined, 500) },
  { name: 'listThreadsWithLabel', valid: { threads: [{ id: THREAD_ID }] }, schema: threadListSchema, call: (c) => c.listThreadsWithLabel('Label_1', 'p', 500) },
  { name: 'listLabels', valid: { labels: [{ id: 'Label_1', name: 'iCustomer/Status/Open' }] }, schema: gmailLabelListSchema, call: async (c) => ({ labels: await c.listLabels() }) },
  { name: 'createLabel', valid: { id: 'Label_1', name: 'iCustomer/Status/Open' }, schema: gmailLabelSchema, call: (c) => c.createLabel('iCustomer/Status/Open') },
  { name: 'modifyThread', valid: { id: THREAD_ID, messages: [{ id: THREAD_ID, labelIds: ['INBOX'] }] }, schema: modifiedThreadSchema, call: (c) => c.modifyThread(THREAD_ID, { addLabelIds: ['Label_1'], removeLabelIds: [] }) },
  { name: 'createDraft', valid: draft, schema: draftSchema, call: (c) => c.createDraft(THREAD_ID, 'UmF3') },
  { name: 'updateDraft', valid: draft, schema: draftSchema, call: (c) => c.updateDraft('r-123', THREAD_ID, 'UmF3') },
  { name: 'getDraft', valid: draft, schema: draftSchema, call: (c) => c.getDraft('r-123') },
  { name: 'listHistory', valid: { history: [{ labelsAdded: [labelRef] }], historyId: '8' }, schema: historyListSchema, call: (c) => c.listHistory('7', undefined) },
  { name: 'getThreadsForSummary', valid: validThread, schema: threadSchema, call: async (c) => (await c.getThreadsForSummary([THREAD_ID])).get(THREAD_ID) },
  { name: 'getThreadsForCase', valid: validThread, schema: threadSchema, call: async (c) => (await c.getThreadsForCase([THREAD_ID])).get(THREAD_ID) },
];

/** `value` with the node `path` leads to (each step picks a key modulo the keys there) replaced; undefined deletes it. */
function mutate(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const keys = Object.keys(value);
  const [step = 0, ...rest] = path;
  const key = keys[step % Math.max(keys.length, 1)];
  if (key === undefined) return replacement;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...value }) as Record<string, unknown>;
  const next = mutate(copy[key], rest, replacement);
  if (next === undefined) delete copy[key];
  else copy[key] = next;
  return copy;
}

/** Any JSON, any text, and valid answers with one node replaced by any JSON or removed. */
const bodyFor = (valid: unknown): fc.Arbitrary<string> =>
  fc.oneof(
    fc.jsonValue().map((json) => JSON.stringify(json)),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc
      .tuple(fc.array(fc.nat(), { maxLength: 6 }), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)))
      .map(([path, replacement]) => JSON.stringify(mutate(valid, path, replacement)) ?? ''),
  );

/** A thread whose payload nests `depth` multipart parts, written as text: JSON.stringify itself would overflow. */
function deeplyNestedThread(depth: number): string {
  const payload = `${'{"mimeType":"multipart/mixed","parts":['.repeat(depth)}{"filename":"x.png"}${']}'.repeat(depth)}`;
  return `{"id":"${THREAD_ID}","messages":[{"id":"${THREAD_ID}","threadId":"${THREAD_ID}","internalDate":"1","payload":${payload}}]}`;
}

/** 'data' when the answer has the method's shape; fails the test on any error but a GmailError('bad-response'). */
async function outcomeOf(answer: Promise<unknown>, schema: z.ZodMiniType | null): Promise<'data' | 'bad-response'> {
  try {
    const data = await answer;
    if (data instanceof GmailError) throw data;
    if (schema !== null) expect(schema.safeParse(data).success).toBe(true);
    return 'data';
  } catch (error) {
    expect(error).toBeInstanceOf(GmailError);
    expect((error as GmailError).kind).toBe('bad-response');
    return 'bad-response';
  }
}

describe.each(METHODS)('$name, whatever a 200 answer holds', ({ valid, schema, call }) => {
  it('gives data of its shape or a bad-response GmailError (property)', async () => {
    await fc.assert(
      fc.asyncProperty(bodyFor(valid), async (text) => {
        await outcomeOf(call(clientWith(answering(text)).client), schema);
      }),
    );
  });

  it('takes the valid answer as data', async () => {
    expect(await outcomeOf(call(clientWith(answering(JSON.stringify(valid))).client), schema)).toBe('data');
  });
});

describe('a thread nested thousands of parts deep', () => {
  it.each([
    ['getThreadForCard', (c: GmailClient) => c.getThreadForCard(THREAD_ID)],
    ['getThreadsForCase', async (c: GmailClient) => (await c.getThreadsForCase([THREAD_ID])).get(THREAD_ID)],
  ])('is refused as a bad response by %s, not a stack overflow', async (_, call) => {
    const error = await call(clientWith(answering(deeplyNestedThread(20_000))).client).then(
      (data) => data,
      (rejected: unknown) => rejected,
    );
    expect(error).toBeInstanceOf(GmailError);
    expect(error).toMatchObject({ kind: 'bad-response', reason: 'schema' });
  });

  it('gives data or a bad-response GmailError at any depth (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6_000 }), async (depth) => {
        await outcomeOf(clientWith(answering(deeplyNestedThread(depth))).client.getThreadForCard(THREAD_ID), null);
      }),
      { numRuns: 20 },
    );
  });
});
