/** Whether the customer is waiting for an answer, and since when (F2). */
import type { GmailMessage } from '../gmail/schemas';
import { isFromOutside } from './customer';
import { internalDateOf } from './messages';
import { type SlaMessage, slaTimeline } from '../cases/sla';
import type { WaitingState } from './types';

/**
 * `messages` are the non-draft messages, oldest first. The customer waits from their first
 * message after the agent's side last wrote — the moment the unanswered stretch began, which is
 * what an SLA counts from — and is answered when the agent's side wrote last.
 */
export function waitingStateOf(messages: readonly GmailMessage[], agentEmail: string): WaitingState {
  const outside = messages.map((message) => isFromOutside(message, agentEmail));
  if (!outside.includes(true)) return { state: 'none' };
  const newest = messages.at(-1);
  if (newest === undefined) return { state: 'none' };
  if (outside.at(-1) !== true) return { state: 'answered', at: internalDateOf(newest) };
  const firstUnanswered = messages[outside.lastIndexOf(false) + 1] ?? newest;
  return { state: 'waiting', since: internalDateOf(firstUnanswered) };
}

/** What an SLA is computed from (F4): the messages that decide it, oldest first (slaTimeline). */
export function timelineOf(messages: readonly GmailMessage[], agentEmail: string): SlaMessage[] {
  return slaTimeline(messages.map((message) => ({ at: internalDateOf(message), fromCustomer: isFromOutside(message, agentEmail) })));
}
