/**
 * fast-check generators of Gmail threads that pass threadSchema but hold whatever a hostile or
 * broken mailer can put there: address headers of any text and near-valid syntax, encoded-words
 * with bad charsets, dates past 2^53, odd labels, MIME trees of any shape.
 */
import fc from 'fast-check';
import { type GmailMessagePart, type GmailThread, threadSchema } from '../../../utils/gmail/schemas';

export const AGENT_EMAIL = 'agent@support.example';

const hexId = fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }).map((n) => n.toString(16));

/** Header text: plain, encoded-word-ish, address-ish, or any unicode at all. */
export const headerText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('=?UTF-8?B?Sm9zw6k=?=', '=?x-klingon?Q?a?=', '=?utf-8?B?%%%?=', '=?utf-8?Q?=G1?=', '=?', '"', '<', '>', '\r\n ', ',', ';', ':', '(', ')', '@'),
  fc.tuple(fc.string({ maxLength: 8 }), fc.emailAddress()).map(([name, email]) => `${name} <${email}>`),
  fc.constantFrom(AGENT_EMAIL, 'Ana <AGENT@support.example>', 'no-reply@forms.example', 'bob@support.example', 'olga@shop.example'),
);
const headerValue = fc.array(headerText, { maxLength: 4 }).map((pieces) => pieces.join(''));
const headerName = fc.constantFrom('From', 'To', 'Cc', 'Reply-To', 'Subject', 'from', 'SUBJECT', 'Message-ID', 'References', 'In-Reply-To', 'X-Other');
const headers = fc.array(fc.record({ name: headerName, value: headerValue }), { maxLength: 6 });

const partFields = {
  mimeType: fc.constantFrom('multipart/mixed', 'text/plain', 'image/png', '', 'application/x-\u0000'),
  filename: fc.oneof(fc.constant(''), headerText),
  body: fc.record({ size: fc.nat() }, { requiredKeys: [] }),
};

/** A MIME tree a few levels deep, any field present or not. */
export const part: fc.Arbitrary<GmailMessagePart> = fc.letrec<{ part: GmailMessagePart }>((tie) => ({
  part: fc.record(
    { ...partFields, headers, parts: fc.array(tie('part'), { maxLength: 3, depthIdentifier: 'parts' }) },
    { requiredKeys: [] },
  ),
})).part;

const labelIds = fc.array(fc.oneof(fc.constantFrom('INBOX', 'SENT', 'DRAFT', 'SPAM', 'TRASH', 'CATEGORY_PERSONAL', 'Label_1'), fc.string({ maxLength: 6 })), { maxLength: 4 });
/** Up to 20 digits, as the schema allows: 0, real dates, and values no JSON number holds. */
const internalDate = fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 20n - 1n }), fc.bigInt({ min: 1_600_000_000_000n, max: 1_900_000_000_000n })).map(String);

const message = fc.record({
  id: hexId,
  labelIds: fc.option(labelIds, { nil: undefined }),
  internalDate,
  payload: fc.option(fc.tuple(part, headers).map(([root, top]) => ({ ...root, headers: top })), { nil: undefined }),
});

/** A schema-valid thread of 1–4 messages. */
export const thread: fc.Arbitrary<GmailThread> = fc
  .tuple(hexId, fc.option(internalDate, { nil: undefined }), fc.array(message, { minLength: 1, maxLength: 4 }))
  .map(([id, historyId, messages]) =>
    threadSchema.parse({ id, ...(historyId === undefined ? {} : { historyId }), messages: messages.map((m) => ({ ...m, threadId: id })) }),
  );

/** Every part of a message in document order (recursive: only for the shallow trees above). */
export function partsInOrder(root: GmailMessagePart | undefined): GmailMessagePart[] {
  return root === undefined ? [] : [root, ...(root.parts ?? []).flatMap(partsInOrder)];
}
