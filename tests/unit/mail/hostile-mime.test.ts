/**
 * Issue 7: hostile MIME on the way in. The fake Gmail nests payload.parts as deep as the message's
 * MIME is, as Gmail does; the card's read (the real client and its fields mask, then
 * toConversation) stays bounded whatever the depth, never fetches a body, and lists the
 * attachments that sit within CARD_PART_DEPTH levels.
 */
import { describe, expect, it } from 'vitest';
import { CARD_PART_DEPTH, createGmailClient } from '../../../utils/gmail/client';
import type { GmailMessagePart } from '../../../utils/gmail/schemas';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../../../utils/mail/attachments';
import { toConversation } from '../../../utils/mail/conversation';
import type { SeedMessage } from '../../fake-google/index.ts';
import { call, READONLY, signIn, useSeededFake } from '../fake-google/helpers.ts';
import { buildThread, leaf } from './thread-builder';

const AGENT = 'agent@support.example';
const CUSTOMER = 'Eve <eve@hostile.example>';
const THREAD = '19b0000000000001';
const fake = useSeededFake({ accounts: [{ email: AGENT, name: 'Ana Agent', threads: [] }] });

/** A customer's message whose one attachment sits `nesting` multiparts below the usual place. */
function nestedMessage(filename: string, nesting: number, minutes: number): SeedMessage {
  const date = Date.UTC(2026, 10, 20, 9, minutes);
  return { from: CUSTOMER, to: AGENT, subject: 'Deep', date, text: 'Nested.', nesting, attachments: [{ filename, mimeType: 'application/pdf', size: 10 }] };
}

/** The real Gmail client, talking HTTPS to the fake. */
async function cardClient() {
  const token = await signIn(fake.fake, AGENT, READONLY);
  const bodies: string[] = [];
  const client = createGmailClient({
    fetch: async (input) => {
      const url = new URL(String(input));
      const reply = await call(fake.fake, url.host, `${url.pathname}${url.search}`, { token });
      bodies.push(reply.text);
      return new Response(reply.text, { status: reply.status, headers: { 'Content-Type': reply.headers['content-type'] ?? '' } });
    },
    getAccessToken: async () => token,
    sleep: async () => {},
    random: () => 0.5,
  });
  return { client, bodies };
}

/** How many levels of parts lie under the payload, counted without recursion. */
function depthOf(payload: GmailMessagePart): number {
  let depth = 0;
  for (let part = payload.parts?.[0]; part !== undefined; part = part.parts?.[0]) depth++;
  return depth;
}

describe('a message nested hundreds of multiparts deep', () => {
  it('is served by the fake as deep as its MIME, like Gmail', () => {
    fake.fake.control.addThread(AGENT, { id: THREAD, messages: [nestedMessage('bottom.pdf', 200, 0)] });
    const [message] = fake.fake.control.mailbox(AGENT).threads.find((t) => t.id === THREAD)?.messages ?? [];
    // The payload is the outermost of the 200; under it 199 more, the multipart/mixed around body
    // and attachment, then the body and the attachment themselves.
    expect(depthOf(message!.payload)).toBe(201);
  });

  it('reaches the card bounded: the read stops at CARD_PART_DEPTH and lists only what is within it', async () => {
    // An attachment of a message nested n deep lies n + 1 levels under the payload.
    const within = CARD_PART_DEPTH - 1;
    fake.fake.control.addThread(AGENT, {
      id: THREAD,
      messages: [nestedMessage('bottom.pdf', 200, 0), nestedMessage('just-below.pdf', within + 1, 1), nestedMessage('forwarded.pdf', within, 2)],
    });
    const { client } = await cardClient();
    const thread = await client.getThreadForCard(THREAD);
    expect(thread.messages.map((message) => depthOf(message.payload!))).toEqual([CARD_PART_DEPTH, CARD_PART_DEPTH, CARD_PART_DEPTH]);
    expect(toConversation(thread, AGENT).attachments.map((a) => a.filename)).toEqual(['forwarded.pdf']);
  });
});

describe('a 2 MB HTML body', () => {
  it('never reaches the extension: the card reads sizes and names, no body data', async () => {
    const line = `<div onmouseover="top.__pwned('html')"><img src=x onerror="top.__pwned('img')">Hello</div>\n`;
    const html = line.repeat(Math.ceil((2 * 1024 * 1024) / line.length));
    fake.fake.control.addThread(AGENT, { id: THREAD, messages: [{ from: CUSTOMER, to: AGENT, subject: 'Big', text: 'Hi', html }] });
    const { client, bodies } = await cardClient();
    const conversation = toConversation(await client.getThreadForCard(THREAD), AGENT);
    expect(conversation.subject).toBe('Big');
    expect(bodies.join('')).not.toContain('"data"');
    expect(bodies.join('').length).toBeLessThan(4_000);
  });
});

describe('a message of thousands of tiny named parts', () => {
  it(`lists its first ${MAX_ATTACHMENTS_PER_MESSAGE}, in document order`, () => {
    const parts = Array.from({ length: 5_000 }, (_, i) => leaf('text/plain', `part-${i}.txt`, 1));
    const thread = buildThread([{ at: Date.UTC(2026, 10, 20), from: CUSTOMER, to: AGENT, parts }]);
    const listed = toConversation(thread, AGENT).attachments.map((a) => a.filename);
    expect(listed).toEqual(Array.from({ length: MAX_ATTACHMENTS_PER_MESSAGE }, (_, i) => `part-${i}.txt`));
  });
});
