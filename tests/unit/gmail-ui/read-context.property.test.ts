/**
 * What the content script reads from Gmail's page, on any page (issue 7 › 4): any path, title, hash
 * and attribute values give a context the background accepts (gmailContextSchema) or none; a
 * context the background refused would leave the panel on the previous conversation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type GmailPage, MAX_SENDERS, accountEmailOf, accountPathOf, readGmailContext } from '../../../utils/gmail-ui/read-context';
import { LEGACY_THREAD_ID_ATTR, MESSAGE_SENDER, PERM_THREAD_ID_ATTR, SENDER_EMAIL_ATTR } from '../../../utils/gmail-ui/selectors';
import { gmailContextSchema } from '../../../utils/messaging/protocol';

const ACCOUNT_PATH = /^\/mail(\/b\/[A-Za-z0-9_-]{1,64})?\/u\/\d{1,2}$/;

const validPath = fc
  .tuple(fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), { nil: null }), fc.integer({ min: 0, max: 99 }))
  .map(([delegated, user]) => `/mail${delegated === null ? '' : `/b/${delegated}`}/u/${user}`);
const pathname = fc.oneof(validPath.chain((path) => fc.constantFrom('', '/', '/#inbox', '/x').map((tail) => path + tail)), fc.string({ unit: 'binary', maxLength: 30 }));

/** Addresses as mail writes them: plain, VERP bounces with '=', unicode, quoted, too long, junk. */
const address = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom('bounces+123=agent=support.example@mailer.example', 'josé@exemplo.com.br', 'info@bücher.example', 'a..b@x.example', '"quoted"@x.example', 'x@localhost', `${'a'.repeat(320)}@x.example`, 'Olga@Shop.Example'),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const threadIdAttr = fc.oneof(
  fc.bigInt({ min: 0n, max: 1n << 70n }).chain((n) => fc.constantFrom(`thread-f:${n}`, `#thread-f:00${n}`, n.toString(16), `00${n.toString(16)}`)),
  fc.constantFrom('undefined', 'thread-a:r-123', 'FFFF', ''),
  fc.string({ unit: 'binary', maxLength: 24 }),
);

interface FakeElement {
  getAttribute: (name: string) => string | null;
  hasAttribute: (name: string) => boolean;
  parentElement: null;
}
const element = (attributes: Record<string, string>): FakeElement => ({
  getAttribute: (name) => attributes[name] ?? null,
  hasAttribute: (name) => name in attributes,
  parentElement: null,
});

const page: fc.Arbitrary<GmailPage> = fc
  .record({
    pathname,
    hash: fc.oneof(fc.constantFrom('#inbox', '#inbox/FMfcgzQZTMHvdrKlDfLpRRnCXhnqTxMj', '#settings', '#label/a/FMfcgzQZTMHvdrKl?compose=new'), fc.string({ maxLength: 30 })),
    title: fc.oneof(fc.tuple(fc.string({ maxLength: 20 }), address).map(([subject, email]) => `${subject} - ${email} - Gmail`), fc.string({ maxLength: 40 })),
    headings: fc.array(fc.record({ [LEGACY_THREAD_ID_ATTR]: threadIdAttr, [PERM_THREAD_ID_ATTR]: threadIdAttr }, { requiredKeys: [] }), { maxLength: 3 }),
    senders: fc.array(address, { maxLength: 25 }),
  })
  .map(({ pathname: path, hash, title, headings, senders }) => ({
    pathname: path,
    hash,
    title,
    querySelectorAll: (selector: string) =>
      (selector === MESSAGE_SENDER ? senders.map((email) => element({ [SENDER_EMAIL_ATTR]: email })) : headings.map(element)) as unknown as Element[],
  }));

describe('readGmailContext on any page', () => {
  it('gives a context the background accepts, or none (property)', () => {
    fc.assert(
      fc.property(page, (gmailPage) => {
        const context = readGmailContext(gmailPage);
        if (context === null) return;
        expect(gmailContextSchema.safeParse(context).error).toBeUndefined();
        expect(context.senders.length).toBeLessThanOrEqual(MAX_SENDERS);
        if (context.threadId !== null) expect(context.threadId).toMatch(/^[0-9a-f]{1,16}$/);
      }),
    );
  });

  it('reads the account path as a prefix of the pathname, or none (property)', () => {
    fc.assert(
      fc.property(pathname, (path) => {
        const account = accountPathOf(path);
        if (account === null) return;
        expect(account).toMatch(ACCOUNT_PATH);
        expect(path === '/mail' || path === '/mail/' || path.startsWith(account)).toBe(true);
      }),
    );
  });

  it('finds the account in a title whatever the subject before it holds (property)', () => {
    const accepted = fc.emailAddress().filter((email) => z.email().safeParse(email).success);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), accepted, (subject, email) => {
        expect(accountEmailOf(`${subject} - ${email} - Gmail`)).toBe(email.toLowerCase());
      }),
    );
  });
});

describe('an address the background would refuse', () => {
  // Bug found by the property above: one such sender made the background drop the whole context.
  it.each(['bounces+123=agent=support.example@mailer.example', 'josé@exemplo.com.br', 'info@bücher.example', `${'a'.repeat(320)}@x.example`])(
    'is left out of the senders, and the context still reaches the background: %s',
    (odd) => {
      const context = readGmailContext({
        pathname: '/mail/u/0/',
        hash: '#inbox/FMfcgzQZTMHvdrKlDfLpRRnCXhnqTxMj',
        title: `Refund - ${odd} - Gmail`,
        querySelectorAll: (selector) => (selector === MESSAGE_SENDER ? [element({ [SENDER_EMAIL_ATTR]: odd }), element({ [SENDER_EMAIL_ATTR]: 'olga@shop.example' })] : []) as unknown as Element[],
      });
      expect(context).toMatchObject({ accountEmail: null, senders: ['olga@shop.example'] });
      expect(gmailContextSchema.safeParse(context).success).toBe(true);
    },
  );
});
