/**
 * Records every access to Google data in the access log (F7). Calls are buffered and written a
 * moment later in one transaction, so a burst (a card's thread read plus its labels, a queue sync's
 * pages) costs one IndexedDB write rather than one per request.
 *
 * A worker that Chrome stops between a call and the flush loses those last entries: the log is a
 * record for the agent, not an audit trail, and holding the Gmail call until the write is done
 * would slow every panel for it.
 */
import { writeAccessLog } from '../db/access-log';
import type { AccessLogRecord, CacheDb } from '../db/schema';
import type { AccessFeature } from './access-kinds';

/** What a call tells the log: counts and names only, never content or a customer's address. */
export type AccessCall = Pick<AccessLogRecord, 'category' | 'method' | 'items' | 'ok' | 'status'>;

export interface AccessRecorderDeps {
  db: () => Promise<CacheDb>;
  now: () => number;
  newId: () => string;
  log: (message: string, details: Record<string, unknown>) => void;
  /** How long entries wait for company before they are written. */
  delayMs?: number;
}

/** Long enough to gather the requests of one panel action, short enough that a stop rarely loses any. */
const FLUSH_DELAY_MS = 200;

export function createAccessRecorder(deps: AccessRecorderDeps) {
  let buffer: AccessLogRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Writes one after the other, so a flush also waits for the write a timer started. */
  let writing: Promise<void> = Promise.resolve();

  async function write(entries: AccessLogRecord[]): Promise<void> {
    if (entries.length === 0) return;
    try {
      await writeAccessLog(await deps.db(), entries);
    } catch (error) {
      deps.log('access log write failed', { error: String(error), entries: entries.length });
    }
  }

  /** Writes what is buffered, after any write under way; failures are logged, never thrown. */
  function flush(): Promise<void> {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const entries = buffer;
    buffer = [];
    writing = writing.then(() => write(entries));
    return writing;
  }

  /** Synchronous and infallible: it runs inside the Gmail client's request loop. */
  function record(account: string, feature: AccessFeature, call: AccessCall): void {
    const { category, method, items, ok, status } = call;
    buffer.push({ account, at: deps.now(), id: deps.newId(), feature, category, method, items, ok, status });
    timer ??= setTimeout(() => void flush(), deps.delayMs ?? FLUSH_DELAY_MS);
  }

  return { record, flush };
}

export type AccessRecorder = ReturnType<typeof createAccessRecorder>;
