/**
 * The mailbox of the queue scenario (issue 4): 500 open cases in an account of their own, the
 * second Gmail account of the bench's profile. No other scenario reads it, and Gmail's quota is per
 * user, so its threads and the 20,000 units of reading them change no other scenario's numbers.
 * Ids and dates are fixed: every bench run syncs the same mailbox.
 */
import type { LabelChange, SeedAccount, SeedMessage, SeedThread } from '../../tests/fake-google/index';

export const QUEUE_DESK = { email: 'cases@support.example', name: 'Cases Desk', accountPath: '/mail/u/1' } as const;
export const OPEN_CASES = 500;

/** The product's default label prefix (utils/cases/label-prefix.ts). */
const status = (value: 'Open' | 'Pending' | 'Solved') => `iCustomer/Status/${value}`;
const PRIORITIES = ['P1', 'P2', 'P3'] as const;
const priority = (index: number) => `iCustomer/Priority/${PRIORITIES[index % PRIORITIES.length] ?? 'P3'}`;

/** A mailbox where cases are worked has every case label, Pending and Solved included. */
const CASE_LABELS = [status('Open'), status('Pending'), status('Solved'), ...PRIORITIES.map((_, index) => priority(index))];

const MINUTE = 60_000;
const NEWEST_CASE_AT = Date.UTC(2025, 5, 2, 9);
const desk = `${QUEUE_DESK.name} <${QUEUE_DESK.email}>`;

/** 16 hex digits, as Gmail's ids; a thread's first message has the thread's id, as in Gmail. */
const messageId = (caseIndex: number, message: number) =>
  `ca5e${caseIndex.toString(16).padStart(10, '0')}${message.toString(16).padStart(2, '0')}`;
export const caseThreadId = (caseIndex: number) => messageId(caseIndex, 0);

/** Case `index`: the customer wrote, and in two cases of three the desk answered (and the customer again). */
function caseThread(index: number): SeedThread {
  const customer = `Customer ${index + 1} <customer${index + 1}@client${(index % 50) + 1}.example>`;
  const subject = `Order ${10_000 + index} needs help`;
  const firstAt = NEWEST_CASE_AT - (index * 41 + 30) * MINUTE;
  const replyGap = ((index % 5) + 1) * 23 * MINUTE;
  const messages: SeedMessage[] = Array.from({ length: 1 + (index % 3) }, (_, n) => {
    const fromCustomer = n % 2 === 0;
    return {
      id: messageId(index, n),
      from: fromCustomer ? customer : desk,
      to: fromCustomer ? desk : customer,
      subject: n === 0 ? subject : `Re: ${subject}`,
      date: firstAt + n * replyGap,
      text: fromCustomer ? 'Could you help me with this order?' : 'We are on it and will write again shortly.',
      // The case labels sit on the first message; Gmail shows a thread with the union of its messages'.
      ...(n === 0 ? { labelIds: ['INBOX', status('Open'), priority(index)] } : {}),
    };
  });
  return { id: caseThreadId(index), messages };
}

export function queueDeskAccount(): SeedAccount {
  return {
    ...QUEUE_DESK,
    labels: CASE_LABELS.map((name) => ({ name })),
    threads: Array.from({ length: OPEN_CASES }, (_, index) => caseThread(index)),
  };
}

/** A colleague solves the even cases, and re-prioritises the odd ones. */
export const solvedByColleague = (index: number) => index % 2 === 0;

/** What a colleague does to case `index` in Gmail. */
export function colleagueChange(index: number): LabelChange {
  return solvedByColleague(index)
    ? { add: [status('Solved')], remove: [status('Open')] }
    : { add: [priority(index + 1)], remove: [priority(index)] };
}
