/**
 * Gmail's rules for adding a message the API writes (a draft) to an existing thread ("Managing
 * threads" in the Gmail API guide): the request names the thread's id, the message's
 * In-Reply-To or References names a message already in that thread, and its Subject matches the
 * thread's. Anything short of all three starts a new thread — silently, not as an error.
 */
import { decodeEncodedWords } from './address.ts';
import type { StoredMessage, StoredThread } from './mailbox.ts';
import { headerValue, type ParsedEntity } from './mime-parse.ts';

/**
 * Reply and forward prefixes, repeated (`Re: Fwd: RE:`), in any case: English and the forms
 * localised Gmail and common clients write (Res/Enc in Portuguese, AW/WG in German, SV/VS in
 * Scandinavian, TR/RV in French and Spanish, Antw in Dutch).
 */
const PREFIXES = /^(?:\s*(?:re|fwd?|res|enc|aw|wg|sv|vs|tr|rv|antw)\s*:)+/i;

/** A subject as Gmail compares it: encoded-words decoded, prefixes dropped, whitespace collapsed. */
export function baseSubject(subject: string | undefined): string {
  return decodeEncodedWords(subject ?? '')
    .normalize('NFC')
    .replace(PREFIXES, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The `<…>` message ids an In-Reply-To or References header names. */
function referencedIds(entity: ParsedEntity): Set<string> {
  const value = `${headerValue(entity.headers, 'In-Reply-To') ?? ''} ${headerValue(entity.headers, 'References') ?? ''}`;
  return new Set(value.match(/<[^<>\s]+>/g) ?? []);
}

/**
 * Whether a message asked into `thread` joins it. `except` is the message the new one replaces
 * (a draft's previous version), which no longer counts as part of the thread.
 */
export function joinsThread(thread: StoredThread, entity: ParsedEntity, except?: StoredMessage): boolean {
  const members = thread.messages.filter((m) => m !== except);
  const first = members[0];
  if (first === undefined) return false;
  const referenced = referencedIds(entity);
  if (!members.some((m) => referenced.has(m.messageIdHeader))) return false;
  return baseSubject(headerValue(entity.headers, 'Subject')) === baseSubject(headerValue(first.entity.headers, 'Subject'));
}
