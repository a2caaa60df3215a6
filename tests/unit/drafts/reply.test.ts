import { describe, expect, it } from 'vitest';
import { textToHtml } from '../../../utils/drafts/html';
import { buildReplyMime } from '../../../utils/drafts/mime';
import { recipientsOf, replyMimeInputOf } from '../../../utils/drafts/reply';
import type { GmailMessage, GmailThread } from '../../../utils/gmail/schemas';
import { parseEntity } from '../../fake-google/mime-parse';

const AGENT = { name: 'Ana Souza', email: 'ana@support.example' };
const DATE = new Date('2026-11-25T12:00:00Z');
let nextId = 1;

function message(headers: Record<string, string>, labels: string[] = ['INBOX'], at = 1_000 * nextId): GmailMessage {
  const id = (nextId++).toString(16).padStart(16, '0');
  return {
    id,
    threadId: 'aaaaaaaaaaaaaaaa',
    labelIds: labels,
    internalDate: String(at),
    payload: { headers: Object.entries(headers).map(([name, value]) => ({ name, value })) },
  };
}

const thread = (...messages: GmailMessage[]): GmailThread => ({ id: 'aaaaaaaaaaaaaaaa', messages });
const reply = (t: GmailThread, text = 'Olá') => replyMimeInputOf(t, { agent: AGENT, text, date: DATE, boundary: '=_b' });

describe('replyMimeInputOf', () => {
  it('answers the newest message: its Message-ID is In-Reply-To, and References end with it', () => {
    const first = message({ From: 'Maria <maria@cliente.com.br>', Subject: 'Pedido 42', 'Message-ID': '<m1@cliente.com.br>' }, ['INBOX'], 1_000);
    const agentReply = message(
      { From: 'ana@support.example', To: 'maria@cliente.com.br', Subject: 'Re: Pedido 42', 'Message-ID': '<a1@support.example>', References: '<m1@cliente.com.br>', 'In-Reply-To': '<m1@cliente.com.br>' },
      ['SENT'],
      2_000,
    );
    const followUp = message(
      { From: 'Maria <maria@cliente.com.br>', Subject: 'RE: Pedido 42', 'Message-ID': '<m2@cliente.com.br>', References: '<m1@cliente.com.br> <a1@support.example>' },
      ['INBOX'],
      3_000,
    );
    const input = reply(thread(first, followUp, agentReply));
    expect(input.inReplyTo).toBe('<m2@cliente.com.br>');
    expect(input.references).toEqual(['<m1@cliente.com.br>', '<a1@support.example>', '<m2@cliente.com.br>']);
    expect(input.subject).toBe('RE: Pedido 42');
    expect(input.to).toEqual([{ name: 'Maria', email: 'maria@cliente.com.br' }]);
    expect(input.from).toEqual(AGENT);
  });

  it('ignores drafts when choosing the message replied to', () => {
    const received = message({ From: 'joao@cliente.com.br', Subject: 'Boleto', 'Message-ID': '<j1@cliente.com.br>' }, ['INBOX'], 1_000);
    const draft = message({ From: AGENT.email, Subject: 'Re: Boleto', 'Message-ID': '<d1@support.example>' }, ['DRAFT'], 9_000);
    expect(reply(thread(received, draft)).inReplyTo).toBe('<j1@cliente.com.br>');
  });

  it("uses the parent's In-Reply-To as its ancestry when it has no References", () => {
    const parent = message({ From: 'x@cliente.com.br', Subject: 'Oi', 'Message-ID': '<p@c.br>', 'In-Reply-To': '<gp@c.br>' });
    expect(reply(thread(parent)).references).toEqual(['<gp@c.br>', '<p@c.br>']);
  });

  it('has no threading ids when the message has no Message-ID, and falls back to the thread subject', () => {
    const bare = message({ From: 'x@cliente.com.br' });
    const input = reply(thread(bare));
    expect(input.inReplyTo).toBeNull();
    expect(input.references).toEqual([]);
    expect(input.subject).toBe('');
  });

  it('decodes an encoded subject, so the reply subject is re-encoded once, not twice', () => {
    const parent = message({ From: 'x@cliente.com.br', Subject: '=?UTF-8?B?w4dvbnRyYXRv?=', 'Message-ID': '<p@c.br>' });
    expect(reply(thread(parent)).subject).toBe('Çontrato');
  });

  it('puts the same text in the HTML part, escaped', () => {
    const parent = message({ From: 'x@cliente.com.br', Subject: 'Oi', 'Message-ID': '<p@c.br>' });
    const text = 'Olá <b>Maria</b> & cia\n\nAbraço 🎉';
    const input = reply(thread(parent), text);
    expect(input.html).toBe(textToHtml(text));
    const [plain, html] = parseEntity(buildReplyMime(input)).parts.map((part) => part.body.toString('utf8'));
    expect(plain).toBe(text.replace(/\n/g, '\r\n'));
    expect(html).toContain('Olá &lt;b&gt;Maria&lt;/b&gt; &amp; cia');
  });
});

describe('recipientsOf', () => {
  it("honours the customer's Reply-To", () => {
    const m = message({ From: 'Maria <maria@work.example>', 'Reply-To': 'Maria Pessoal <maria@gmail.com>', Subject: 'x' });
    expect(recipientsOf([m], AGENT.email)).toEqual([{ name: 'Maria Pessoal', email: 'maria@gmail.com' }]);
  });

  it('writes to the customer, not the agent, when the agent wrote last', () => {
    const customer = message({ From: 'Maria <maria@cliente.com.br>', Subject: 'x' }, ['INBOX'], 1_000);
    const agent = message({ From: AGENT.email, To: 'maria@cliente.com.br', Subject: 'Re: x' }, ['SENT'], 2_000);
    expect(recipientsOf([customer, agent], AGENT.email)).toEqual([{ name: 'Maria', email: 'maria@cliente.com.br' }]);
  });

  it('writes to whom the agent wrote when the customer has not answered yet', () => {
    const agent = message({ From: AGENT.email, To: 'Pedro <pedro@cliente.com.br>', Subject: 'Olá' }, ['SENT']);
    expect(recipientsOf([agent], AGENT.email)).toEqual([{ name: 'Pedro', email: 'pedro@cliente.com.br' }]);
  });

  it('has nobody to write to in an internal thread', () => {
    const internal = message({ From: AGENT.email, To: 'colega@support.example', Subject: 'x' }, ['SENT']);
    expect(recipientsOf([internal], AGENT.email)).toEqual([]);
  });
});

describe('textToHtml', () => {
  it('escapes markup and keeps paragraphs and line breaks', () => {
    expect(textToHtml('Oi <script>x</script>\nlinha 2\n\n"fim"')).toBe(
      '<div dir="auto">\n<p>Oi &lt;script&gt;x&lt;/script&gt;<br>\nlinha 2</p>\n<p>&quot;fim&quot;</p>\n</div>',
    );
  });
});
