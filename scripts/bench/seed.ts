/**
 * The bench's mailbox. Every cold measurement needs a conversation — and a customer — the extension
 * has never seen, so the seed grows with the number of runs: one fresh conversation per run for each
 * cold scenario, instead of wiping the cache between runs (which would also leave the background's
 * in-memory state behind).
 */
import type { FakeGoogleControl, Seed, SeedMessage, SeedThread } from '../../tests/fake-google/index';
import { queueDeskAccount } from './queue-mailbox';

export const AGENT = { email: 'agent@support.example', name: 'Ana Agent' };
export const EARLIER_THREADS = { ordinary: 3, loyal: 250 } as const;
export const LONG_THREAD_MESSAGES = 120;

export interface BenchConversation {
  subject: string;
  customerName: string;
  /** The earlier threads the customer's history should count. */
  earlier: number;
}

export interface BenchMailbox {
  cold: BenchConversation[];
  warm: { a: BenchConversation; b: BenchConversation };
  long: BenchConversation[];
  loyal: BenchConversation[];
}

const agent = `${AGENT.name} <${AGENT.email}>`;

/** Messages one minute apart: the fake derives message ids from dates, so ids and order stay stable. */
function messageWriter() {
  let minute = Date.UTC(2024, 0, 1) / 60_000;
  return (from: string, to: string, subject: string, archived: boolean): SeedMessage => ({
    from,
    to,
    subject,
    date: ++minute * 60_000,
    text: `About ${subject}.`,
    // Earlier conversations are archived, as an agent leaves them: the inbox stays short to render.
    ...(archived ? { labelIds: [] } : {}),
  });
}

type MessageWriter = ReturnType<typeof messageWriter>;

function customerThreads(write: MessageWriter, conversation: BenchConversation, index: string, messages = 1): SeedThread[] {
  const customer = `${conversation.customerName} <${index}@customers.example>`;
  const earlier = Array.from({ length: conversation.earlier }, (_, n) => ({
    messages: [write(customer, agent, `${conversation.subject}, earlier ${n + 1}`, true)],
  }));
  // Customer and agent take turns, as in a long back-and-forth.
  const open = Array.from({ length: messages }, (_, n) =>
    n % 2 === 0 ? write(customer, agent, conversation.subject, false) : write(agent, customer, `Re: ${conversation.subject}`, false),
  );
  return [...earlier, { messages: open }];
}

export function benchMailbox(runs: number): BenchMailbox {
  const conversation = (subject: string, customerName: string, earlier: number) => ({ subject, customerName, earlier });
  const perRun = (name: string, earlier: number) =>
    Array.from({ length: runs }, (_, run) => conversation(`${name} conversation ${run + 1}`, `${name} Customer ${run + 1}`, earlier));
  return {
    cold: perRun('Cold', EARLIER_THREADS.ordinary),
    warm: { a: conversation('Warm conversation A', 'Warm Customer A', 2), b: conversation('Warm conversation B', 'Warm Customer B', 2) },
    long: perRun('Long', 0),
    loyal: perRun('Loyal', EARLIER_THREADS.loyal),
  };
}

export function benchSeed(mailbox: BenchMailbox): Seed {
  const write = messageWriter();
  const threads = [
    ...mailbox.cold.flatMap((c, i) => customerThreads(write, c, `cold${i}`)),
    ...customerThreads(write, mailbox.warm.a, 'warma'),
    ...customerThreads(write, mailbox.warm.b, 'warmb'),
    ...mailbox.long.flatMap((c, i) => customerThreads(write, c, `long${i}`, LONG_THREAD_MESSAGES)),
    ...mailbox.loyal.flatMap((c, i) => customerThreads(write, c, `loyal${i}`)),
  ];
  return { accounts: [{ email: AGENT.email, name: AGENT.name, threads }, queueDeskAccount()] };
}

/** The fake assigns thread ids; the bench opens conversations by id, looked up by subject. */
export function threadIdsBySubject(control: FakeGoogleControl): (subject: string) => string {
  const ids = new Map<string, string>();
  for (const thread of control.mailbox(AGENT.email).threads) {
    const subject = thread.messages[0]?.payload.headers.find((h) => h.name.toLowerCase() === 'subject')?.value;
    if (subject !== undefined) ids.set(subject, thread.id);
  }
  return (subject) => {
    const id = ids.get(subject);
    if (id === undefined) throw new Error(`the bench seed has no conversation "${subject}"`);
    return id;
  };
}
