/**
 * Big inputs, cold: a conversation of 120 messages (one read, however long), and a customer with
 * 250 earlier conversations (list calls, then details only for the rows on screen).
 */
import {
  HISTORY_MISSING,
  UNITS,
  cardCalls,
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
import { type Row, notes, row, unavailable } from '../report';
import { EARLIER_THREADS, LONG_THREAD_MESSAGES } from '../seed';
import { type BenchSession, backToInbox } from '../session';

/** Gmail's largest threads.list page (ids only). */
const GMAIL_MAX_PAGE = 500;

export async function longConversation(session: BenchSession): Promise<Row[]> {
  const name = `${LONG_THREAD_MESSAGES}-message conversation`;
  const runs = [];
  const cardMs = [];
  const wrongCounts: string[] = [];
  for (const c of session.mailbox.long) {
    const measurement = await measureOpen(session, c.subject, { card: cardOf(c) });
    cardMs.push(cardTime(measurement, c));
    const count = (await session.panel.byTestId('message-count').textContent())?.trim() ?? '';
    if (count !== String(LONG_THREAD_MESSAGES)) wrongCounts.push(count);
    runs.push(measurement);
    await backToInbox(session);
  }
  const L = session.latency;
  const note = notes(wrongCounts.length > 0 ? `message-count showed ${wrongCounts.join(', ')}` : null);
  return [
    row(name, { metric: 'customer card visible', unit: 'ms', values: cardMs, minimum: L, ...note }),
    row(name, { metric: 'sequential Gmail round trips', unit: 'round trips', values: runs.map(roundTrips), minimum: 1 }),
    row(name, {
      metric: 'quota units, card + history count',
      unit: 'units',
      values: runs.map((m) => unitsOf(m.calls) - unitsOf(rowDetailCalls(m))),
      budget: UNITS.threadsGet + UNITS.threadsList,
      minimum: UNITS.threadsGet + UNITS.threadsList,
    }),
  ];
}

export async function loyalCustomer(session: BenchSession): Promise<Row[]> {
  const name = `customer with ${EARLIER_THREADS.loyal} earlier threads`;
  const runs = [];
  for (const c of session.mailbox.loyal) {
    const measurement = await measureOpen(session, c.subject, { card: cardOf(c), history: historyOf(c) });
    await backToInbox(session);
    // Without the history this scenario measures nothing of its own: say so rather than wait again.
    if (!measurement.seen.history) {
      return [
        unavailable(name, 'history visible', 'ms', HISTORY_MISSING),
        unavailable(name, 'sequential Gmail round trips', 'round trips', HISTORY_MISSING),
        unavailable(name, 'quota units, history', 'units', HISTORY_MISSING),
      ];
    }
    runs.push({ ...measurement, history: measurement.seen.history });
  }
  const L = session.latency;
  const listCalls = Math.ceil((EARLIER_THREADS.loyal + 1) / GMAIL_MAX_PAGE);
  const rowsOnScreen = Math.max(...runs.map((m) => m.history.rows));
  const wrongCounts = runs.map((m) => m.history.count).filter((count) => count !== String(EARLIER_THREADS.loyal));
  return [
    row(name, {
      metric: 'history visible',
      unit: 'ms',
      values: present(runs.map((m) => elapsed(m, 'history'))),
      minimum: 2 * L,
      ...notes(errorRuns(runs, 'history'), wrongCounts.length > 0 ? `history-count data-count was ${wrongCounts.join(', ')}` : null),
    }),
    row(name, { metric: 'sequential Gmail round trips', unit: 'round trips', values: runs.map(roundTrips), minimum: 2 }),
    row(name, {
      metric: 'quota units, history',
      unit: 'units',
      values: runs.map((m) => unitsOf(m.calls) - unitsOf(cardCalls(m))),
      // The list calls, plus details for the rows on screen.
      budget: listCalls * UNITS.threadsList + rowsOnScreen * UNITS.threadsGet,
      minimum: listCalls * UNITS.threadsList + rowsOnScreen * UNITS.threadsGet,
      note: `${rowsOnScreen} rows on screen`,
    }),
  ];
}
