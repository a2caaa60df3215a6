/**
 * The conversation card and the history row from any thread Gmail's schema lets through (issue 7 ›
 * 4): no exception, and a result the cache will read back — a view model that fails
 * conversationSchema would be dropped as corrupt on every visit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { threadSummarySchema } from '../../../utils/history/schemas';
import { toThreadSummary } from '../../../utils/history/summary';
import type { GmailMessage } from '../../../utils/gmail/schemas';
import { MAX_ATTACHMENTS_PER_MESSAGE, attachmentsOf } from '../../../utils/mail/attachments';
import { toConversation } from '../../../utils/mail/conversation';
import { conversationSchema } from '../../../utils/mail/conversation-schema';
import { decodeHeaderValue } from '../../../utils/mail/encoded-words';
import { isDraft, nonDraftOldestFirst } from '../../../utils/mail/messages';
import { AGENT_EMAIL, partsInOrder, thread } from './arbitrary-thread';

const agent = fc.constantFrom(AGENT_EMAIL, 'AGENT@support.example', 'lead@gmail.com', '', 'not an address');

describe('toConversation on any schema-valid thread', () => {
  it('gives a conversation the cache accepts (property)', () => {
    fc.assert(
      fc.property(thread, agent, (gmailThread, agentEmail) => {
        const conversation = toConversation(gmailThread, agentEmail);
        expect(conversationSchema.safeParse(conversation).error).toBeUndefined();
        expect(conversation.messageCount).toBe(gmailThread.messages.filter((m) => !isDraft(m)).length);
        expect(new Set(conversation.labelIds).size).toBe(conversation.labelIds.length);
      }),
    );
  });

  it('names people by lowercase addresses with one @, each once; the customer is one of them (property)', () => {
    fc.assert(
      fc.property(thread, agent, (gmailThread, agentEmail) => {
        const { participants, customer } = toConversation(gmailThread, agentEmail);
        for (const person of participants) expect(person.email).toMatch(/^[^@\sA-Z]+@[^@\sA-Z]+$/);
        expect(new Set(participants.map((p) => p.email)).size).toBe(participants.length);
        if (customer !== null) {
          expect(participants.map((p) => p.email)).toContain(customer.email);
          expect(customer.domain).toBe(customer.email.slice(customer.email.indexOf('@') + 1));
        }
      }),
    );
  });

  it('lists the parts with a filename, in document order, of the messages that are not drafts, oldest first, up to the cap per message (property)', () => {
    fc.assert(
      fc.property(thread, (gmailThread) => {
        const named = (m: GmailMessage) =>
          partsInOrder(m.payload)
            .map((p) => ({ name: decodeHeaderValue(p.filename ?? '').trim(), messageId: m.id }))
            .filter((p) => p.name !== '')
            .slice(0, MAX_ATTACHMENTS_PER_MESSAGE);
        const expected = nonDraftOldestFirst(gmailThread.messages).flatMap(named);
        const attachments = toConversation(gmailThread, AGENT_EMAIL).attachments;
        expect(attachments.map((a) => ({ name: a.filename, messageId: a.messageId }))).toEqual(expected);
      }),
    );
  });
});

describe('toThreadSummary on any schema-valid thread', () => {
  it('gives a summary the history accepts, first contact no later than the last (property)', () => {
    fc.assert(
      fc.property(thread, (gmailThread) => {
        const summary = toThreadSummary(gmailThread);
        expect(threadSummarySchema.safeParse(summary).error).toBeUndefined();
        expect(summary.firstMessageAt).toBeLessThanOrEqual(summary.lastMessageAt);
      }),
    );
  });
});

describe('attachmentsOf a MIME tree nested thousands deep', () => {
  it('walks it without overflowing the stack, and finds the one attachment at the bottom', () => {
    let payload: { mimeType: string; filename?: string; parts?: unknown[] } = { mimeType: 'image/png', filename: 'deep.png' };
    for (let depth = 0; depth < 50_000; depth++) payload = { mimeType: 'multipart/mixed', parts: [payload] };
    const message = { id: 'ab', threadId: 'ab', internalDate: '1', payload } as Parameters<typeof attachmentsOf>[0];
    expect(attachmentsOf(message).map((a) => a.filename)).toEqual(['deep.png']);
  });
});
