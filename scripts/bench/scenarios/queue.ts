/**
 * What keeping the queue (F5) of a mailbox with 500 open cases in step with Gmail costs (issue 4).
 * Signing in starts the first sync: it lists the cases and reads 100; later runs, a minute apart as
 * the alarm makes them, read the rest. Then refreshes as the panel asks for them: nothing changed
 * (one history.list), and a colleague changed 10 cases in Gmail (history.list, one batch of reads).
 * With Gmail's quota as documented, reading 500 threads costs 500 × 40 units whatever the client.
 */
import { UNITS } from '../measure';
import { LISTING_UNITS, RUN_READS, RUN_UNITS_BUDGET, type QueueDesk, type SyncRun, openQueueDesk } from '../queue-desk';
import { OPEN_CASES, QUEUE_DESK, caseThreadId, colleagueChange, solvedByColleague } from '../queue-mailbox';
import { type Row, notes, row } from '../report';
import type { BenchSession } from '../session';

const CHANGED_PER_RUN = 10;
const RUNS_TO_READ_ALL = Math.ceil(OPEN_CASES / RUN_READS);

async function firstSync(desk: QueueDesk): Promise<SyncRun[]> {
  let run = await desk.signIn();
  const runs = [run];
  while (run.view.unread > 0) {
    if (runs.length === 2 * RUNS_TO_READ_ALL) throw new Error(`${run.view.unread} cases still unread after ${runs.length} sync runs`);
    run = await desk.sync();
    runs.push(run);
  }
  return runs;
}

/** Run `run` changes cases no earlier run changed, as a colleague in Gmail; answers their indexes. */
function changeCases(session: BenchSession, run: number): number[] {
  const indexes = Array.from({ length: CHANGED_PER_RUN }, (_, n) => run * CHANGED_PER_RUN + n);
  for (const index of indexes) session.fake.control.modifyThread(QUEUE_DESK.email, caseThreadId(index), colleagueChange(index));
  return indexes;
}

function firstSyncRows(session: BenchSession, runs: SyncRun[]): Row[] {
  const name = `queue of ${OPEN_CASES} open cases, first sync`;
  const first = runs[0];
  if (!first) return [];
  const L = session.latency;
  const rowsShown = runs.at(-1)?.view.rows.length ?? 0;
  const perRun = runs.map(({ roundTrips, units, ms, view }) => ({ roundTrips, units, ms, unread: view.unread }));
  return [
    // The labels; then the Open and Pending lists side by side, with getProfile; then one batch of reads.
    row(name, { metric: 'first run: sequential Gmail round trips', unit: 'round trips', values: [first.roundTrips], minimum: 3 }),
    row(name, {
      metric: 'first run: quota units',
      unit: 'units',
      values: [first.units],
      budget: RUN_UNITS_BUDGET,
      note: `${RUN_READS} reads + listing (${LISTING_UNITS})`,
    }),
    row(name, { metric: 'first run: sign-in answered → queue', unit: 'ms', values: [first.ms], minimum: 3 * L }),
    row(name, {
      metric: 'sync runs until every case is read',
      unit: 'count',
      values: [runs.length],
      budget: RUNS_TO_READ_ALL,
      minimum: RUNS_TO_READ_ALL,
      ...notes(rowsShown !== OPEN_CASES ? `the queue then had ${rowsShown} rows` : null),
      detail: { perRun },
    }),
    row(name, {
      metric: 'quota units, all those runs',
      unit: 'units',
      values: [runs.reduce((sum, run) => sum + run.units, 0)],
      minimum: OPEN_CASES * UNITS.threadsGet + LISTING_UNITS,
      note: `${OPEN_CASES} reads × ${UNITS.threadsGet} + listing`,
    }),
  ];
}

function refreshRows(session: BenchSession, name: string, runs: SyncRun[], reads: number, note: { note?: string }): Row[] {
  const roundTrips = reads > 0 ? 2 : 1;
  const units = UNITS.historyList + reads * UNITS.threadsGet;
  return [
    row(name, {
      metric: 'sequential Gmail round trips',
      unit: 'round trips',
      values: runs.map((r) => r.roundTrips),
      budget: roundTrips,
      minimum: roundTrips,
    }),
    row(name, { metric: 'quota units', unit: 'units', values: runs.map((r) => r.units), budget: units, minimum: units, ...note }),
    row(name, { metric: 'refresh answered', unit: 'ms', values: runs.map((r) => r.ms), minimum: roundTrips * session.latency }),
  ];
}

export async function queueSyncCost(session: BenchSession): Promise<Row[]> {
  if (session.runs * CHANGED_PER_RUN > OPEN_CASES) {
    throw new Error(`each run changes ${CHANGED_PER_RUN} cases never changed before: at most ${OPEN_CASES / CHANGED_PER_RUN} runs`);
  }
  const desk = await openQueueDesk(session);
  try {
    const first = await firstSync(desk);
    const unchanged = [];
    for (let run = 0; run < session.runs; run++) unchanged.push(await desk.sync());
    const changed = [];
    const solved: number[] = [];
    const missed: number[] = [];
    for (let run = 0; run < session.runs; run++) {
      solved.push(...changeCases(session, run).filter(solvedByColleague));
      const measured = await desk.sync();
      changed.push(measured);
      // The refresh must bring the changes in, or its low cost means nothing.
      const expectedRows = OPEN_CASES - solved.length;
      if (measured.view.rows.length !== expectedRows) missed.push(run + 1);
    }
    return [
      ...firstSyncRows(session, first),
      ...refreshRows(session, 'queue refresh, nothing changed', unchanged, 0, {}),
      ...refreshRows(
        session,
        `queue refresh, ${CHANGED_PER_RUN} cases changed by a colleague`,
        changed,
        CHANGED_PER_RUN,
        notes(missed.length > 0 ? `run(s) ${missed.join(', ')} still listed cases the colleague solved` : null),
      ),
    ];
  } finally {
    await desk.close();
  }
}
