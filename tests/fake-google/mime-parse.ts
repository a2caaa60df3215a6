/**
 * Parses a raw RFC 822 message and derives Gmail's MessagePart tree from it, as Gmail does:
 * partId '' for the root and '0', '0.1', … below; mimeType without parameters; headers exactly as
 * in the message (unfolded, not RFC 2047-decoded); body {size, data} with the transfer encoding
 * undone and the bytes in base64url *with* padding; parts with a filename get
 * body {attachmentId, size} instead of data.
 */
import type { GmailHeaderResource, GmailMessagePartResource } from './types.ts';
import { base64url } from './ids.ts';

export interface ParsedEntity {
  headers: GmailHeaderResource[];
  mimeType: string;
  params: Record<string, string>;
  filename: string;
  /** Decoded body bytes (empty for multiparts). */
  body: Buffer;
  parts: ParsedEntity[];
}

export function splitHead(raw: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  if (match === null) return { head: raw, body: '' };
  return { head: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) };
}

export function parseHeaders(head: string): GmailHeaderResource[] {
  const unfolded = head.replace(/\r?\n(?=[ \t])/g, '');
  return unfolded
    .split(/\r?\n/)
    .filter((line) => line.includes(':'))
    .map((line) => {
      const colon = line.indexOf(':');
      return { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
    });
}

export function headerValue(headers: readonly GmailHeaderResource[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}

/** `type/subtype; a="b"; c=d` → type and lower-cased parameter names. */
function parseStructured(value: string): { value: string; params: Record<string, string> } {
  const [first = '', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const piece of rest) {
    const eq = piece.indexOf('=');
    if (eq < 0) continue;
    params[piece.slice(0, eq).trim().toLowerCase()] = piece.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return { value: first.trim().toLowerCase(), params };
}

function decodeQuotedPrintable(text: string): Buffer {
  const softBreaksRemoved = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < softBreaksRemoved.length; i++) {
    const char = softBreaksRemoved[i] ?? '';
    const hex = softBreaksRemoved.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function decodeBody(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return Buffer.from(body, 'utf8');
  }
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const pieces = body.split(new RegExp(`\\r?\\n?${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  // pieces[0] is the preamble; the piece starting with '--' is the epilogue after the close.
  const parts: string[] = [];
  for (const piece of pieces.slice(1)) {
    if (piece.startsWith('--')) break;
    parts.push(piece.replace(/^[ \t]*\r?\n/, ''));
  }
  return parts;
}

export function parseEntity(raw: string): ParsedEntity {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const contentType = parseStructured(headerValue(headers, 'Content-Type') ?? 'text/plain; charset="us-ascii"');
  const disposition = parseStructured(headerValue(headers, 'Content-Disposition') ?? '');
  const filename = disposition.params['filename'] ?? contentType.params['name'] ?? '';
  const boundary = contentType.params['boundary'];
  if (contentType.value.startsWith('multipart/') && boundary !== undefined) {
    return {
      headers,
      mimeType: contentType.value,
      params: contentType.params,
      filename,
      body: Buffer.alloc(0),
      parts: splitMultipart(body, boundary).map(parseEntity),
    };
  }
  return {
    headers,
    mimeType: contentType.value,
    params: contentType.params,
    filename,
    body: decodeBody(body, headerValue(headers, 'Content-Transfer-Encoding')),
    parts: [],
  };
}

/** An attachment id that is stable for a part of a message (Gmail's are opaque too). */
export function attachmentIdFor(messageId: string, partId: string): string {
  return `ANGjdJ${base64url(`${messageId}:${partId}:fake-google-attachment`, false)}`;
}

export function toMessagePart(entity: ParsedEntity, messageId: string, partId = ''): GmailMessagePartResource {
  const part: GmailMessagePartResource = {
    partId,
    mimeType: entity.mimeType,
    filename: entity.filename,
    headers: entity.headers,
    body:
      entity.mimeType.startsWith('multipart/')
        ? { size: 0 }
        : entity.filename !== ''
          ? { attachmentId: attachmentIdFor(messageId, partId), size: entity.body.length }
          : entity.body.length === 0
            ? { size: 0 }
            : { size: entity.body.length, data: base64url(entity.body) },
  };
  if (entity.parts.length > 0) {
    part.parts = entity.parts.map((child, index) =>
      toMessagePart(child, messageId, partId === '' ? String(index) : `${partId}.${index}`),
    );
  }
  return part;
}

/** Finds a leaf entity by Gmail partId. */
export function entityAt(root: ParsedEntity, partId: string): ParsedEntity | undefined {
  if (partId === '') return root;
  let current: ParsedEntity | undefined = root;
  for (const index of partId.split('.')) current = current?.parts[Number(index)];
  return current;
}

/** The first text/plain (else text/html) leaf, decoded as UTF-8. */
export function bodyText(entity: ParsedEntity): { text: string; html: boolean } | undefined {
  const leaves: ParsedEntity[] = [];
  const walk = (e: ParsedEntity): void => {
    if (e.parts.length === 0 && e.filename === '') leaves.push(e);
    e.parts.forEach(walk);
  };
  walk(entity);
  const plain = leaves.find((e) => e.mimeType === 'text/plain');
  if (plain !== undefined) return { text: plain.body.toString('utf8'), html: false };
  const html = leaves.find((e) => e.mimeType === 'text/html');
  return html === undefined ? undefined : { text: html.body.toString('utf8'), html: true };
}
