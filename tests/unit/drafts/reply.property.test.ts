/**
 * A reply draft to any thread Gmail's schema lets through (issue 7 › 4): hostile From, Reply-To,
 * Subject, Message-ID and References give a well-formed message — 7-bit header lines, encoded-words
 * folded within 78 characters, only plain addresses and message-ids, CRLF throughout — never an
 * exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReplyMime } from '../../../utils/drafts/mime';
import { replyMimeInputOf } from '../../../utils/drafts/reply';
import { unfoldHeader } from '../../../utils/mail/encoded-words';
import { AGENT_EMAIL, thread } from '../mail/arbitrary-thread';

const request = { agent: { name: 'Ana Agent', email: AGENT_EMAIL }, text: 'Olá 👋', date: new Date('2026-11-25T12:00:00Z'), boundary: '=_reply_b' };
const ADDR_SPEC = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const MSG_ID = /^<[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+>$/;

function headersOf(message: string): Map<string, string> {
  const head = unfoldHeader(message.slice(0, message.indexOf('\r\n\r\n')));
  return new Map(head.split('\r\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
}

describe('a reply draft to any schema-valid thread', () => {
  it('is built without an exception, with 7-bit header lines and encoded-words within 78 characters (property)', () => {
    fc.assert(
      fc.property(thread, (gmailThread) => {
        const message = buildReplyMime(replyMimeInputOf(gmailThread, request));
        expect(message).not.toMatch(/[^\r]\n|\r(?!\n)/);
        for (const line of message.slice(0, message.indexOf('\r\n\r\n')).split('\r\n')) {
          expect(line).toMatch(/^[\x20-\x7e]{1,998}$/);
          if (line.includes('=?UTF-8?B?')) expect(line.length).toBeLessThanOrEqual(78);
        }
      }),
    );
  });

  it('addresses only plain addresses and threads only by syntactic message-ids (property)', () => {
    fc.assert(
      fc.property(thread, (gmailThread) => {
        const input = replyMimeInputOf(gmailThread, request);
        const headers = headersOf(buildReplyMime(input));
        for (const email of input.to.map((person) => person.email)) expect(email).not.toMatch(/[\s<>,;"]/);
        const to = headers.get('To');
        if (to !== undefined) for (const mailbox of to.split(', ')) expect(/<([^<>]+)>$/.exec(mailbox)?.[1] ?? mailbox).toMatch(ADDR_SPEC);
        const ids = [headers.get('In-Reply-To'), ...(headers.get('References')?.split(' ') ?? [])].filter((id) => id !== undefined);
        for (const id of ids) expect(id).toMatch(MSG_ID);
      }),
    );
  });
});
