import { describe, expect, it } from 'vitest';
import { isInternal, isNoReplyAddress, likelyCustomer, pickCustomer } from '../../../utils/mail/customer';
import { buildThread, type MessageSpec } from './thread-builder';

const AGENT = 'support@acme.com';
const SENT = ['SENT'];
const customerOf = (messages: MessageSpec[], agent = AGENT) => pickCustomer(buildThread(messages).messages, agent);

describe('isNoReplyAddress', () => {
  it.each([
    ['noreply@x.com', true],
    ['no-reply@x.com', true],
    ['No_Reply@X.com', true],
    ['donotreply@x.com', true],
    ['do-not-reply@x.com', true],
    ['forms-receipts-noreply@google.com', true],
    ['noreply+abc@x.com', true],
    ['wordpress@shop.com', true],
    ['contact-form@shop.com', true],
    ['notifications@github.com', true],
    ['mailer-daemon@googlemail.com', true],
    ['jane@x.com', false],
    ['support@x.com', false],
    ['contact@x.com', false],
    ['reply@x.com', false],
    ['', false],
  ])('isNoReplyAddress(%j) is %s', (email, expected) => {
    expect(isNoReplyAddress(email)).toBe(expected);
  });
});

describe('isInternal', () => {
  it.each([
    ['the agent', 'support@acme.com', AGENT, true],
    ['the agent, other case', 'Support@ACME.com', AGENT, true],
    ['a colleague', 'bob@acme.com', AGENT, true],
    ['a customer', 'jane@client.com', AGENT, false],
    ['a subdomain', 'jane@eu.acme.com', AGENT, false],
    ['a look-alike domain', 'jane@notacme.com', AGENT, false],
    ['the agent on Gmail', 'me@gmail.com', 'me@gmail.com', true],
    ['another Gmail user', 'friend@gmail.com', 'me@gmail.com', false],
    ['another Outlook user', 'friend@outlook.com', 'me@outlook.com', false],
    ['another UOL user', 'friend@uol.com.br', 'me@uol.com.br', false],
    ['an empty address', '', AGENT, false],
    ['anyone, when the agent is unknown', 'jane@client.com', '', false],
  ])('%s', (_, email, agent, expected) => {
    expect(isInternal(email, agent)).toBe(expected);
  });
});

describe('pickCustomer', () => {
  it.each<[string, MessageSpec[], string | null]>([
    ['the sender of a customer-initiated thread', [{ at: 1, from: 'Jane <jane@client.com>', to: AGENT }], 'jane@client.com'],
    [
      'the Reply-To of an external contact form',
      [{ at: 1, from: 'Site <noreply@forms.io>', replyTo: 'Jane <jane@client.com>', to: AGENT }],
      'jane@client.com',
    ],
    [
      "the Reply-To of a form sending from the agent's own domain",
      [{ at: 1, from: 'WordPress <wordpress@acme.com>', replyTo: 'jane@client.com', to: AGENT }],
      'jane@client.com',
    ],
    [
      'the From when the sender is a person, despite a Reply-To',
      [{ at: 1, from: 'jane@client.com', replyTo: 'jane.private@home.net', to: AGENT }],
      'jane@client.com',
    ],
    [
      'the customer, not a colleague in Cc',
      [
        { at: 1, from: 'jane@client.com', to: AGENT, cc: 'bob@acme.com' },
        { at: 2, from: AGENT, to: 'jane@client.com', cc: 'bob@acme.com', labels: SENT },
      ],
      'jane@client.com',
    ],
    [
      'the external To of an agent-initiated thread',
      [{ at: 1, from: AGENT, to: 'jane@client.com', labels: SENT }],
      'jane@client.com',
    ],
    [
      'the external Cc when the To is a colleague',
      [{ at: 1, from: AGENT, to: 'bob@acme.com', cc: 'Jane <jane@client.com>', labels: SENT }],
      'jane@client.com',
    ],
    [
      'the earliest candidate when others join later',
      [
        { at: 1, from: 'jane@client.com', to: AGENT },
        { at: 2, from: AGENT, to: 'jane@client.com, boss@client.com', labels: SENT },
        { at: 3, from: 'boss@client.com', to: AGENT },
      ],
      'jane@client.com',
    ],
    [
      'the earliest by date, whatever the order Gmail listed them in',
      [
        { at: 5, from: 'late@client.com', to: AGENT },
        { at: 1, from: 'early@client.com', to: AGENT },
      ],
      'early@client.com',
    ],
    [
      'nobody from a draft',
      [
        { at: 1, from: AGENT, to: 'draft@else.com', labels: ['DRAFT'] },
        { at: 2, from: 'jane@client.com', to: AGENT },
      ],
      'jane@client.com',
    ],
    [
      "the agent's correspondent, not the no-reply sender before",
      [
        { at: 1, from: 'noreply@forms.io', to: AGENT },
        { at: 2, from: AGENT, to: 'jane@client.com', labels: SENT },
      ],
      'jane@client.com',
    ],
    ['a no-reply sender when there is nobody else', [{ at: 1, from: 'notifications@github.com', to: AGENT }], 'notifications@github.com'],
    [
      'the sender when an alias of the agent is on another domain',
      [{ at: 1, from: 'help@acme-support.com', to: 'jane@client.com', labels: SENT }],
      'jane@client.com',
    ],
    [
      'nobody in an internal thread',
      [
        { at: 1, from: 'bob@acme.com', to: AGENT },
        { at: 2, from: AGENT, to: 'bob@acme.com', labels: SENT },
      ],
      null,
    ],
    ['nobody when there are only drafts', [{ at: 1, from: AGENT, to: 'jane@client.com', labels: ['DRAFT'] }], null],
  ])('picks %s', (_, messages, expected) => {
    expect(customerOf(messages)?.email ?? null).toBe(expected);
  });

  it('treats another user of a public provider as the customer', () => {
    const messages = [{ at: 1, from: 'friend@gmail.com', to: 'me@gmail.com' }];
    expect(customerOf(messages, 'me@gmail.com')).toEqual({ name: '', email: 'friend@gmail.com', domain: 'gmail.com' });
  });

  it('reads header names case-insensitively', () => {
    const messages = [
      { at: 1, headers: [{ name: 'FROM', value: 'noreply@forms.io' }, { name: 'reply-to', value: 'jane@client.com' }] },
    ];
    expect(customerOf(messages)?.email).toBe('jane@client.com');
  });

  it('gives the decoded name, the email and the domain', () => {
    const messages = [{ at: 1, from: '=?UTF-8?B?Sm9zw6kgU2lsdmE=?= <Jose@Cliente.COM.br>', to: AGENT }];
    expect(customerOf(messages)).toEqual({ name: 'José Silva', email: 'jose@cliente.com.br', domain: 'cliente.com.br' });
  });

  it('takes the name from a later header when the first gave a bare address', () => {
    const messages = [
      { at: 1, from: 'jane@client.com', to: AGENT },
      { at: 2, from: AGENT, to: '"Doe, Jane" <jane@client.com>', labels: SENT },
    ];
    expect(customerOf(messages)?.name).toBe('Doe, Jane');
  });
});

describe('likelyCustomer (from the senders Gmail shows)', () => {
  it.each([
    ['the first outside sender', ['agent@acme.com', 'bob@acme.com', 'eve@client.example', 'zed@other.example'], 'eve@client.example'],
    ['nobody when only the agent’s side wrote', ['agent@acme.com', 'bob@acme.com'], null],
    ['nobody for a contact form: the customer is in Reply-To', ['no-reply@forms.example'], null],
    ['the customer after a no-reply notice', ['notifications@tool.example', 'eve@client.example'], 'eve@client.example'],
    ['nobody for no senders', [], null],
  ])('is %s', (_, senders, expected) => {
    expect(likelyCustomer(senders, 'agent@acme.com')).toBe(expected);
  });
});
