import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEntity, type ParsedEntity } from '../../fake-google/mime-parse.ts';
import { buildReplyMime, replySubject, toRawBase64Url, type ReplyMimeInput } from '../../../utils/drafts/mime';
import { parseAddressList } from '../../../utils/mail/addresses';
import { decodeBase64UrlToText } from '../../../utils/mail/base64url';
import { decodeHeaderValue, unfoldHeader } from '../../../utils/mail/encoded-words';

const BOUNDARY = '=_reply_0123456789abcdef';
const KNOWN_HEADER =
  /^(From|To|Subject|Date|Message-ID|In-Reply-To|References|MIME-Version|Content-Type|Content-Transfer-Encoding): /;

const input = (overrides: Partial<ReplyMimeInput> = {}): ReplyMimeInput => ({
  from: { name: 'Ana Suporte', email: 'support@acme.com' },
  to: [{ name: 'Jane Doe', email: 'jane@client.com' }],
  subject: 'Order 42',
  inReplyTo: '<last@mail.client.com>',
  references: ['<first@mail.client.com>'],
  text: 'Hello Jane,\nThanks.',
  html: '<p>Hello Jane,</p><p>Thanks.</p>',
  date: new Date(Date.UTC(2025, 6, 1, 12, 34, 56)),
  boundary: BOUNDARY,
  ...overrides,
});

const headBlock = (message: string): string => message.slice(0, message.indexOf('\r\n\r\n'));
const headerLines = (message: string): string[] => headBlock(message).split('\r\n');

/** The unfolded value of a top-level header, exactly as written after "Name: ". */
function header(message: string, name: string): string | undefined {
  const line = unfoldHeader(headBlock(message))
    .split('\r\n')
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).replace(/^ /, '');
}

/** The decoded text of the leaf of the given type, via the fake Gmail's own MIME parser. */
function bodyOf(message: string, mediaType: string): string | undefined {
  const find = (e: ParsedEntity): ParsedEntity | undefined =>
    e.mimeType === mediaType ? e : e.parts.map(find).find((p) => p !== undefined);
  return find(parseEntity(message))?.body.toString('utf8');
}

const crlf = (text: string): string => text.replace(/\r\n|\r|\n/g, '\r\n');
const neutralized = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
// How the project's address parser normalises names (whitespace runs, Outlook's single quotes).
const looseName = (name: string): string => name.replace(/\s+/g, ' ').trim().replace(/^'(.*)'$/, '$1').trim();

describe('replySubject', () => {
  it.each([
    ['adds Re: to a new subject', 'Order 42', 'Re: Order 42'],
    ['keeps Re:', 'Re: Order 42', 'Re: Order 42'],
    ['keeps RE:', 'RE: Order 42', 'RE: Order 42'],
    ['keeps re:', 're: Order 42', 're: Order 42'],
    ["keeps Brazilian Gmail's Res:", 'Res: Pedido', 'Res: Pedido'],
    ['keeps RES:', 'RES: Pedido', 'RES: Pedido'],
    ['replies to a forward', 'Fwd: Order 42', 'Re: Fwd: Order 42'],
    ['does not mistake a word starting with re', 'Reunião amanhã', 'Re: Reunião amanhã'],
    ['does not mistake Resumo:', 'Resumo: vendas', 'Re: Resumo: vendas'],
  ])('%s', (_, original, expected) => {
    expect(replySubject(original)).toBe(expected);
  });
});

describe('buildReplyMime structure', () => {
  const message = buildReplyMime(input());

  it('writes the headers in order, then a multipart/alternative body', () => {
    expect(headerLines(message)).toEqual([
      'From: Ana Suporte <support@acme.com>',
      'To: Jane Doe <jane@client.com>',
      'Subject: Re: Order 42',
      'Date: Tue, 01 Jul 2025 12:34:56 +0000',
      'In-Reply-To: <last@mail.client.com>',
      'References: <first@mail.client.com> <last@mail.client.com>',
      'MIME-Version: 1.0',
      `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
    ]);
    const root = parseEntity(message);
    expect(root.mimeType).toBe('multipart/alternative');
    expect(root.parts.map((p) => [p.mimeType, p.params['charset']])).toEqual([
      ['text/plain', 'UTF-8'],
      ['text/html', 'UTF-8'],
    ]);
    expect(message.endsWith(`\r\n--${BOUNDARY}--\r\n`)).toBe(true);
  });

  it('uses CRLF for every line break', () => {
    expect(message).not.toMatch(/[^\r]\n|\r(?!\n)/);
  });

  it('adds Message-ID only when given a valid one', () => {
    expect(header(buildReplyMime(input({ messageId: 'new@acme.com' })), 'Message-ID')).toBe('<new@acme.com>');
    expect(header(message, 'Message-ID')).toBeUndefined();
  });

  it('folds the Content-Type before a 70-character boundary', () => {
    const boundary = `=_${'b'.repeat(68)}`;
    const m = buildReplyMime(input({ boundary }));
    expect(headerLines(m).slice(-2)).toEqual(['Content-Type: multipart/alternative;', ` boundary="${boundary}"`]);
    expect(parseEntity(m).parts).toHaveLength(2);
  });

  it('rejects a boundary that is invalid or occurs in the body', () => {
    expect(() => buildReplyMime(input({ boundary: 'a\r\nX-Evil: 1' }))).toThrow(RangeError);
    expect(() => buildReplyMime(input({ boundary: 'x'.repeat(71) }))).toThrow(RangeError);
    expect(() => buildReplyMime(input({ boundary: 'sep', text: 'a\n--sep\nb' }))).toThrow(RangeError);
  });
});

describe('buildReplyMime non-ASCII', () => {
  const subject = 'Reunião sobre a cotação 🚀 — ação necessária até amanhã às 10h, por favor confirme';
  const text = 'Olá João,\nSegue a cotação revisada. Obrigado pela atenção! 😊\n\nAtenciosamente,\nAna';
  const html = '<p>Olá João,</p><p>Segue a cotação revisada. Obrigado pela atenção! 😊</p>';
  const from = { name: 'Ana Conceição', email: 'ana@acme.com' };
  const to = [{ name: 'João Brandão 👋', email: 'joao@cliente.com.br' }];
  const message = buildReplyMime(input({ subject, text, html, from, to }));

  it('round-trips the subject, names and both bodies', () => {
    expect(decodeHeaderValue(header(message, 'Subject') ?? '')).toBe(`Re: ${subject}`);
    expect(parseAddressList(header(message, 'From') ?? '')).toEqual([from]);
    expect(parseAddressList(header(message, 'To') ?? '')).toEqual(to);
    expect(bodyOf(message, 'text/plain')).toBe(crlf(text));
    expect(bodyOf(message, 'text/html')).toBe(html);
  });

  it('folds header lines at 78 characters and wraps body lines at 76', () => {
    expect(headerLines(message).filter((l) => l.length > 78)).toEqual([]);
    const body = message.slice(message.indexOf('\r\n\r\n') + 4);
    expect(body.split('\r\n').filter((l) => l.length > 76)).toEqual([]);
  });

  it('writes encoded-words of at most 75 characters that each decode alone', () => {
    const words = headBlock(message).match(/=\?[^?]+\?[BQ]\?[^?]*\?=/g) ?? [];
    expect(words.length).toBeGreaterThan(2);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(75);
      // A split UTF-8 sequence or surrogate pair would decode to U+FFFD on its own.
      expect(decodeHeaderValue(word)).not.toContain('\uFFFD');
    }
  });

  it('keeps a long run of emoji whole across encoded-words', () => {
    const emoji = '👍🏽'.repeat(30);
    const m = buildReplyMime(input({ subject: emoji }));
    expect(decodeHeaderValue(header(m, 'Subject') ?? '')).toBe(`Re: ${emoji}`);
    for (const word of headBlock(m).match(/=\?[^?]+\?B\?[^?]*\?=/g) ?? []) {
      expect(decodeHeaderValue(word)).not.toContain('\uFFFD');
    }
  });
});

describe('buildReplyMime body encoding', () => {
  const encodingOf = (text: string): string | undefined => {
    const plain = parseEntity(buildReplyMime(input({ text }))).parts[0];
    return plain?.headers.find((h) => h.name === 'Content-Transfer-Encoding')?.value;
  };

  it.each([
    ['quoted-printable for Portuguese text', 'Olá, a cotação está pronta.', 'quoted-printable'],
    ['quoted-printable for plain ASCII', 'Hello', 'quoted-printable'],
    ['quoted-printable for a short, accent-dense word', 'Atenção', 'quoted-printable'],
    ['base64 for emoji', '😊🚀👋'.repeat(10), 'base64'],
    ['base64 for Cyrillic', 'Здравствуйте, счёт готов', 'base64'],
    ['base64 for CJK', '您好，报价已准备好。', 'base64'],
  ])('chooses %s', (_, text, expected) => {
    expect(encodingOf(text)).toBe(expected);
  });

  it('soft-breaks long lines, escapes = and trailing spaces, and round-trips', () => {
    const text = `${'a=b '.repeat(40)}\nend `;
    const m = buildReplyMime(input({ text }));
    const plain = m.split(`--${BOUNDARY}`)[1] ?? '';
    expect(plain).toContain('=3D');
    expect(plain).toMatch(/=\r\n/);
    expect(plain).toContain('end=20');
    expect(bodyOf(m, 'text/plain')).toBe(crlf(text));
  });
});

describe('buildReplyMime addresses and threading', () => {
  it.each([
    ['an atom name as is', 'Jane Doe', 'Jane Doe <jane@client.com>'],
    ['a name with specials quoted', 'Doe, Jane', '"Doe, Jane" <jane@client.com>'],
    ['quotes and backslashes escaped', 'Jane "JD" \\ Doe', '"Jane \\"JD\\" \\\\ Doe" <jane@client.com>'],
    ['no name as a bare address', '', 'jane@client.com'],
  ])('writes %s', (_, name, expected) => {
    expect(header(buildReplyMime(input({ to: [{ name, email: 'jane@client.com' }] })), 'To')).toBe(expected);
  });

  it('encodes an ASCII name that looks like an encoded-word, so it reads back literally', () => {
    const name = '=?UTF-8?B?RXZpbA==?=';
    const to = header(buildReplyMime(input({ to: [{ name, email: 'jane@client.com' }] })), 'To') ?? '';
    expect(parseAddressList(to)).toEqual([{ name, email: 'jane@client.com' }]);
  });

  it('lists several recipients separated by commas', () => {
    const to = [
      { name: 'Doe, Jane', email: 'jane@client.com' },
      { name: 'Zé', email: 'ze@client.com' },
    ];
    expect(parseAddressList(header(buildReplyMime(input({ to })), 'To') ?? '')).toEqual([
      { name: 'Doe, Jane', email: 'jane@client.com' },
      { name: 'Zé', email: 'ze@client.com' },
    ]);
  });

  it('brackets bare ids, drops invalid ones and keeps the parent last without duplicates', () => {
    const m = buildReplyMime(input({ inReplyTo: 'c@x', references: ['a@x', '<b@x>', 'not an id', '<c@x>', 'a@x'] }));
    expect(header(m, 'In-Reply-To')).toBe('<c@x>');
    expect(header(m, 'References')).toBe('<b@x> <a@x> <c@x>');
  });

  it('omits In-Reply-To when there is no parent and keeps the original References', () => {
    const m = buildReplyMime(input({ inReplyTo: null, references: ['<a@x>'] }));
    expect(header(m, 'In-Reply-To')).toBeUndefined();
    expect(header(m, 'References')).toBe('<a@x>');
  });

  it('folds References of 30 ids into lines of at most 78 characters', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `<CAF${String(i).padStart(3, '0')}abcdefgh@mail.gmail.com>`);
    const m = buildReplyMime(input({ references: ids.slice(0, 29), inReplyTo: ids[29] ?? null }));
    const lines = headBlock(m).split('\r\n');
    const start = lines.findIndex((l) => l.startsWith('References:'));
    const folded = lines.slice(start, lines.findIndex((l, i) => i > start && !l.startsWith(' ')));
    expect(folded.length).toBeGreaterThan(5);
    expect(folded.every((l) => l.length <= 78)).toBe(true);
    expect(header(m, 'References')?.split(' ')).toEqual(ids);
  });
});

describe('buildReplyMime header injection', () => {
  const noInjectedLine = (message: string): void => {
    for (const line of headerLines(message)) expect(line).toMatch(/^[ \t]\S/.test(line) ? /^[ \t]/ : KNOWN_HEADER);
    expect(message).not.toMatch(/^(Bcc|X-Evil):/im);
    expect(parseEntity(message).parts).toHaveLength(2);
  };

  it('turns line breaks in a display name into spaces', () => {
    const m = buildReplyMime(input({ to: [{ name: 'Bob\r\nBcc: evil@x.com', email: 'bob@client.com' }] }));
    noInjectedLine(m);
    expect(parseAddressList(header(m, 'To') ?? '')).toEqual([{ name: 'Bob Bcc: evil@x.com', email: 'bob@client.com' }]);
  });

  it('turns line breaks in the subject into spaces', () => {
    const m = buildReplyMime(input({ subject: 'Hi\nBcc: evil@x.com\r\n\r\n--x' }));
    noInjectedLine(m);
    expect(decodeHeaderValue(header(m, 'Subject') ?? '')).toBe('Re: Hi Bcc: evil@x.com    --x');
  });

  it.each([
    ['In-Reply-To', { inReplyTo: '<a@x>\r\nX-Evil: 1' }],
    ['References', { references: ['<a@x>\r\nX-Evil: 1', '<b@x>\u0000'] }],
    ['Message-ID', { messageId: '<a@x>\nX-Evil: 1' }],
  ])('drops a %s id carrying a line break', (name, overrides) => {
    const m = buildReplyMime(input({ inReplyTo: null, references: [], ...overrides }));
    noInjectedLine(m);
    expect(header(m, name)).toBeUndefined();
  });

  it('drops an address carrying a line break, and From with it', () => {
    const m = buildReplyMime(
      input({
        from: { name: 'Ana', email: 'ana@acme.com\r\nBcc: evil@x.com' },
        to: [{ name: 'Bob', email: 'bob@client.com\r\nX-Evil: 1' }, { name: 'Jane', email: 'jane@client.com' }],
      }),
    );
    noInjectedLine(m);
    expect(header(m, 'From')).toBeUndefined();
    expect(header(m, 'To')).toBe('Jane <jane@client.com>');
  });
});

describe('toRawBase64Url', () => {
  it('encodes the UTF-8 bytes in the URL-safe alphabet', () => {
    const message = buildReplyMime(input({ subject: 'Ação ✅ ??>>', text: 'çã' }));
    const raw = toRawBase64Url(message);
    expect(raw).toMatch(/^[A-Za-z0-9_-]*=*$/);
    expect(decodeBase64UrlToText(raw)).toBe(message);
  });
});

describe('buildReplyMime properties', () => {
  // Unicode of every plane plus the characters an attacker would reach for.
  const hostile = fc.constantFrom(
    ...['\r\n', '\n', '\r', '\u0000', '\u2028', 'Bcc: x@y.com', `--${BOUNDARY}`, '=?UTF-8?B?QQ==?=', '"', '\\', ' '],
  );
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc
      .array(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 20 })
      .map((pieces) => pieces.join('')),
  );
  const run = (property: (i: ReplyMimeInput, m: string) => void): void =>
    fc.assert(
      fc.property(text, text, text, text, (subject, name, body, html) => {
        const i = input({ subject, text: body, html, to: [{ name, email: 'jane@client.com' }] });
        property(i, buildReplyMime(i));
      }),
      { numRuns: 300 },
    );

  it('never writes a bare CR or LF', () => {
    run((_, m) => expect(m).not.toMatch(/[^\r]\n|\r(?!\n)/));
  });

  it('writes only known headers and continuations, lines within limits, and two parts', () => {
    run((_, m) => {
      for (const line of headerLines(m)) {
        expect(line).toMatch(/^[ \t]\S/.test(line) ? /^[ \t]/ : KNOWN_HEADER);
        expect(line.length).toBeLessThanOrEqual(78);
      }
      const parts = parseEntity(m).parts;
      expect(parts.map((p) => p.mimeType)).toEqual(['text/plain', 'text/html']);
      const body = m.slice(m.indexOf('\r\n\r\n') + 4);
      for (const part of body.split(`--${BOUNDARY}`).slice(1, 3)) {
        const [head = '', encoded = ''] = part.split('\r\n\r\n');
        for (const line of head.split('\r\n').filter((l) => l !== '')) expect(line).toMatch(KNOWN_HEADER);
        // 7-bit printable lines; QP may keep a tab literally (RFC 2045 §6.7 rule 3).
        for (const line of encoded.split('\r\n')) expect(line).toMatch(/^[\t\x20-\x7e]{0,76}$/);
      }
    });
  });

  it('decodes back to the input', () => {
    run((i, m) => {
      expect(decodeHeaderValue(header(m, 'Subject') ?? '')).toBe(neutralized(replySubject(i.subject)));
      expect(parseAddressList(header(m, 'To') ?? '')).toEqual([
        { name: looseName(neutralized(i.to[0]?.name ?? '')), email: 'jane@client.com' },
      ]);
      expect(bodyOf(m, 'text/plain')).toBe(crlf(i.text));
      expect(bodyOf(m, 'text/html')).toBe(crlf(i.html));
    });
  });
});
