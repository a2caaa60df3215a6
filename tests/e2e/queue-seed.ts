/**
 * A support mailbox with cases at known times (F4, F5), added to AGENT's mailbox through the
 * fake's control API before the agent signs in. At QUEUE_NOW the queue's urgency order is:
 * two overdue (most overdue first), one due, one Pending (no SLA, waiting longest), one answered.
 * A Solved case and a thread without a status are never queued.
 */
import type { FakeGoogleControl } from '../fake-google/index';
import { AGENT } from './seed';

export const QUEUE_NOW = Date.parse('2026-11-24T12:00:00Z');
const HOUR = 3_600_000;
const agent = `${AGENT.name} <${AGENT.email}>`;
const status = (value: 'Open' | 'Pending' | 'Solved') => `iCustomer/Status/${value}`;
const priority = (value: 'P1' | 'P2' | 'P3') => `iCustomer/Priority/${value}`;

interface QueueCase {
  id: string;
  subject: string;
  customer: string;
  labels: string[];
  /** Who wrote when, oldest first: 'customer' or 'agent', hours before QUEUE_NOW. */
  messages: ['customer' | 'agent', number][];
}

export const QUEUE_CASES = {
  /** P1 (4 h) since 06:00: due 10:00, overdue by 2 h. */
  overdueMost: { id: '19a0000000000001', subject: 'Checkout rejects every card', customer: 'Carla Dias <carla@shop.example>', labels: [status('Open'), priority('P1')], messages: [['customer', 6]] },
  /** P2 (8 h) since 03:00: due 11:00, overdue by 1 h. */
  overdueLess: { id: '19a0000000000002', subject: 'Invoice address is wrong', customer: 'Dev Patel <dev@firm.example>', labels: [status('Open'), priority('P2')], messages: [['customer', 9]] },
  /** P3 (24 h) since 11:00: due tomorrow 11:00. A next response: the agent had answered before. */
  due: { id: '19a0000000000003', subject: 'Question about the annual plan', customer: 'Eva Berg <eva@nord.example>', labels: [status('Open'), priority('P3')], messages: [['customer', 30], ['agent', 28], ['customer', 1]] },
  /** Pending: waiting on the customer, no SLA; the customer wrote at 05:00. */
  pending: { id: '19a0000000000004', subject: 'Need the serial number', customer: 'Finn Olsen <finn@fjord.example>', labels: [status('Pending'), priority('P1')], messages: [['customer', 7]] },
  /** Open but answered: nothing is due. */
  answered: { id: '19a0000000000005', subject: 'Thanks for the quick fix', customer: 'Gina Rossi <gina@roma.example>', labels: [status('Open'), priority('P2')], messages: [['customer', 5], ['agent', 4]] },
  /** Solved: out of the queue. */
  solved: { id: '19a0000000000006', subject: 'Password reset worked', customer: 'Hugo Lima <hugo@rio.example>', labels: [status('Solved'), priority('P3')], messages: [['customer', 3]] },
  /** No case labels: an ordinary conversation, out of the queue until someone opens it. */
  uncased: { id: '19a0000000000007', subject: 'Partnership proposal', customer: 'Ivy Chen <ivy@venture.example>', labels: [], messages: [['customer', 2]] },
} satisfies Record<string, QueueCase>;

export const QUEUE_ORDER = [QUEUE_CASES.overdueMost, QUEUE_CASES.overdueLess, QUEUE_CASES.due, QUEUE_CASES.pending, QUEUE_CASES.answered];

export function seedQueue(google: FakeGoogleControl): void {
  for (const queued of Object.values(QUEUE_CASES) as QueueCase[]) {
    google.addThread(AGENT.email, {
      id: queued.id,
      messages: queued.messages.map(([side, hoursBefore], index) => {
        const fromCustomer = side === 'customer';
        const subject = index === 0 ? queued.subject : `Re: ${queued.subject}`;
        const caseLabels = index === 0 ? queued.labels : [];
        return {
          from: fromCustomer ? queued.customer : agent,
          to: fromCustomer ? agent : queued.customer,
          subject,
          date: QUEUE_NOW - hoursBefore * HOUR,
          text: fromCustomer ? 'Could you help me with this?' : 'Done, let me know if anything else comes up.',
          labelIds: [fromCustomer ? 'INBOX' : 'SENT', ...caseLabels],
        };
      }),
    });
  }
}
