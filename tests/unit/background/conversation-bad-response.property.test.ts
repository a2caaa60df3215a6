/**
 * Issue 7 › 4: a Gmail answer that violates the schema, refreshing a conversation already cached,
 * fails as GmailError('bad-response') — which the panel shows as its own error — and leaves every
 * store exactly as it was: the cached card stays readable, nothing half-written appears.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createConversationService } from '../../../utils/background/conversation-service';
import { toAppError } from '../../../utils/background/app-errors';
import { DEFAULT_SLA_HOURS } from '../../../utils/cases/sla';
import { writeThread } from '../../../utils/db/repositories';
import { threadSchema } from '../../../utils/gmail/schemas';
import { toConversation } from '../../../utils/mail/conversation';
import { freshDb, resetDb, untyped } from '../db/db-helpers';
import { THREAD_ID, clientWith, validThread } from '../gmail/fake-gmail';

const ACCOUNT = 'agent@support.example';

beforeEach(resetDb);

async function everyRecord(): Promise<Record<string, unknown[]>> {
  const db = untyped(await freshDb());
  const stores = Array.from(db.objectStoreNames);
  return Object.fromEntries(await Promise.all(stores.map(async (store) => [store, await db.getAll(store)] as const)));
}

function serviceAnswering(text: string) {
  const { client } = clientWith(async () => new Response(text, { status: 200, headers: { 'Content-Type': 'application/json' } }));
  return createConversationService({
    db: freshDb,
    gmailFor: () => client,
    now: () => 1_800_000_000_000,
    caseOf: async () => ({ status: null, priority: null, editable: false, slaHours: DEFAULT_SLA_HOURS }),
    ensureLabels: async () => {},
  });
}

/** Answers that are JSON but not a thread: any JSON, or the valid thread with one field broken. */
const notAThread = fc
  .oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record({ id: fc.jsonValue({ maxDepth: 1 }), messages: fc.constant(validThread.messages) }),
    fc.jsonValue({ maxDepth: 1 }).map((internalDate) => ({ ...validThread, messages: [{ ...validThread.messages[0], internalDate }] })),
  )
  .filter((body) => !threadSchema.safeParse(body).success);

describe('a conversation refreshed from an answer that is not a thread', () => {
  it('rejects with a bad-response error shown as such, and leaves the cache as it was (property)', async () => {
    await fc.assert(
      fc.asyncProperty(notAThread, async (body) => {
        await resetDb();
        await writeThread(await freshDb(), ACCOUNT, toConversation(threadSchema.parse(validThread), ACCOUNT), 1_700_000_000_000);
        const before = await everyRecord();
        const service = serviceAnswering(JSON.stringify(body));
        const error = await service.fromNetwork(ACCOUNT, THREAD_ID).then(() => null, (rejected: unknown) => rejected);
        expect(error).toMatchObject({ name: 'GmailError', kind: 'bad-response' });
        expect(toAppError(error).code).toBe('bad-response');
        expect(await everyRecord()).toEqual(before);
        expect((await service.fromCache(ACCOUNT, THREAD_ID))?.conversation.threadId).toBe(THREAD_ID);
      }),
      { numRuns: 30 },
    );
  });
});
