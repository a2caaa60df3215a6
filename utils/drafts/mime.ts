/**
 * The raw RFC 5322 message of a reply draft, for Gmail's drafts.create (issue 5): UTF-8
 * multipart/alternative with a plain-text and an HTML part, RFC 2047 headers, threading headers
 * from the last message.
 *
 * Header injection: no input can add a header line or a body part. Control characters (CR, LF,
 * NUL, …) in display names and the subject become spaces; an address that is not a plain
 * addr-spec (dot-atom@dot-atom) or a message-id that is not a msg-id is dropped with its header,
 * because a repaired address or id would point somewhere the caller never meant.
 */
import { encodeBody, encodeWords, foldHeader, hasControl, neutralizeControls, toBase64 } from './encoding';

export interface MailboxInput {
  name: string;
  email: string;
}

export interface ReplyMimeInput {
  from: MailboxInput;
  to: readonly MailboxInput[];
  /** The thread's subject; `replySubject` is applied, so an existing `Re:` is kept as is. */
  subject: string;
  /** Message-ID of the message replied to, with or without angle brackets. */
  inReplyTo: string | null;
  /** That message's References, one message-id per entry. */
  references: readonly string[];
  text: string;
  html: string;
  date: Date;
  /** Gmail assigns one when absent. */
  messageId?: string;
  /**
   * Multipart boundary (RFC 2046 §5.1.1), chosen by the caller so tests stay deterministic.
   * A value containing `=_` can occur in neither a quoted-printable nor a base64 body.
   */
  boundary: string;
}

// Already a reply: English `Re:` in any case, and `Res:` which Brazilian Portuguese Gmail writes.
const ALREADY_REPLY = /^\s*(?:re|res)\s*:/i;

/** `Re: ` + subject, unless the subject is already a reply (`Fwd: x` still becomes `Re: Fwd: x`). */
export function replySubject(original: string): string {
  return ALREADY_REPLY.test(original) ? original : `Re: ${original}`;
}

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const DOT_ATOM = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const ADDR_SPEC = new RegExp(`^${DOT_ATOM}@${DOT_ATOM}$`);
const MSG_ID = new RegExp(`^<${DOT_ATOM}@(?:${DOT_ATOM}|\\[[\\x21-\\x5a\\x5e-\\x7e]*\\])>$`);
const ATOMS = new RegExp(`^${ATEXT}+(?: ${ATEXT}+)*$`);
const PRINTABLE_WORDS = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
const PRINTABLE = /^[\x20-\x7e]*$/;
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;
// A plain token this long still fits a 78-character line after "Subject: " or a folding space.
const PLAIN_TOKEN_MAX = 68;

/** The message, CRLF line breaks throughout. Throws a RangeError on an unusable boundary. */
export function buildReplyMime(input: ReplyMimeInput): string {
  const { boundary } = input;
  if (!BOUNDARY.test(boundary)) throw new RangeError('The MIME boundary is not a valid RFC 2046 boundary.');
  const parts = [bodyPart('text/plain', input.text), bodyPart('text/html', input.html)];
  if (parts.some((part) => part.includes(`--${boundary}`))) {
    throw new RangeError('The MIME boundary occurs in the body; choose another one.');
  }
  const headers = [...addressHeaders(input), ...threadHeaders(input), 'MIME-Version: 1.0'];
  headers.push(foldHeader('Content-Type', ['multipart/alternative;', `boundary="${boundary}"`]));
  return [...headers, '', ...parts.flatMap((part) => [`--${boundary}`, part]), `--${boundary}--`, ''].join('\r\n');
}

/** Gmail's `raw` field: the message's UTF-8 bytes in base64url. */
export function toRawBase64Url(message: string): string {
  return toBase64(new TextEncoder().encode(message)).replace(/\+/g, '-').replace(/\//g, '_');
}

function addressHeaders(input: ReplyMimeInput): string[] {
  const from = mailboxTokens(input.from);
  const recipients = input.to.map(mailboxTokens).filter((tokens) => tokens !== null);
  // Commas go on the last token of each mailbox, so folding never starts a line with one.
  const to = recipients.flatMap((tokens, i) => (i === recipients.length - 1 ? tokens : withComma(tokens)));
  const headers = from === null ? [] : [foldHeader('From', from)];
  if (to.length > 0) headers.push(foldHeader('To', to));
  headers.push(foldHeader('Subject', unstructuredTokens(neutralizeControls(replySubject(input.subject)))));
  return headers;
}

function threadHeaders(input: ReplyMimeInput): string[] {
  const headers: string[] = [];
  if (!Number.isNaN(input.date.getTime())) headers.push(`Date: ${input.date.toUTCString().replace(/GMT$/, '+0000')}`);
  const messageId = input.messageId === undefined ? null : msgId(input.messageId);
  if (messageId !== null) headers.push(foldHeader('Message-ID', [messageId]));
  const parent = input.inReplyTo === null ? null : msgId(input.inReplyTo);
  if (parent !== null) headers.push(foldHeader('In-Reply-To', [parent]));
  const references = lastOccurrences([...input.references.map(msgId), parent].filter((id) => id !== null));
  if (references.length > 0) headers.push(foldHeader('References', references));
  return headers;
}

function withComma(tokens: string[]): string[] {
  return tokens.map((token, i) => (i === tokens.length - 1 ? `${token},` : token));
}

function mailboxTokens({ name, email }: MailboxInput): string[] | null {
  if (!ADDR_SPEC.test(email)) return null;
  const phrase = phraseTokens(neutralizeControls(name).trim());
  return phrase.length === 0 ? [email] : [...phrase, `<${email}>`];
}

/** Atoms as they are, other printable ASCII quoted (RFC 5322 §3.2.4), the rest encoded-words. */
function phraseTokens(name: string): string[] {
  if (name === '') return [];
  // Plain text that looks like an encoded-word would be decoded by the reader: encode it.
  const plainIsSafe = !name.includes('=?');
  if (plainIsSafe && ATOMS.test(name) && name.split(' ').every((atom) => atom.length <= PLAIN_TOKEN_MAX)) {
    return name.split(' ');
  }
  const quoted = `"${name.replace(/[\\"]/g, '\\$&')}"`;
  if (plainIsSafe && PRINTABLE.test(name) && quoted.length <= PLAIN_TOKEN_MAX) return [quoted];
  return encodeWords(name);
}

/** Subject text: plain when it is printable ASCII words that fit a line, else encoded-words. */
function unstructuredTokens(text: string): string[] {
  if (text === '') return [];
  const words = text.split(' ');
  const plain = PRINTABLE_WORDS.test(text) && !text.includes('=?') && words.every((w) => w.length <= PLAIN_TOKEN_MAX);
  return plain ? words : encodeWords(text);
}

/** `<id>` when `raw` (with or without brackets) is a syntactic msg-id, else null. */
function msgId(raw: string): string | null {
  if (hasControl(raw)) return null;
  const bracketed = raw.startsWith('<') ? raw : `<${raw}>`;
  return MSG_ID.test(bracketed) ? bracketed : null;
}

/** Duplicates removed keeping the last one, so the parent's id stays last (RFC 5322 §3.6.4). */
function lastOccurrences(ids: string[]): string[] {
  return [...new Set(ids.reverse())].reverse();
}

function bodyPart(mediaType: string, text: string): string {
  const { encoding, body } = encodeBody(text);
  return [`Content-Type: ${mediaType}; charset=UTF-8`, `Content-Transfer-Encoding: ${encoding}`, '', body].join('\r\n');
}
