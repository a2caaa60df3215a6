/**
 * Who the customer of a conversation is (F2): the external correspondent — not the agent, not a
 * colleague on the agent's domain, and not a no-reply/contact-form sender when a Reply-To points
 * at the person who really wrote.
 */
import type { GmailMessage } from '../gmail/schemas';
import { domainOf, parseMailbox } from './addresses';
import { addressesIn, headerValue, isSent, nonDraftOldestFirst } from './messages';
import { collectParticipants } from './participants';
import type { Customer, Person } from './types';

/**
 * Mail providers anyone can sign up to: sharing one with the agent says nothing about being a
 * colleague, so on these only the agent's exact address is internal.
 */
const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com',
  'yahoo.com', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me',
  'protonmail.com', 'gmx.com', 'gmx.de', 'web.de', 'mail.ru', 'yandex.ru', 'zoho.com',
  // Common in Brazil, where the publisher is.
  'uol.com.br', 'bol.com.br', 'terra.com.br', 'hotmail.com.br', 'yahoo.com.br', 'outlook.com.br',
]);

/** Local parts (separators removed) used by senders nobody can answer, e.g. contact forms. */
const UNANSWERABLE_LOCAL_PARTS = new Set([
  'mailerdaemon', 'postmaster', 'bounce', 'bounces', 'wordpress', 'form', 'forms', 'webform',
  'formmail', 'contactform', 'notification', 'notifications', 'notify', 'automated',
]);
const NO_REPLY_WORDS = /noreply|donotreply|dontreply/;

export function isNoReplyAddress(email: string): boolean {
  if (typeof email !== 'string') return false;
  const at = email.lastIndexOf('@');
  const localPart = (at === -1 ? email : email.slice(0, at)).toLowerCase();
  const withoutTag = localPart.split('+')[0] ?? '';
  const compact = (part: string): string => part.replace(/[^a-z0-9]/g, '');
  return NO_REPLY_WORDS.test(compact(localPart)) || UNANSWERABLE_LOCAL_PARTS.has(compact(withoutTag));
}

/** The agent's own address, or a colleague on the agent's (non-public) domain. */
export function isInternal(email: string, agentEmail: string): boolean {
  const address = normalize(email);
  const agent = normalize(agentEmail);
  if (address === '' || agent === '') return false;
  if (address === agent) return true;
  const agentDomain = domainOf(agent);
  if (agentDomain === '' || PUBLIC_MAIL_DOMAINS.has(agentDomain)) return false;
  return domainOf(address) === agentDomain;
}

/**
 * Whether a message came from the customer's side: not sent from this mailbox (no SENT label)
 * and its real sender is neither the agent nor a colleague. A message without a readable From
 * counts as outside: nobody on the agent's side sent it.
 */
export function isFromOutside(message: GmailMessage, agentEmail: string): boolean {
  if (isSent(message)) return false;
  const sender = realSender(message, agentEmail);
  return sender === null || !isInternal(sender.email, agentEmail);
}

/**
 * The customer: the candidate of the earliest non-draft message that yields one. A no-reply
 * candidate (a notification without Reply-To) is only used when no message yields a real one,
 * so that the agent's reply to the person behind a form wins over the form's sender.
 */
export function pickCustomer(messages: readonly GmailMessage[], agentEmail: string): Customer | null {
  const ordered = nonDraftOldestFirst(messages);
  let unanswerable: Person | null = null;
  for (const message of ordered) {
    const candidate = candidateOf(message, agentEmail);
    if (candidate === null) continue;
    if (!isNoReplyAddress(candidate.email)) return toCustomer(candidate, ordered);
    unanswerable ??= candidate;
  }
  return unanswerable === null ? null : toCustomer(unanswerable, ordered);
}

function candidateOf(message: GmailMessage, agentEmail: string): Person | null {
  if (isFromOutside(message, agentEmail)) return realSender(message, agentEmail);
  return firstExternal([...addressesIn(message, 'To'), ...addressesIn(message, 'Cc')], agentEmail);
}

/**
 * Who really wrote: the From, unless it is a no-reply/contact-form address with an external
 * Reply-To — then the person the form wrote for. Forms often send from the agent's own domain
 * (wordpress@company.com), so this is also what decides which side the message is on.
 */
function realSender(message: GmailMessage, agentEmail: string): Person | null {
  const from = parseMailbox(headerValue(message, 'From') ?? '');
  if (from !== null && !isNoReplyAddress(from.email)) return from;
  return firstExternal(addressesIn(message, 'Reply-To'), agentEmail) ?? from;
}

/** The first external address that can be answered, else the first external one. */
function firstExternal(people: readonly Person[], agentEmail: string): Person | null {
  const external = people.filter((person) => !isInternal(person.email, agentEmail));
  return external.find((person) => !isNoReplyAddress(person.email)) ?? external[0] ?? null;
}

/** A header may give the address bare where another gave the name; take the name from there. */
function toCustomer(person: Person, messages: readonly GmailMessage[]): Customer {
  const name = person.name || (collectParticipants(messages).find((p) => p.email === person.email)?.name ?? '');
  return { name, email: person.email, domain: domainOf(person.email) };
}

function normalize(email: string): string {
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

/**
 * The customer a conversation probably has, from its senders alone (the content script's hint):
 * the first who is neither on the agent's side nor a no-reply address. A contact form's real
 * customer hides in Reply-To, which only the fetched thread shows: no guess then.
 */
export function likelyCustomer(senders: readonly string[], agentEmail: string): string | null {
  return senders.find((email) => !isInternal(email, agentEmail) && !isNoReplyAddress(email)) ?? null;
}
