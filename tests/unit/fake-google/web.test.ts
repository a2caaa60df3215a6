import { describe, expect, it } from 'vitest';
import { call, useDemoFake } from './helpers.ts';

const AGENT = 'agent@support.example';
const demo = useDemoFake();


const view = async (hash: string, path = '/mail/u/0') =>
  (await call(demo.fake, 'mail.google.com', `${path}/__fake/view?hash=${encodeURIComponent(hash)}`)).json<{ title: string; html: string; kind: string }>();

describe('mail.google.com', () => {
  it('redirects / to the first account and serves a Gmail-like shell with a strict CSP', async () => {
    expect((await call(demo.fake, 'mail.google.com', '/')).headers['location']).toBe('/mail/u/0/');
    const page = await call(demo.fake, 'mail.google.com', '/mail/u/0/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("require-trusted-types-for 'script'");
    expect(page.text).toContain('<title>Inbox (7) - agent@support.example - Gmail</title>');
    expect(page.text).toContain('<div class="main" role="main">');
    expect(page.text).not.toContain('data-thread-perm-id');
    expect(page.text).toMatch(/<tr class="zA zE"[^>]*data-href="#inbox\/FMfcgz[A-Za-z]{26}"/);
    expect(page.text).toMatch(/data-thread-id="#thread-f:\d+" data-legacy-thread-id="[0-9a-f]{16}"/);
    const second = await call(demo.fake, 'mail.google.com', '/mail/u/1/');
    expect(second.text).toContain('- lead@support.example - Gmail</title>');
  });

  it('renders a conversation from its opaque token and from a hex id, with the thread and message markers', async () => {
    const thread = demo.fake.control.mailbox(AGENT).threads.find((t) => t.messages.length === 3);
    const id = thread?.id ?? '';
    const list = await view('inbox');
    const row = new RegExp(`data-href="#inbox/(FMfcgz[A-Za-z]+)">(?:(?!</tr>)[\\s\\S])*?data-legacy-thread-id="${id}"`).exec(list.html);
    const token = row?.[1] ?? '';
    expect(token).not.toContain(id);
    for (const hash of [`inbox/${token}`, `all/${id}`]) {
      const conversation = await view(hash);
      expect(conversation.kind).toBe('conversation');
      expect(conversation.title).toBe('Updating our billing address - agent@support.example - Gmail');
      expect(conversation.html).toContain(`<h2 class="hP" tabindex="-1" data-thread-perm-id="thread-f:${BigInt(`0x${id}`).toString()}" data-legacy-thread-id="${id}">`);
      const messageId = thread?.messages[1]?.id ?? '';
      expect(conversation.html).toContain(`data-message-id="#msg-f:${BigInt(`0x${messageId}`).toString()}" data-legacy-message-id="${messageId}"`);
      expect(conversation.html).toContain('<span class="gD" email="maria.silva@acme-retail.example" name="Maria Silva">');
    }
  });

  it.each([
    ['legacy-only', /<h2 class="hP" tabindex="-1" data-legacy-thread-id="[0-9a-f]+">/],
    ['perm-only', /<h2 class="hP" tabindex="-1" data-thread-perm-id="thread-f:\d+">/],
    ['perm-undefined', /<h2 class="hP" tabindex="-1" data-thread-perm-id="undefined" data-legacy-thread-id="[0-9a-f]+">/],
    ['unsynced', /<h2 class="hP" tabindex="-1" data-thread-perm-id="thread-a:r-?\d+">[\s\S]*data-message-id="#msg-a:r-?\d+"/],
  ] as const)('marks a %s thread accordingly; a new thread shows on the next navigation', async (domMarkers, pattern) => {
    const { threadId } = demo.fake.control.addThread(AGENT, {
      domMarkers,
      messages: [{ from: 'New Customer <new@customer.example>', to: AGENT, subject: 'Brand new', date: Date.now(), text: 'Hi' }],
    });
    const conversation = await view(`inbox/${threadId}`);
    expect(conversation.html).toMatch(pattern);
    expect((await view('inbox')).html).toContain('Brand new');
  });

  it('decodes encoded-word senders for display and serves delegated paths', async () => {
    expect((await view('inbox')).html).toContain('name="João Conceição"');
    const seed = { accounts: [{ email: 'team@support.example', name: 'Team', accountPath: '/mail/b/123/u/0', threads: [] }] };
    demo.fake.control.reset(seed);
    const page = await call(demo.fake, 'mail.google.com', '/mail/b/123/u/0/');
    expect(page.text).toContain('Inbox - team@support.example - Gmail');
  });
});
