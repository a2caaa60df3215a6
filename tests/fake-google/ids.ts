/**
 * Gmail-like identifiers. A real message id is the delivery time in ms shifted left 20 bits plus
 * 20 random bits, written as 16 hex digits (e.g. 1783bdc5ee6857a2 ↔ 2021-03-16T16:26:40Z); a
 * thread's id is its first message's id. The web UI writes the same number in decimal
 * (`thread-f:<decimal>`). The URL token (`#inbox/FMfcgz…`) is opaque and unrelated to the id.
 */
import { randomBytes, randomInt, createHash } from 'node:crypto';

export const HEX_ID = /^[0-9a-f]{1,16}$/;

export function gmailIdFor(epochMs: number, taken: ReadonlySet<string>): string {
  for (;;) {
    const value = (BigInt(Math.max(0, Math.trunc(epochMs))) << 20n) | BigInt(randomInt(0, 1 << 20));
    const id = value.toString(16).padStart(16, '0');
    if (!taken.has(id)) return id;
  }
}

export function hexToDecimal(hex: string): string {
  return BigInt(`0x${hex}`).toString(10);
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** An opaque conversation token like Gmail's (`FMfcgz` + 26 letters); not derivable from the id. */
export function opaqueToken(): string {
  let token = 'FMfcgz';
  for (let i = 0; i < 26; i++) token += LETTERS[randomInt(0, LETTERS.length)];
  return token;
}

/** `thread-a:r<digits>` / `msg-a:r<digits>`: what Gmail shows before a sent message syncs. */
export function unsyncedDigits(): string {
  return `-${BigInt(`0x${randomBytes(8).toString('hex')}`) % 9_000_000_000_000_000_000n}`;
}

/**
 * A draft id like Gmail's: `r` and a decimal number — unlike message and thread ids, not hex, so
 * a client cannot treat the two alike.
 */
export function draftIdFor(taken: ReadonlySet<string>): string {
  for (;;) {
    const id = `r${BigInt(`0x${randomBytes(8).toString('hex')}`) >> 1n}`;
    if (!taken.has(id)) return id;
  }
}

/** A Message-ID as Gmail writes for mail composed in it: `<CA` + opaque base64 + `@mail.gmail.com>`. */
export function gmailMessageIdHeader(): string {
  return `<CA${randomBytes(36).toString('base64')}@mail.gmail.com>`;
}

/** A stable numeric Google account id ("sub") per email. */
export function subjectIdFor(email: string): string {
  const digest = createHash('sha256').update(email.toLowerCase()).digest();
  return `1${(digest.readBigUInt64BE(0) % 10n ** 20n).toString().padStart(20, '0')}`;
}

export function base64url(bytes: Buffer | string, pad = true): string {
  const encoded = Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  return pad ? encoded : encoded.replace(/=+$/, '');
}

export function randomToken(bytes: number): string {
  return base64url(randomBytes(bytes), false);
}
