import { describe, expect, it } from 'vitest';
import { conversationSchema } from '../../../utils/mail/conversation-schema';
import { toConversation } from '../../../utils/mail/conversation';
import type { WaitingState } from '../../../utils/mail/types';
import { buildThread, leaf, multipart, type MessageSpec } from './thread-builder';

const AGENT = 'support@acme.com';
const SENT = ['SENT'];
const DRAFT = ['DRAFT'];
const fromCustomer = (at: number): MessageSpec => ({ at, from: 'Jane <jane@client.com>', to: AGENT });
const fromAgent = (at: number): MessageSpec => ({ at, from: AGENT, to: 'jane@client.com', labels: SENT });
const fromColleague = (at: number): MessageSpec => ({ at, from: 'bob@acme.com', to: AGENT });
const convert = (messages: MessageSpec[]) => conversationSchema.parse(toConversation(buildThread(messages), AGENT));

describe('toConversation', () => {
  it('builds the view model of a metadata-format thread', () => {
    const thread = buildThread(
      [
        { ...fromCustomer(1000), subject: '=?UTF-8?Q?Pedido_n=C2=BA_12_=E2=80=94_atraso?=', cc: 'Ann <ann@client.com>' },
        { ...fromAgent(2000), subject: 'Re: Pedido nº 12 — atraso', cc: 'ann@client.com, bob@acme.com' },
      ],
      { id: '15f1123136926bff', historyId: '98765' },
    );
    expect(toConversation(thread, AGENT)).toEqual({
      threadId: '15f1123136926bff',
      historyId: '98765',
      subject: 'Pedido nº 12 — atraso',
      messageCount: 2,
      customer: { name: 'Jane', email: 'jane@client.com', domain: 'client.com' },
      participants: [
        { name: 'Jane', email: 'jane@client.com' },
        { name: '', email: 'support@acme.com' },
        { name: 'Ann', email: 'ann@client.com' },
        { name: '', email: 'bob@acme.com' },
      ],
      attachments: [],
      waiting: { state: 'answered', at: 2000 },
      lastMessageAt: 2000,
      labelIds: ['INBOX', 'SENT'],
      timeline: [
        { at: 1000, fromCustomer: true },
        { at: 2000, fromCustomer: false },
      ],
    });
  });

  it('gives an empty historyId when Gmail sent none', () => {
    expect(convert([fromCustomer(1)]).historyId).toBe('');
  });

  it.each<[string, MessageSpec[], string]>([
    ['the first message that has one', [fromCustomer(1), { ...fromAgent(2), subject: 'Re: Help' }], 'Re: Help'],
    ['a blank subject skipped', [{ ...fromCustomer(1), subject: '  ' }, { ...fromAgent(2), subject: 'Hi' }], 'Hi'],
    ['nothing stripped', [{ ...fromCustomer(1), subject: 'Re: Fwd:  Help ' }], 'Re: Fwd:  Help '],
    ['a folded subject unfolded', [{ ...fromCustomer(1), subject: 'Long\r\n subject' }], 'Long subject'],
    ['none at all', [fromCustomer(1)], ''],
    ['a draft-only thread', [{ ...fromAgent(1), labels: DRAFT, subject: 'Draft' }], 'Draft'],
  ])('takes the subject of %s', (_, messages, subject) => {
    expect(convert(messages).subject).toBe(subject);
  });

  it('reads a lowercase subject header', () => {
    expect(convert([{ ...fromCustomer(1), headers: [{ name: 'subject', value: 'Hello' }] }]).subject).toBe('Hello');
  });

  it('ignores drafts in counts, participants and dates', () => {
    const conversation = convert([
      fromCustomer(1),
      { at: 9, from: AGENT, to: 'jane@client.com', cc: 'draft@else.com', labels: DRAFT },
    ]);
    expect(conversation.messageCount).toBe(1);
    expect(conversation.participants.map((p) => p.email)).not.toContain('draft@else.com');
    expect(conversation.lastMessageAt).toBe(1);
    expect(conversation.waiting).toEqual({ state: 'waiting', since: 1 });
  });

  it('lists participants once each, with the first name any header gives', () => {
    const participants = convert([
      { at: 1, from: 'jane@client.com', to: AGENT, replyTo: 'JANE@client.com' },
      { at: 2, from: 'Support <support@acme.com>', to: 'Jane Doe <jane@client.com>', labels: SENT },
    ]).participants;
    expect(participants).toEqual([
      { name: 'Jane Doe', email: 'jane@client.com' },
      { name: 'Support', email: 'support@acme.com' },
    ]);
  });

  it('has no customer, participants aside, in an internal thread', () => {
    const conversation = convert([fromColleague(1), { at: 2, from: AGENT, to: 'bob@acme.com', labels: SENT }]);
    expect(conversation.customer).toBeNull();
    expect(conversation.waiting).toEqual({ state: 'none' });
  });

  it('handles a thread made only of drafts', () => {
    const conversation = convert([{ ...fromAgent(5), labels: DRAFT }]);
    expect(conversation).toMatchObject({ messageCount: 0, participants: [], customer: null, lastMessageAt: 0 });
    expect(conversation.waiting).toEqual({ state: 'none' });
  });
});

describe('waiting state', () => {
  it.each<[string, MessageSpec[], WaitingState]>([
    ['waiting since the only customer message', [fromCustomer(100)], { state: 'waiting', since: 100 }],
    ['waiting since the first of several unanswered', [fromCustomer(100), fromCustomer(200)], { state: 'waiting', since: 100 }],
    [
      'waiting since the first message after the last answer',
      [fromCustomer(100), fromAgent(200), fromCustomer(300), fromCustomer(400)],
      { state: 'waiting', since: 300 },
    ],
    ['answered when the agent wrote last', [fromCustomer(100), fromAgent(200)], { state: 'answered', at: 200 }],
    ['answered by a colleague', [fromCustomer(100), { at: 200, from: 'bob@acme.com', to: 'jane@client.com' }], { state: 'answered', at: 200 }],
    [
      'answered whatever the order Gmail listed them in',
      [fromAgent(200), fromCustomer(100)],
      { state: 'answered', at: 200 },
    ],
    ['still waiting when the answer is only a draft', [fromCustomer(100), { ...fromAgent(200), labels: DRAFT }], { state: 'waiting', since: 100 }],
    [
      'waiting after a contact form from the own domain',
      [{ at: 100, from: 'wordpress@acme.com', replyTo: 'jane@client.com', to: AGENT }],
      { state: 'waiting', since: 100 },
    ],
    ['none for an agent-initiated thread without reply', [fromAgent(100)], { state: 'none' }],
    ['waiting once the customer replies to the agent', [fromAgent(100), fromCustomer(200)], { state: 'waiting', since: 200 }],
    ['none for an internal thread', [fromColleague(100)], { state: 'none' }],
  ])('is %s', (_, messages, expected) => {
    expect(convert(messages).waiting).toEqual(expected);
  });
});

describe('attachments', () => {
  const fullMessage: MessageSpec = {
    ...fromCustomer(1),
    parts: [
      multipart('multipart/related', [
        multipart('multipart/alternative', [leaf('text/plain'), leaf('text/html')]),
        leaf('image/png', 'screenshot.png', 20480),
      ]),
      leaf('application/pdf', 'invoice.pdf', 1468006),
      leaf('text/plain', '=?UTF-8?Q?rel=C3=A1torio.txt?=', 12),
    ],
  };

  it('finds parts with a filename at any depth, in document order', () => {
    const thread = buildThread([fullMessage]);
    const messageId = thread.messages[0]?.id ?? '';
    expect(toConversation(thread, AGENT).attachments).toEqual([
      { filename: 'screenshot.png', mimeType: 'image/png', size: 20480, messageId },
      { filename: 'invoice.pdf', mimeType: 'application/pdf', size: 1468006, messageId },
      { filename: 'relátorio.txt', mimeType: 'text/plain', size: 12, messageId },
    ]);
  });

  it('finds none in a metadata-format thread', () => {
    expect(convert([fromCustomer(1)]).attachments).toEqual([]);
  });

  it('ignores the attachments of drafts', () => {
    expect(convert([{ ...fullMessage, labels: DRAFT }]).attachments).toEqual([]);
  });

  it('survives a hostile, deeply nested message', () => {
    let part = leaf('application/zip', 'deep.zip', 1);
    for (let depth = 0; depth < 20000; depth++) part = multipart('multipart/mixed', [part]);
    const thread = buildThread([fromCustomer(1)]);
    const message = thread.messages[0];
    if (message?.payload === undefined) throw new Error('builder gave no payload');
    message.payload.parts = [part];
    expect(toConversation(thread, AGENT).attachments.map((a) => a.filename)).toEqual(['deep.zip']);
  });
});
