/**
 * Keeps the queue (F5) in step with the mailbox without rescanning it. The first sync lists the
 * threads carrying an Open or Pending label; after that, `history.list` from the saved historyId
 * says which threads changed (2 units a page), and only those that are or may become cases are
 * read again. A 404 (the cursor is too old) falls back to a full sync. Reads are capped per run
 * so that a large first sync spreads over several runs inside Gmail's per-minute quota.
 */
import { type CaseEntry, caseEntryOf, queueRowOf } from '../cases/entry';
import type { LabelPrefix } from '../cases/label-prefix';
import { type GmailLabel, parseCaseLabelName } from '../cases/labels';
import { countOverdue } from '../cases/queue-order';
import type { SlaHours } from '../cases/sla';
import type { QueueView } from '../cases/types';
import type { CacheDb, MailboxRecord } from '../db/schema';
import { readCases, readMailbox, updateMailbox, writeCaseChanges, writeThreadLabels } from '../db/repositories';
import { GmailError } from '../gmail/errors';
import type { GmailHistoryList, GmailProfile, GmailThread, GmailThreadList } from '../gmail/schemas';
import { listAllThreads } from '../history/listing';
import { toConversation } from '../mail/conversation';
import { createSharedRequests } from './shared-requests';

export interface QueueGmail {
  getProfile: () => Promise<GmailProfile>;
  listLabels: () => Promise<GmailLabel[]>;
  listThreadsWithLabel: (labelId: string, pageToken: string | undefined, maxResults: number) => Promise<GmailThreadList>;
  listHistory: (startHistoryId: string, pageToken: string | undefined) => Promise<GmailHistoryList>;
  getThreadsForCase: (threadIds: readonly string[]) => Promise<Map<string, GmailThread | GmailError>>;
}

export interface QueueSyncDeps {
  db: () => Promise<CacheDb>;
  gmailFor: (account: string) => QueueGmail;
  prefix: () => LabelPrefix;
  slaHours: () => SlaHours;
  now: () => number;
}

/** 100 thread reads = 4,000 of the 6,000 units a user may spend a minute, leaving room for the agent. */
export const MAX_CASE_READS_PER_SYNC = 100;
/** More history than this (500 records a page) costs more than listing the cases again. */
const MAX_HISTORY_PAGES = 20;

export function createQueueSync(deps: QueueSyncDeps) {
  const share = createSharedRequests<void>();

  const queuedStatusIds = (labels: readonly GmailLabel[]) =>
    new Set(
      labels
        .filter((label) => {
          const parsed = parseCaseLabelName(deps.prefix(), label.name);
          return parsed?.kind === 'status' && parsed.value !== 'Solved';
        })
        .map((label) => label.id),
    );

  /** Lists every Open and Pending thread; keeps cached cases whose historyId did not move. */
  async function fullSync(account: string): Promise<void> {
    const gmail = deps.gmailFor(account);
    // The cursor is taken before listing, so a change made while listing is seen by the next sync.
    const [{ historyId }, labels] = await Promise.all([gmail.getProfile(), gmail.listLabels()]);
    const lists = await Promise.all([...queuedStatusIds(labels)].map((labelId) => listAllThreads(gmail.listThreadsWithLabel, labelId)));
    const listed = new Map<string, string>();
    for (const entry of lists.flatMap((list) => list.entries)) listed.set(entry.threadId, entry.historyId);
    const cached = new Map((await readCases(await deps.db(), account)).map((record) => [record.threadId, record.entry]));
    const unchanged = [...listed].flatMap(([threadId, listedHistoryId]) => {
      const entry = cached.get(threadId);
      return entry && entry.historyId !== '' && entry.historyId === listedHistoryId ? [entry] : [];
    });
    const kept = new Set(unchanged.map((entry) => entry.threadId));
    await writeCaseChanges(await deps.db(), account, {
      replaceAll: true,
      put: unchanged,
      remove: [],
      mailbox: (current) => ({
        account,
        historyId: historyId ?? null,
        labels,
        unread: [...listed.keys()].filter((threadId) => !kept.has(threadId)),
        syncedAt: current?.syncedAt ?? null,
        revision: current?.revision ?? 0,
      }),
      fetchedAt: deps.now(),
    });
  }

  /**
   * Marks for reading the threads the mailbox's history touched that are cases, or whose labels
   * after the change include an Open or Pending one. A label id never seen (a colleague may just
   * have created the case labels) makes the labels be listed again first.
   */
  async function incrementalSync(account: string, mailbox: MailboxRecord & { historyId: string }): Promise<'done' | 'too-old'> {
    const gmail = deps.gmailFor(account);
    const changes: { threadId: string; labelIds: string[] | null }[] = [];
    let cursor = mailbox.historyId;
    let pageToken: string | undefined;
    for (let page = 0; ; page++) {
      if (page === MAX_HISTORY_PAGES) return 'too-old';
      let answer: GmailHistoryList;
      try {
        answer = await gmail.listHistory(mailbox.historyId, pageToken);
      } catch (error) {
        if (error instanceof GmailError && error.kind === 'not-found') return 'too-old';
        throw error;
      }
      changes.push(...changesIn(answer));
      cursor = answer.historyId;
      pageToken = answer.nextPageToken;
      if (!pageToken || !answer.history?.length) break;
    }
    if (changes.length === 0) {
      await updateMailbox(await deps.db(), account, (current) => ({ ...(current ?? mailbox), historyId: cursor }));
      return 'done';
    }
    const cases = new Set((await readCases(await deps.db(), account)).map((record) => record.threadId));
    let labels = mailbox.labels;
    const known = new Set(labels.map((label) => label.id));
    if (changes.some((change) => !cases.has(change.threadId) && change.labelIds?.some((id) => !known.has(id)))) {
      labels = await gmail.listLabels();
    }
    const queued = queuedStatusIds(labels);
    const touched = changes
      .filter((change) => cases.has(change.threadId) || change.labelIds === null || change.labelIds.some((id) => queued.has(id)))
      .map((change) => change.threadId);
    await updateMailbox(await deps.db(), account, (current) => ({
      ...(current ?? mailbox),
      historyId: cursor,
      labels,
      unread: [...new Set([...(current ?? mailbox).unread, ...touched])],
    }));
    return 'done';
  }

  /** Reads up to the cap of the threads waiting to be read, and files each as a case or not. */
  async function readUnread(account: string): Promise<void> {
    const db = await deps.db();
    const mailbox = await readMailbox(db, account);
    if (!mailbox) return;
    const batch = mailbox.unread.slice(0, MAX_CASE_READS_PER_SYNC);
    const answers = batch.length > 0 ? await deps.gmailFor(account).getThreadsForCase(batch) : new Map<string, GmailThread | GmailError>();
    const entries: CaseEntry[] = [];
    const gone: string[] = [];
    const retry: string[] = [];
    for (const threadId of batch) {
      const answer = answers.get(threadId);
      if (answer instanceof GmailError && answer.kind === 'unauthorized') throw answer;
      if (answer instanceof GmailError && answer.kind === 'not-found') gone.push(threadId);
      else if (answer === undefined || answer instanceof GmailError) retry.push(threadId);
      else entries.push(caseEntryOf(toConversation(answer, account)));
    }
    let labels = mailbox.labels;
    const known = new Set(labels.map((label) => label.id));
    if (entries.some((entry) => entry.labelIds.some((id) => !known.has(id)))) labels = await deps.gmailFor(account).listLabels();
    const queued = entries.filter((entry) => queueRowOf(entry, deps.prefix(), labels) !== null);
    const done = new Set(batch.filter((threadId) => !retry.includes(threadId)));
    await writeCaseChanges(db, account, {
      replaceAll: false,
      put: queued,
      remove: [...gone, ...entries.filter((entry) => !queued.includes(entry)).map((entry) => entry.threadId)],
      mailbox: (current) => {
        const base = current ?? mailbox;
        // A thread that failed goes to the back, so one that keeps failing never blocks the others.
        const waiting = base.unread.filter((threadId) => !batch.includes(threadId));
        const again = base.unread.filter((threadId) => batch.includes(threadId) && !done.has(threadId));
        return { ...base, labels, unread: [...waiting, ...again], syncedAt: deps.now(), revision: base.revision + 1 };
      },
      fetchedAt: deps.now(),
    });
    // A cached card shows the status a colleague just set the next time it is drawn.
    for (const entry of entries) await writeThreadLabels(db, account, entry.threadId, entry.labelIds);
  }

  async function sync(account: string): Promise<void> {
    const mailbox = await readMailbox(await deps.db(), account);
    const cursor = mailbox?.historyId;
    const outcome = mailbox && cursor ? await incrementalSync(account, { ...mailbox, historyId: cursor }) : 'too-old';
    if (outcome === 'too-old') await fullSync(account);
    await readUnread(account);
  }

  async function view(account: string): Promise<QueueView | null> {
    const db = await deps.db();
    const mailbox = await readMailbox(db, account);
    if (!mailbox || mailbox.syncedAt === null) return null;
    const rows = (await readCases(db, account)).flatMap((record) => queueRowOf(record.entry, deps.prefix(), mailbox.labels) ?? []);
    return { rows, unread: mailbox.unread.length, syncedAt: mailbox.syncedAt, slaHours: deps.slaHours() };
  }

  return {
    /** Brings the account's queue up to date; concurrent calls for one account share one sync. */
    sync: (account: string) => share(account, () => sync(account)),
    view,
    /** How many syncs the account's queue has had: the panel re-reads when it changes. */
    async revision(account: string): Promise<number | null> {
      return (await readMailbox(await deps.db(), account))?.revision ?? null;
    },
    /** Cases past their SLA at `now`, for the toolbar badge. */
    async overdueCount(account: string): Promise<number> {
      const queue = await view(account);
      return queue ? countOverdue(queue.rows, queue.slaHours, deps.now()) : 0;
    },
  };
}

/** Each thread a history page touched, with its message's labels after the change when given. */
function changesIn(answer: GmailHistoryList): { threadId: string; labelIds: string[] | null }[] {
  return (answer.history ?? []).flatMap((record) => {
    const typed = [...(record.messagesAdded ?? []), ...(record.labelsAdded ?? []), ...(record.labelsRemoved ?? []), ...(record.messagesDeleted ?? [])];
    const labelled = typed.flatMap(({ message }) => (message.threadId ? [{ threadId: message.threadId, labelIds: message.labelIds ?? null }] : []));
    // `messages` names the threads of every record, typed or not: it only matters for known cases.
    const plain = (record.messages ?? []).flatMap((message) => (message.threadId ? [{ threadId: message.threadId, labelIds: [] }] : []));
    return [...labelled, ...plain];
  });
}

export type QueueSync = ReturnType<typeof createQueueSync>;
