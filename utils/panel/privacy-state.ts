/**
 * The privacy centre's state (F7, issue 6): what is stored for the tab's account, its access log,
 * the export, erasing one customer and deleting everything. It is made when the centre is shown,
 * for the tab and account shown then (F10): another account gets a state of its own, and an answer
 * that arrives once the tab shows another account is dropped.
 */
import { batch, computed, signal } from '@preact/signals';
import type { AppError } from '../messaging/protocol';
import type { ExportDocument } from '../privacy/export-schema';
import type { AccessLogPage, PrivacySummary } from '../privacy/schemas';
import { createEraseState, type Ticket } from './privacy-erase-state';
import type { PrivacyDoor, PrivacySubject } from './privacy-door';

/** Access log rows per page: a screenful or two of a narrow panel. */
export const ACCESS_LOG_PAGE = 25;

const keyOf = (subject: PrivacySubject | null) => subject && `${subject.tabId} ${subject.account.toLowerCase()}`;

export function createPrivacyState(door: Pick<PrivacyDoor, 'deps' | 'subject' | 'allDeleted'>, at: PrivacySubject) {
  const { deps } = door;
  const summary = signal<PrivacySummary | null>(null);
  const summaryError = signal<AppError | null>(null);
  const log = signal<AccessLogPage | null>(null);
  const logLoading = signal(false);
  const logError = signal<AppError | null>(null);
  const exporting = signal(false);
  const exported = signal<string | null>(null);
  const exportError = signal<AppError | null>(null);
  const confirmingDeleteAll = signal(false);
  const deletingAll = signal(false);
  const deleteAllError = signal<AppError | null>(null);
  /** Bumped for every summary asked, so an older answer never replaces a newer one. */
  let summaries = 0;

  const ticket: Ticket = { tabId: at.tabId, account: at.account, current: () => keyOf(door.subject.peek()) === keyOf(at) };
  const offered = computed(() => {
    const now = door.subject.value;
    return now && keyOf(now) === keyOf(at) ? now.customer : null;
  });
  /** The background answers for the account its tab shows, which may just have changed (F10). */
  const sameAccount = (account: string) => account.toLowerCase() === at.account.toLowerCase();
  const erase = createEraseState(deps, offered, ticket, () => void loadSummary());

  async function loadSummary(): Promise<void> {
    const mine = ++summaries;
    summaryError.value = null;
    const answer = await deps.request({ type: 'privacy/summary', tabId: at.tabId });
    if (!ticket.current() || mine !== summaries) return;
    if (answer.ok && !sameAccount(answer.data.account ?? at.account)) return;
    if (answer.ok) summary.value = answer.data;
    else summaryError.value = answer.error;
  }

  /** The newest page of the access log, or (`older`) the page after the rows on screen. */
  async function loadLog(older: boolean): Promise<void> {
    if (logLoading.value) return;
    const shown = older ? log.value : null;
    batch(() => {
      logLoading.value = true;
      logError.value = null;
    });
    const before = shown?.entries.at(-1)?.at ?? null;
    const answer = await deps.request({ type: 'privacy/access-log', tabId: at.tabId, before, limit: ACCESS_LOG_PAGE });
    if (!ticket.current()) return;
    batch(() => {
      logLoading.value = false;
      if (!answer.ok) logError.value = answer.error;
      else log.value = shown ? { entries: [...shown.entries, ...answer.data.entries], more: answer.data.more } : answer.data;
    });
  }

  async function exportData(): Promise<void> {
    if (exporting.value) return;
    batch(() => {
      exporting.value = true;
      exported.value = null;
      exportError.value = null;
    });
    // messaging/client.ts checked the document against the export schema on arrival.
    const answer = await deps.request({ type: 'privacy/export', tabId: at.tabId });
    if (!ticket.current()) return;
    const saved = answer.ok ? save(answer.data) : answer;
    batch(() => {
      exporting.value = false;
      if (saved.ok) exported.value = saved.data;
      else exportError.value = saved.error;
    });
  }

  function save(document: ExportDocument): { ok: true; data: string } | { ok: false; error: AppError } {
    // F10: a file about another account must never be handed out as this one's.
    if (!sameAccount(document.account)) {
      return { ok: false, error: { code: 'account-mismatch', detail: document.account } };
    }
    const name = exportFileName(document);
    try {
      deps.saveFile(name, JSON.stringify(document, null, 2));
      return { ok: true, data: name };
    } catch (thrown) {
      return { ok: false, error: { code: 'internal', detail: thrown instanceof Error ? thrown.message : String(thrown) } };
    }
  }

  async function confirmDeleteAll(): Promise<void> {
    if (deletingAll.value) return;
    batch(() => {
      deletingAll.value = true;
      deleteAllError.value = null;
    });
    const answer = await deps.request({ type: 'privacy/delete-all', tabId: at.tabId });
    batch(() => {
      deletingAll.value = false;
      confirmingDeleteAll.value = false;
      if (!answer.ok) deleteAllError.value = answer.error;
    });
    if (answer.ok) door.allDeleted();
  }

  return {
    subject: at,
    summary,
    summaryError,
    log,
    logLoading,
    logError,
    exporting,
    exported,
    exportError,
    confirmingDeleteAll,
    deletingAll,
    deleteAllError,
    erase,
    /** Reads what is stored and the newest access log entries: on showing the centre. */
    load: () => Promise.all([loadSummary(), loadLog(false)]).then(() => undefined),
    showMore: () => loadLog(true),
    retryLog: () => loadLog(false),
    retrySummary: loadSummary,
    exportData,
    askDeleteAll: () =>
      batch(() => {
        confirmingDeleteAll.value = true;
        deleteAllError.value = null;
      }),
    cancelDeleteAll: () => (confirmingDeleteAll.value = false),
    confirmDeleteAll,
  };
}

/** `icustomer-export-<account>-<yyyy-mm-dd>.json`, the day the document was made (UTC). */
export function exportFileName(document: Pick<ExportDocument, 'account' | 'exportedAt'>): string {
  const account = document.account.toLowerCase().replace(/[^a-z0-9@._+-]/g, '_');
  return `icustomer-export-${account}-${document.exportedAt.slice(0, 10)}.json`;
}

export type PrivacyState = ReturnType<typeof createPrivacyState>;
