/**
 * Builds a real RFC 822 / MIME message from a seed message: multipart/alternative for text +
 * html, multipart/mixed around attachments, quoted-printable or base64 bodies, a Message-ID and
 * In-Reply-To/References chained through the thread. The Gmail resource is then derived from
 * these bytes (mime-parse.ts), the way Gmail derives it from what it received.
 */
import { createHash } from 'node:crypto';
import type { SeedAttachment, SeedMessage } from './types.ts';

export interface BuildContext {
  /** Address of the mailbox owner (Delivered-To on incoming mail). */
  accountEmail: string;
  incoming: boolean;
  epochMs: number;
  messageIdHeader: string;
  /** Message-IDs of earlier messages in the thread, oldest first. */
  references: string[];
}

const CRLF = '\r\n';

/** RFC 5322 date, e.g. "Tue, 16 Mar 2021 16:26:40 +0000". */
export function rfc822Date(epochMs: number): string {
  return new Date(epochMs).toUTCString().replace('GMT', '+0000');
}

function boundaryFor(seed: string): string {
  // Gmail's own boundaries are 28 hex-ish characters prefixed with zeros.
  return `000000000000${createHash('sha1').update(seed).digest('hex').slice(0, 16)}`;
}

function needsEncoding(text: string): boolean {
  return /[^\x20-\x7e\r\n\t]/.test(text) || text.split('\n').some((line) => line.length > 76);
}

/** Quoted-printable (RFC 2045 §6.7) of UTF-8 text, soft-wrapped at 76 columns. */
export function quotedPrintable(text: string): string {
  const lines = text.replace(/\r?\n/g, '\n').split('\n');
  return lines
    .map((line) => {
      let encoded = '';
      for (const byte of Buffer.from(line, 'utf8')) {
        const char = String.fromCharCode(byte);
        encoded += (byte >= 33 && byte <= 126 && char !== '=') || byte === 32 ? char : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
      encoded = encoded.replace(/ $/, '=20');
      const wrapped: string[] = [];
      while (encoded.length > 76) {
        let cut = 75;
        // Never split an =XX escape.
        while (encoded[cut - 1] === '=' || encoded[cut - 2] === '=') cut--;
        wrapped.push(`${encoded.slice(0, cut)}=`);
        encoded = encoded.slice(cut);
      }
      wrapped.push(encoded);
      return wrapped.join(CRLF);
    })
    .join(CRLF);
}

function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? ['']).join(CRLF);
}

export function textPart(subtype: 'plain' | 'html', text: string): string {
  const encode = needsEncoding(text);
  const body = encode ? quotedPrintable(text) : text.replace(/\r?\n/g, CRLF);
  const head = [`Content-Type: text/${subtype}; charset="UTF-8"`];
  if (encode) head.push('Content-Transfer-Encoding: quoted-printable');
  return `${head.join(CRLF)}${CRLF}${CRLF}${body}`;
}

/** A plausible file: real magic bytes for PDF and PNG, then filler up to the requested size. */
export function attachmentBytes(attachment: SeedAttachment): Buffer {
  if (attachment.content !== undefined) return Buffer.from(attachment.content, 'utf8');
  const size = attachment.size ?? 2048;
  const magic =
    attachment.mimeType === 'application/pdf'
      ? Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')
      : attachment.mimeType === 'image/png'
        ? Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        : Buffer.alloc(0);
  const filler = Buffer.alloc(Math.max(0, size - magic.length));
  for (let i = 0; i < filler.length; i++) filler[i] = (i * 31 + 7) & 0xff;
  return Buffer.concat([magic, filler]).subarray(0, Math.max(size, magic.length));
}

function attachmentPart(attachment: SeedAttachment, index: number, seed: string): string {
  const attachmentId = `f_${createHash('sha1').update(`${seed}:${index}`).digest('hex').slice(0, 9)}${index}`;
  return [
    `Content-Type: ${attachment.mimeType}; name="${attachment.filename}"`,
    `Content-Disposition: attachment; filename="${attachment.filename}"`,
    'Content-Transfer-Encoding: base64',
    `Content-ID: <${attachmentId}>`,
    `X-Attachment-Id: ${attachmentId}`,
    '',
    base64Lines(attachmentBytes(attachment)),
  ].join(CRLF);
}

function multipart(subtype: 'alternative' | 'mixed', boundary: string, parts: string[]): string {
  // The CRLF before each delimiter belongs to the delimiter (RFC 2046 §5.1.1), not to the part.
  const body = parts.map((part) => `--${boundary}${CRLF}${part}${CRLF}`).join('');
  return `Content-Type: multipart/${subtype}; boundary="${boundary}"${CRLF}${CRLF}${body}--${boundary}--`;
}

function bodyEntity(message: SeedMessage, seed: string): string {
  const alternatives: string[] = [];
  if (message.text !== undefined || message.html === undefined) alternatives.push(textPart('plain', message.text ?? ''));
  if (message.html !== undefined) alternatives.push(textPart('html', message.html));
  const content =
    alternatives.length > 1 ? multipart('alternative', boundaryFor(`${seed}:alt`), alternatives) : (alternatives[0] ?? '');
  const attachments = message.attachments ?? [];
  const entity =
    attachments.length === 0
      ? content
      : multipart('mixed', boundaryFor(`${seed}:mixed`), [content, ...attachments.map((a, i) => attachmentPart(a, i, seed))]);
  return nested(entity, message.nesting ?? 0, seed);
}

/** `entity` inside `depth` multipart/mixed levels, each with a boundary of its own. */
function nested(entity: string, depth: number, seed: string): string {
  let wrapped = entity;
  for (let level = depth; level > 0; level--) wrapped = multipart('mixed', boundaryFor(`${seed}:nest:${level}`), [wrapped]);
  return wrapped;
}

/** The whole message as a string (headers may carry raw UTF-8; bodies are 7-bit). */
export function buildRawMessage(message: SeedMessage, context: BuildContext): string {
  const headers: [string, string][] = [];
  if (context.incoming) headers.push(['Delivered-To', context.accountEmail]);
  headers.push(['MIME-Version', '1.0'], ['Date', rfc822Date(context.epochMs)], ['Message-ID', context.messageIdHeader]);
  const last = context.references.at(-1);
  if (last !== undefined) headers.push(['References', context.references.join(' ')], ['In-Reply-To', last]);
  if (message.subject !== undefined) headers.push(['Subject', message.subject]);
  headers.push(['From', message.from]);
  if (message.to !== undefined) headers.push(['To', message.to]);
  if (message.cc !== undefined) headers.push(['Cc', message.cc]);
  if (message.replyTo !== undefined) headers.push(['Reply-To', message.replyTo]);
  for (const [name, value] of Object.entries(message.headers ?? {})) headers.push([name, value]);
  const head = headers.map(([name, value]) => `${name}: ${value}`).join(CRLF);
  return `${head}${CRLF}${bodyEntity(message, context.messageIdHeader)}${CRLF}`;
}
