import { describe, expect, it } from 'vitest';
import {
  type GmailPage,
  MAX_SENDERS,
  accountEmailOf,
  accountPathOf,
  openThreadIdOf,
  readGmailContext,
  sendersOf,
  viewOf,
} from '../../../utils/gmail-ui/read-context';
import { MESSAGE_SENDER } from '../../../utils/gmail-ui/selectors';

const TOKEN = 'FMfcgzQZTMHvdrKlDfLpRRnCXhnqTxMj';

describe('accountPathOf', () => {
  it.each([
    ['/mail/u/0/', '/mail/u/0'],
    ['/mail/u/0', '/mail/u/0'],
    ['/mail/u/12/', '/mail/u/12'],
    ['/mail/b/abc123/u/0/', '/mail/b/abc123/u/0'],
    ['/mail/', '/mail/u/0'],
    ['/mail', '/mail/u/0'],
    ['/calendar/', null],
    ['/mail/u/123/', null],
    ['/mail/u/0abc/', null],
    ['/', null],
  ])('reads %s as %s', (pathname, path) => {
    expect(accountPathOf(pathname)).toBe(path);
  });
});

describe('accountEmailOf', () => {
  it.each([
    ['the inbox', 'Inbox (3) - agent@acme.com - Gmail', 'agent@acme.com'],
    ['a mixed-case address', 'Inbox - Agent@Acme.COM - Gmail', 'agent@acme.com'],
    ['a subject with " - " and an address', 'Re: Order 12 - refund - bob@customer.example - agent@acme.com - Gmail', 'agent@acme.com'],
    ['a subject that is an address', 'bob@customer.example - agent@acme.com - Gmail', 'agent@acme.com'],
    ['a Workspace title with the org name', 'Inbox - agent@acme.com - Acme Corporation Mail', 'agent@acme.com'],
    ['no email', 'Inbox - Gmail', null],
    ['no email in the account slot', 'Loading… - Someone - Gmail', null],
    ['just "Gmail"', 'Gmail', null],
    ['an empty title', '', null],
  ])('reads %s', (_, title, email) => {
    expect(accountEmailOf(title)).toBe(email);
  });
});

describe('viewOf', () => {
  it.each([
    ['#inbox', 'list'],
    [`#inbox/${TOKEN}`, 'thread'],
    ['#inbox/p2', 'list'],
    ['#label/Support', 'list'],
    [`#label/Support/${TOKEN}`, 'thread'],
    [`#search/refund/${TOKEN}`, 'thread'],
    ['#search/refund', 'list'],
    ['#search/a-very-long-search-query', 'list'],
    ['#settings/general', 'other'],
    ['#all/15f1123136926bff', 'thread'],
    [`#sent/${TOKEN}`, 'thread'],
    ['#starred', 'list'],
    ['', 'list'],
    ['#', 'list'],
  ] as const)('reads %j as %s', (hash, view) => {
    expect(viewOf(hash)).toBe(view);
  });

  it.each(['#inbox?compose=new', '#label/Support?compose=new', '#search/refund?projector=1'])(
    'reads the list %s with a query after it as a list',
    (hash) => {
      expect(viewOf(hash)).toBe('list');
    },
  );

  // Bug: Gmail appends `?compose=new` (a compose window is open) or `?projector=1` (an attachment
  // preview) to the hash of an open conversation; the query stays glued to the thread token, which
  // then fails THREAD_TOKEN, so the open conversation is reported as a list.
  it.each([`#inbox/${TOKEN}?compose=new`, `#label/Support/${TOKEN}?projector=1`])(
    'still reads an open conversation as a thread when the hash carries a query: %s',
    (hash) => {
      expect(viewOf(hash)).toBe('thread');
    },
  );
});

interface FakeElementSpec {
  attributes?: Record<string, string>;
  parent?: FakeElement | null;
}
type FakeElement = Pick<Element, 'getAttribute' | 'hasAttribute'> & { parentElement: FakeElement | null };

function element({ attributes = {}, parent = null }: FakeElementSpec = {}): FakeElement {
  return {
    getAttribute: (name: string) => attributes[name] ?? null,
    hasAttribute: (name: string) => name in attributes,
    parentElement: parent,
  };
}

/** A page whose subject headings are the given fake elements (the selector is Gmail's; we trust it). */
function pageWith(headings: FakeElement[]): Pick<GmailPage, 'querySelectorAll'> {
  return { querySelectorAll: () => headings as unknown as Element[] };
}

describe('openThreadIdOf', () => {
  const visible = element({ parent: element() });

  it.each([
    ['the legacy hex id', { 'data-legacy-thread-id': '15f1123136926bff' }, '15f1123136926bff'],
    ['the perm id when there is no legacy id', { 'data-thread-perm-id': 'thread-f:1581064946762017791' }, '15f1123136926bff'],
    ['the perm id when the legacy id is junk', { 'data-legacy-thread-id': 'undefined', 'data-thread-perm-id': 'thread-f:255' }, 'ff'],
    ['nothing for perm id "undefined"', { 'data-thread-perm-id': 'undefined' }, null],
    ['nothing for a thread not yet synced', { 'data-thread-perm-id': 'thread-a:r-123' }, null],
  ])('reads %s', (_, attributes, id) => {
    expect(openThreadIdOf(pageWith([element({ attributes, parent: visible })]))).toBe(id);
  });

  it('answers null when no subject heading is on the page', () => {
    expect(openThreadIdOf(pageWith([]))).toBeNull();
  });

  it.each([
    ['hidden', { hidden: '' }],
    ['aria-hidden', { 'aria-hidden': 'true' }],
    ['display: none', { style: 'color: red; display:none' }],
  ])('skips a heading inside a %s container (an earlier view Gmail kept)', (_, containerAttributes) => {
    const hiddenContainer = element({ attributes: containerAttributes, parent: element() });
    const old = element({ attributes: { 'data-legacy-thread-id': 'aaaa' }, parent: element({ parent: hiddenContainer }) });
    const current = element({ attributes: { 'data-legacy-thread-id': 'bbbb' }, parent: visible });
    expect(openThreadIdOf(pageWith([current, old]))).toBe('bbbb');
    expect(openThreadIdOf(pageWith([old]))).toBeNull();
  });

  it('takes the last visible heading', () => {
    const first = element({ attributes: { 'data-legacy-thread-id': 'aaaa' }, parent: visible });
    const last = element({ attributes: { 'data-legacy-thread-id': 'bbbb' }, parent: visible });
    expect(openThreadIdOf(pageWith([first, last]))).toBe('bbbb');
  });
});

describe('sendersOf', () => {
  const sender = (email: string, parent = element()) => element({ attributes: { email }, parent });

  it('lists each visible sender once, lower-cased, in page order', () => {
    const senders = [sender('Maria@Acme.example'), sender('agent@acme.com'), sender('maria@acme.example')];
    expect(sendersOf(pageWith(senders))).toEqual(['maria@acme.example', 'agent@acme.com']);
  });

  it('skips senders of a hidden earlier view, and values that are not addresses', () => {
    const hidden = element({ attributes: { hidden: '' } });
    expect(sendersOf(pageWith([sender('old@x.example', hidden), sender('not an address'), sender('')]))).toEqual([]);
  });

  it(`keeps at most ${MAX_SENDERS}`, () => {
    const many = Array.from({ length: 50 }, (_, i) => sender(`person${i}@x.example`));
    expect(sendersOf(pageWith(many))).toHaveLength(MAX_SENDERS);
  });
});

describe('readGmailContext', () => {
  const heading = element({ attributes: { 'data-legacy-thread-id': '15f1123136926bff' } });
  const from = element({ attributes: { email: 'maria@acme.example' } });
  const page = (pathname: string, hash: string): GmailPage => ({
    pathname,
    hash,
    title: 'Refund - agent@acme.com - Gmail',
    querySelectorAll: (selector) => (selector === MESSAGE_SENDER ? [from] : [heading]) as unknown as Element[],
  });

  it('reports account, view, thread id and senders of an open conversation', () => {
    expect(readGmailContext(page('/mail/u/1/', `#inbox/${TOKEN}`))).toEqual({
      accountPath: '/mail/u/1',
      accountEmail: 'agent@acme.com',
      view: 'thread',
      threadId: '15f1123136926bff',
      senders: ['maria@acme.example'],
    });
  });

  it('reports no senders for a list', () => {
    expect(readGmailContext(page('/mail/u/0/', '#inbox'))?.senders).toEqual([]);
  });

  it('ignores headings left in the DOM while a list is shown', () => {
    expect(readGmailContext(page('/mail/u/0/', '#inbox'))?.threadId).toBeNull();
  });

  it('answers null outside Gmail mail pages', () => {
    expect(readGmailContext(page('/calendar/', '#inbox'))).toBeNull();
  });
});
