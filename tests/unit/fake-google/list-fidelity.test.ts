/**
 * users.threads.list and users.messages.list against what gmail.googleapis.com answers: page sizes
 * (default 100, at most 500, how maxResults is parsed and refused), the last page, absent keys on an
 * empty result, spam and trash, order, and the searches that find a customer by address.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SeedMessage } from '../../fake-google/index.ts';
import { call, READONLY, signIn, useDemoFake } from './helpers.ts';

const LEAD = 'lead@support.example';
const demo = useDemoFake();
let token: string;

beforeEach(async () => {
  token = await signIn(demo.fake, LEAD, READONLY);
});

const gmail = (path: string) => call(demo.fake, 'gmail.googleapis.com', `/gmail/v1/users/me${path}`, { token });

interface ListBody {
  threads?: { id: string; snippet: string; historyId: string }[];
  messages?: { id: string; threadId: string }[];
  nextPageToken?: string;
  resultSizeEstimate: number;
}

const BASE = Date.parse('2025-01-01T00:00:00Z');

function addBulk(count: number): void {
  for (let i = 0; i < count; i++) {
    demo.fake.control.addThread(LEAD, {
      messages: [{ from: `Customer ${i} <c${i}@bulk.example>`, to: LEAD, subject: `Ticket ${i}`, date: BASE + i * 60_000, text: `Issue ${i}` }],
    });
  }
}

function thread(...messages: SeedMessage[]): string {
  return demo.fake.control.addThread(LEAD, { messages }).threadId;
}

describe('maxResults', () => {
  beforeEach(() => addBulk(505));

  it.each([
    ['(absent)', '', 100],
    ['1', '&maxResults=1', 1],
    ['100', '&maxResults=100', 100],
    ['500', '&maxResults=500', 500],
    ['501 (capped, not refused)', '&maxResults=501', 500],
    ['1000 (capped)', '&maxResults=1000', 500],
    ['2147483647 (capped)', '&maxResults=2147483647', 500],
    ['%2B2 (a uint32 may carry a plus sign)', '&maxResults=%2B2', 2],
    ['007', '&maxResults=007', 7],
    ['0 then 3 (the last repeat counts)', '&maxResults=0&maxResults=3', 3],
  ])('serves a page of the right size for maxResults=%s', async (_name, param, size) => {
    for (const method of ['threads', 'messages'] as const) {
      const body = (await gmail(`/${method}?q=from:bulk.example${param}`)).json<ListBody>();
      expect(body[method]).toHaveLength(size);
      expect(body.nextPageToken).toMatch(/^\d+$/);
      expect(body.resultSizeEstimate).toBe(505);
    }
  });

  it.each(['0', '2147483648', '4294967295', '3&maxResults=0'])('answers 400 Invalid maxResults for maxResults=%s', async (value) => {
    for (const method of ['threads', 'messages']) {
      const reply = await gmail(`/${method}?maxResults=${value}`);
      expect(reply.status).toBe(400);
      expect(reply.json()).toEqual({
        error: {
          code: 400,
          message: 'Invalid maxResults',
          errors: [{ message: 'Invalid maxResults', domain: 'global', reason: 'invalidArgument' }],
          status: 'INVALID_ARGUMENT',
        },
      });
    }
  });

  it.each(['abc', '-1', '-0', '1.5', '', '4294967296', '1e2'])('refuses maxResults=%s in the proto layer’s words', async (value) => {
    const reply = await gmail(`/threads?maxResults=${encodeURIComponent(value)}`);
    expect(reply.status).toBe(400);
    const message = `Invalid value at 'max_results' (TYPE_UINT32), "${value}"`;
    expect(reply.json()).toEqual({
      error: {
        code: 400,
        message,
        errors: [{ message, reason: 'invalid' }],
        status: 'INVALID_ARGUMENT',
        details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: 'max_results', description: message }] }],
      },
    });
  });

  it('names every unreadable repeat in one 400', async () => {
    const reply = await gmail('/messages?maxResults=abc&maxResults=5&maxResults=-1');
    const error = reply.json<{ error: { message: string; details: { fieldViolations: unknown[] }[] } }>().error;
    expect(error.message).toBe(`Invalid value at 'max_results' (TYPE_UINT32), "abc"\nInvalid value at 'max_results' (TYPE_UINT32), "-1"`);
    expect(error.details[0]?.fieldViolations).toHaveLength(2);
  });
});

describe('pages', () => {
  it('leaves nextPageToken out of the last page, also when it ends exactly on a page boundary', async () => {
    addBulk(200);
    const first = (await gmail('/threads?q=from:bulk.example&maxResults=100')).json<ListBody>();
    expect(first.threads).toHaveLength(100);
    const second = (await gmail(`/threads?q=from:bulk.example&maxResults=100&pageToken=${first.nextPageToken ?? ''}`)).json<ListBody>();
    expect(second.threads).toHaveLength(100);
    expect('nextPageToken' in second).toBe(false);
    expect(second.resultSizeEstimate).toBe(200);
    expect(new Set([...(first.threads ?? []), ...(second.threads ?? [])].map((t) => t.id)).size).toBe(200);
  });

  it('leaves `threads` and `messages` out (not []) when nothing matches', async () => {
    for (const method of ['threads', 'messages']) {
      const reply = await gmail(`/${method}?q=${encodeURIComponent('from:nobody@nowhere.example')}`);
      expect(reply.status).toBe(200);
      expect(reply.json()).toEqual({ resultSizeEstimate: 0 });
    }
  });

  it('refuses a page token it never gave', async () => {
    expect((await gmail('/threads?pageToken=abc')).status).toBe(400);
  });
});

describe('spam, trash and order', () => {
  const customer = 'Rita Reis <rita@spam-test.example>';

  it('leaves SPAM and TRASH out unless includeSpamTrash=true (or the query asks for them)', async () => {
    thread({ from: customer, to: LEAD, subject: 'kept', date: BASE, text: 'a' });
    thread({ from: customer, to: LEAD, subject: 'binned', date: BASE + 1000, text: 'b', labelIds: ['TRASH'] });
    thread({ from: customer, to: LEAD, subject: 'junk', date: BASE + 2000, text: 'c', labelIds: ['SPAM'] });
    const q = encodeURIComponent('from:rita@spam-test.example');
    const count = async (extra: string) => (await gmail(`/threads?q=${q}${extra}`)).json<ListBody>().resultSizeEstimate;
    expect(await count('')).toBe(1);
    expect(await count('&includeSpamTrash=false')).toBe(1);
    expect(await count('&includeSpamTrash=true')).toBe(3);
    expect((await gmail(`/messages?q=${q}&includeSpamTrash=true`)).json<ListBody>().resultSizeEstimate).toBe(3);
    expect((await gmail(`/threads?q=${encodeURIComponent('from:rita@spam-test.example in:trash')}`)).json<ListBody>().resultSizeEstimate).toBe(1);
    const bad = await gmail(`/threads?q=${q}&includeSpamTrash=maybe`);
    expect(bad.status).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toBe(`Invalid value at 'include_spam_trash' (TYPE_BOOL), "maybe"`);
  });

  it('lists threads by most recent activity: an old thread with a new reply comes first', async () => {
    const old = thread(
      { from: customer, to: LEAD, subject: 'old but active', date: BASE, text: 'a' },
      { from: LEAD, to: customer, subject: 'Re: old but active', date: BASE + 10 * 86_400_000, text: 'b' },
    );
    const recent = thread({ from: customer, to: LEAD, subject: 'newer start', date: BASE + 86_400_000, text: 'c' });
    const body = (await gmail(`/threads?q=${encodeURIComponent('rita@spam-test.example')}`)).json<ListBody>();
    expect(body.threads?.map((t) => t.id)).toEqual([old, recent]);
    const messages = (await gmail(`/messages?q=${encodeURIComponent('rita@spam-test.example')}`)).json<ListBody>();
    expect(messages.messages?.map((m) => m.threadId)).toEqual([old, recent, old]);
  });
});

describe('finding a customer by address', () => {
  const plus = 'maria.lopes+orders@cliente.example';
  const unicode = 'joão.conceição@exemplo.com.br';
  let ids: Record<'from' | 'to' | 'cc' | 'plainSibling' | 'unicode' | 'lookalike', string>;

  beforeEach(() => {
    ids = {
      from: thread({ from: `Maria Lopes <${plus}>`, to: LEAD, subject: 'from her', date: BASE, text: 'a' }),
      to: thread({ from: LEAD, to: `"Lopes, Maria" <${plus}>`, subject: 'to her', date: BASE + 1000, text: 'b' }),
      cc: thread({ from: 'Paulo <paulo@cliente.example>', to: LEAD, cc: `Maria Lopes <${plus}>`, subject: 'cc her', date: BASE + 2000, text: 'c' }),
      plainSibling: thread({ from: 'Maria Lopes <maria.lopes@cliente.example>', to: LEAD, subject: 'without the tag', date: BASE + 3000, text: 'd' }),
      unicode: thread({ from: `João Conceição <${unicode}>`, to: LEAD, subject: 'unicode', date: BASE + 4000, text: 'e' }),
      lookalike: thread({ from: 'Ana <xmaria.lopes+orders@cliente.example>', to: LEAD, subject: 'lookalike', date: BASE + 5000, text: 'f' }),
    };
  });

  const found = async (q: string) => {
    const body = (await gmail(`/threads?q=${encodeURIComponent(q)}&maxResults=500`)).json<ListBody>();
    return new Set((body.threads ?? []).map((t) => t.id));
  };

  it.each([
    [`from:"${plus}" OR to:"${plus}" OR cc:"${plus}"`, ['from', 'to', 'cc']],
    [`{from:"${plus}" to:"${plus}" cc:"${plus}"}`, ['from', 'to', 'cc']],
    [`{from:${plus} to:${plus} cc:${plus}}`, ['from', 'to', 'cc']],
    [`from:${plus} OR to:${plus} OR cc:${plus}`, ['from', 'to', 'cc']],
    [`from:"${plus.toUpperCase()}"`, ['from']],
    [`cc:"${plus}"`, ['cc']],
    // Gmail's to: also finds the address in Cc.
    [`to:"${plus}"`, ['to', 'cc']],
    ['from:"maria.lopes@cliente.example"', ['plainSibling']],
    [`from:"${unicode}" OR to:"${unicode}" OR cc:"${unicode}"`, ['unicode']],
    [`from:${unicode.toUpperCase()}`, ['unicode']],
  ] as const)('q=%s finds exactly those threads', async (q, expected) => {
    expect(await found(q)).toEqual(new Set(expected.map((key) => ids[key])));
  });
});
