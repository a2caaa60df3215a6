/**
 * Opening conversations (issue budgets): cold — never seen, so the card and the history come from
 * Gmail; warm — back to a conversation already cached; switch — straight from one conversation to
 * another, as Gmail's newer/older arrows do.
 */
import {
  type OpenMeasurement,
  UNITS,
  HISTORY_MISSING,
  callsBefore,
  cardOf,
  cardTime,
  elapsed,
  errorRuns,
  historyOf,
  measureOpen,
  present,
  roundTrips,
  rowDetailCalls,
  unitsOf,
} from '../measure';
import type { Awaited } from '../panel-watch';
import { type Row, notes, row, unavailable } from '../report';
import type { BenchConversation } from '../seed';
import { type BenchSession, backToInbox } from '../session';

export async function coldOpen(session: BenchSession): Promise<Row[]> {
  const name = 'cold open';
  const runs = [];
  const cardMs = [];
  // Once the history is missing, later runs stop waiting for it: the card alone is measured.
  let withHistory = true;
  for (const c of session.mailbox.cold) {
    const awaited: Record<string, Awaited> = withHistory ? { card: cardOf(c), history: historyOf(c) } : { card: cardOf(c) };
    const measurement: OpenMeasurement<string> = await measureOpen(session, c.subject, awaited);
    cardMs.push(cardTime(measurement, c));
    withHistory &&= measurement.seen['history'] != null;
    runs.push(measurement);
    await backToInbox(session);
  }
  const L = session.latency;
  const historyMs = present(runs.map((m) => elapsed(m, 'history')));
  return [
    row(name, { metric: 'customer card visible', unit: 'ms', values: cardMs, budget: L + 150, minimum: L }),
    withHistory
      ? row(name, { metric: 'history visible', unit: 'ms', values: historyMs, minimum: 2 * L, ...notes(errorRuns(runs, 'history')) })
      : unavailable(name, 'history visible', 'ms', HISTORY_MISSING),
    row(name, {
      metric: 'sequential Gmail round trips',
      unit: 'round trips',
      values: runs.map(roundTrips),
      // The card's read beside the customer's list, then the rows' details.
      minimum: withHistory ? 2 : 1,
    }),
    row(name, {
      metric: 'quota units, card + history count',
      unit: 'units',
      values: runs.map((m) => unitsOf(m.calls) - unitsOf(rowDetailCalls(m))),
      budget: UNITS.threadsGet + UNITS.threadsList,
      minimum: UNITS.threadsGet + UNITS.threadsList,
    }),
    row(name, { metric: 'quota units, all (with row details)', unit: 'units', values: runs.map((m) => unitsOf(m.calls)) }),
  ];
}

/** Opens `c` from the inbox and goes back to it; answers the card's time and what it saw. */
async function openFromInbox(session: BenchSession, c: BenchConversation) {
  const measurement = await measureOpen(session, c.subject, { card: cardOf(c) });
  const ms = cardTime(measurement, c);
  await backToInbox(session);
  return { ms, measurement };
}

export async function warmOpen(session: BenchSession): Promise<Row[]> {
  const { a, b } = session.mailbox.warm;
  await openFromInbox(session, a);
  const runs = [];
  for (let run = 0; run < session.runs; run++) {
    // B in between, so A is not simply the conversation the background handled last.
    await openFromInbox(session, b);
    runs.push(await openFromInbox(session, a));
  }
  const fromNetwork = runs.filter((r) => r.measurement.seen.card?.source !== 'cache').length;
  return [
    row('warm open', {
      metric: 'customer card visible (cached)',
      unit: 'ms',
      values: runs.map((r) => r.ms),
      budget: 50,
      ...notes(fromNetwork > 0 ? `${fromNetwork} run(s) first showed data-source≠cache` : null),
    }),
    row('warm open', {
      metric: 'Gmail calls before first render',
      unit: 'requests',
      values: present(runs.map((r) => callsBefore(r.measurement, 'card'))),
      budget: 0,
      minimum: 0,
    }),
  ];
}

export async function switchConversations(session: BenchSession): Promise<Row[]> {
  const { a, b } = session.mailbox.warm;
  const show = async (c: BenchConversation) => cardTime(await measureOpen(session, c.subject, { card: cardOf(c) }), c);
  // Both cached first: the switch measures replacing one shown conversation with another.
  await show(b);
  await show(a);
  const values = [];
  for (let run = 0; run < session.runs; run++) values.push(await show(run % 2 === 0 ? b : a));
  await backToInbox(session);
  return [row('switch', { metric: 'panel updated (A⇄B, both cached)', unit: 'ms', values })];
}
