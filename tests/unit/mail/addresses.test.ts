import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainOf, parseAddressList, parseMailbox } from '../../../utils/mail/addresses';

describe('parseAddressList', () => {
  it.each([
    ['a quoted name with a comma', '"Doe, Jane" <jane@x.com>', [{ name: 'Doe, Jane', email: 'jane@x.com' }]],
    ['a plain name', 'Jane Doe <jane@x.com>', [{ name: 'Jane Doe', email: 'jane@x.com' }]],
    ['a bare address', 'jane@x.com', [{ name: '', email: 'jane@x.com' }]],
    ['an address in angle brackets only', '<jane@x.com>', [{ name: '', email: 'jane@x.com' }]],
    ['an address with a comment', 'jane@x.com (Jane Doe)', [{ name: 'Jane Doe', email: 'jane@x.com' }]],
    ['a nested comment', 'jane@x.com (Jane (Sales) Doe)', [{ name: 'Jane (Sales) Doe', email: 'jane@x.com' }]],
    ['escaped quotes in a name', '"Jane \\"JD\\" Doe" <jane@x.com>', [{ name: 'Jane "JD" Doe', email: 'jane@x.com' }]],
    ['mixed case and spaces', '  Jane <  Jane.Doe@X.COM > ', [{ name: 'Jane', email: 'jane.doe@x.com' }]],
    ['Outlook single quotes', "'Jane Doe' <jane@x.com>", [{ name: 'Jane Doe', email: 'jane@x.com' }]],
    [
      'a list with commas in names',
      '"Doe, Jane" <jane@x.com>, bob@y.org, "Roe, R." <r@z.net>',
      [
        { name: 'Doe, Jane', email: 'jane@x.com' },
        { name: '', email: 'bob@y.org' },
        { name: 'Roe, R.', email: 'r@z.net' },
      ],
    ],
    ['an empty group', 'undisclosed-recipients:;', []],
    [
      'a group with members',
      'Team: a@x.com, Bob <b@y.com>;, c@z.com',
      [
        { name: '', email: 'a@x.com' },
        { name: 'Bob', email: 'b@y.com' },
        { name: '', email: 'c@z.com' },
      ],
    ],
    ['a folded header', 'Jane\r\n Doe <jane@x.com>', [{ name: 'Jane Doe', email: 'jane@x.com' }]],
    ['an obsolete source route', '<@relay.x.com:jane@x.com>', [{ name: '', email: 'jane@x.com' }]],
    ['a plus-tagged address', 'jane+support@x.com', [{ name: '', email: 'jane+support@x.com' }]],
  ])('parses %s', (_, raw, expected) => {
    expect(parseAddressList(raw)).toEqual(expected);
  });

  it.each([
    ['UTF-8 B', '=?UTF-8?B?Sm9zw6kgU2lsdmE=?= <jose@x.com.br>', 'José Silva'],
    ['UTF-8 Q inside quotes', '"=?utf-8?q?Jos=C3=A9_Silva?=" <jose@x.com.br>', 'José Silva'],
    ['ISO-8859-1', '=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>', 'Keld Jørn Simonsen'],
    ['ISO-8859-1 next to plain text', '=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>', 'André Pirard'],
    ['Windows-1252', '=?windows-1252?Q?Zo=EB_M=FCller?= <zoe@x.de>', 'Zoë Müller'],
    ['Shift_JIS', '=?Shift_JIS?B?jlKTY5G+mFk=?= <yamada@x.jp>', '山田太郎'],
    ['KOI8-R', '=?koi8-r?B?6dfBziDwxdTSz9c=?= <ivan@x.ru>', 'Иван Петров'],
    ['a name with an encoded comma', '=?UTF-8?Q?Doe=2C_Jane?= <jane@x.com>', 'Doe, Jane'],
    ['an encoded comment', 'jane@x.com (=?UTF-8?Q?Jan=C3=A9?=)', 'Jané'],
  ])('decodes a %s name', (_, raw, name) => {
    expect(parseAddressList(raw)).toEqual([{ name, email: expect.any(String) }]);
  });

  it.each([
    ['no address at all', 'Jane Doe'],
    ['an empty angle address', 'Jane <>'],
    ['two @', 'jane@@x.com'],
    ['no domain', 'jane@'],
    ['no local part', '<@x.com>'],
    ['an empty header', ''],
    ['only separators', ',,;:'],
    ['an unterminated quote', '"Jane <jane@x.com>'],
  ])('drops entries with %s', (_, raw) => {
    expect(parseAddressList(raw)).toEqual([]);
  });

  it('keeps the valid entries of a partly broken list', () => {
    expect(parseAddressList('Jane Doe, bob@y.org, <broken')).toEqual([{ name: '', email: 'bob@y.org' }]);
  });

  it('returns only lowercase emails with exactly one @, whatever the input', () => {
    const pieces = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('"', '<', '>', '(', ')', ',', ';', ':', '@', '\\', ' ', '=?utf-8?q?a?='),
      fc.emailAddress(),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        for (const person of parseAddressList(parts.join(''))) {
          expect(person.email.split('@')).toHaveLength(2);
          expect(person.email).toBe(person.email.toLowerCase());
          expect(typeof person.name).toBe('string');
        }
      }),
    );
  });

  it('finds every address of a generated list', () => {
    fc.assert(
      fc.property(fc.array(fc.emailAddress(), { minLength: 1, maxLength: 5 }), (emails) => {
        const header = emails.map((email, i) => `"Person ${i}, Jr" <${email}>`).join(', ');
        expect(parseAddressList(header).map((person) => person.email)).toEqual(emails.map((e) => e.toLowerCase()));
      }),
    );
  });
});

describe('parseMailbox', () => {
  it('returns the first mailbox', () => {
    expect(parseMailbox('Jane <jane@x.com>, bob@y.org')).toEqual({ name: 'Jane', email: 'jane@x.com' });
  });

  it('returns null when there is none', () => {
    expect(parseMailbox('undisclosed-recipients:;')).toBeNull();
  });
});

describe('domainOf', () => {
  it.each([
    ['jane@x.com', 'x.com'],
    ['Jane@Mail.X.COM', 'mail.x.com'],
    ['no-at-sign', ''],
    ['', ''],
  ])('domainOf(%j) is %j', (email, domain) => {
    expect(domainOf(email)).toBe(domain);
  });
});
