/**
 * An in-memory Gmail mailbox behind the methods the case and queue services call: labels, threads
 * and the history of their changes, with the refusals Gmail gives (409 for a label name taken in
 * any case, 400 "Invalid label" for an unknown label id, 404 for a history id it no longer keeps).
 * Every Gmail method is a spy, so a test can count calls or script a failure; colleagues' edits go
 * through the mailbox's own methods, which Gmail would record in the history the same way.
 */
import { vi } from 'vitest';
import type { CaseGmail } from '../../../utils/background/case-service';
import type { QueueGmail } from '../../../utils/background/queue-sync';
import type { GmailLabel } from '../../../utils/cases/labels';
import { GmailError } from '../../../utils/gmail/errors';
import type { GmailHistoryList, GmailThread } from '../../../utils/gmail/schemas';
import { toConversation } from '../../../utils/mail/conversation';
import type { Conversation } from '../../../utils/mail/types';
import { buildThread, type MessageSpec } from '../mail/thread-builder';

export const OPEN = 'iCustomer/Status/Open';
export const PENDING = 'iCustomer/Status/Pending';
export const SOLVED = 'iCustomer/Status/Solved';
export const P1 = 'iCustomer/Priority/P1';

/** The customer's first message, at a fixed time so SLA tests can count from it. */
export const WROTE_AT = 1_700_000_000_000;

export const threadIdOf = (n: number) => `18c0a1b2c3d4${n.toString(16).padStart(4, '0')}`;

type HistoryRecord = NonNullable<GmailHistoryList['history']>[number];

export function createFakeMailbox(account: string) {
  const labels: GmailLabel[] = ['INBOX', 'SENT', 'UNREAD', 'IMPORTANT'].map((id) => ({ id, name: id }));
  const threads = new Map<string, GmailThread>();
  const history: { id: number; record: HistoryRecord }[] = [];
  let historyId = 1000;
  let nextLabel = 1;
  /** history.list answers 404 for a start older than this, as Gmail does after about a week. */
  let keptSince = historyId;
  let historyPageSize = 500;

  const labelList = () => labels.map((label) => ({ ...label }));

  function addLabel(name: string): GmailLabel {
    const label = { id: `Label_${nextLabel++}`, name };
    labels.push(label);
    return label;
  }

  /** The id of the label called `name` (any case), created as a colleague would when missing. */
  function labelId(name: string): string {
    return labels.find((label) => label.name.toLowerCase() === name.toLowerCase())?.id ?? addLabel(name).id;
  }

  function record(entry: HistoryRecord): void {
    history.push({ id: ++historyId, record: entry });
  }

  function threadOf(threadId: string): GmailThread {
    const thread = threads.get(threadId);
    if (!thread) throw new GmailError('not-found', 'Requested entity was not found.', 404, 'notFound');
    return thread;
  }

  const refs = (thread: GmailThread) =>
    thread.messages.map((message) => ({ message: { id: message.id, threadId: thread.id, labelIds: [...(message.labelIds ?? [])] } }));

  /** Adds and removes label ids on every message of the thread, recorded in the history. */
  function relabel(threadId: string, add: readonly string[], remove: readonly string[]): GmailThread {
    const thread = threadOf(threadId);
    for (const message of thread.messages) {
      const kept = (message.labelIds ?? []).filter((id) => !remove.includes(id));
      message.labelIds = [...new Set([...kept, ...add])];
    }
    record({
      messages: thread.messages.map((message) => ({ id: message.id, threadId })),
      ...(add.length ? { labelsAdded: refs(thread) } : {}),
      ...(remove.length ? { labelsRemoved: refs(thread) } : {}),
    });
    thread.historyId = String(historyId);
    return thread;
  }

  const gmail = {
    getProfile: vi.fn<QueueGmail['getProfile']>(async () => ({ emailAddress: account, historyId: String(historyId) })),
    listLabels: vi.fn<CaseGmail['listLabels']>(async () => labelList()),
    createLabel: vi.fn<CaseGmail['createLabel']>(async (name) => {
      if (labels.some((label) => label.name.toLowerCase() === name.toLowerCase())) {
        throw new GmailError('bad-request', 'Label name exists or conflicts', 409, 'aborted');
      }
      return { ...addLabel(name) };
    }),
    modifyThread: vi.fn<CaseGmail['modifyThread']>(async (threadId, request) => {
      const unknown = [...request.addLabelIds, ...request.removeLabelIds].find((id) => !labels.some((label) => label.id === id));
      if (unknown) throw new GmailError('bad-request', `Invalid label: ${unknown}`, 400, 'invalidArgument');
      const thread = relabel(threadId, request.addLabelIds, request.removeLabelIds);
      return { id: thread.id, historyId: thread.historyId, messages: refs(thread).map(({ message }) => message) };
    }),
    listThreadsWithLabel: vi.fn<QueueGmail['listThreadsWithLabel']>(async (labelId, pageToken, maxResults) => {
      const carrying = [...threads.values()].filter((thread) => thread.messages.some((message) => message.labelIds?.includes(labelId)));
      const start = Number(pageToken ?? 0);
      const page = carrying.slice(start, start + maxResults).map((thread) => ({ id: thread.id, historyId: thread.historyId }));
      const next = start + maxResults < carrying.length ? { nextPageToken: String(start + maxResults) } : {};
      return { threads: page, ...next };
    }),
    listHistory: vi.fn<QueueGmail['listHistory']>(async (startHistoryId, pageToken) => {
      if (Number(startHistoryId) < keptSince) throw new GmailError('not-found', 'Requested entity was not found.', 404, 'notFound');
      const newer = history.filter((entry) => entry.id > Number(startHistoryId));
      const start = Number(pageToken ?? 0);
      const page = newer.slice(start, start + historyPageSize).map((entry) => entry.record);
      const next = start + historyPageSize < newer.length ? { nextPageToken: String(start + historyPageSize) } : {};
      return { ...(page.length ? { history: page } : {}), historyId: String(historyId), ...next };
    }),
    getThreadsForCase: vi.fn<QueueGmail['getThreadsForCase']>(async (threadIds) => {
      return new Map(
        threadIds.map((threadId) => {
          const thread = threads.get(threadId);
          return [threadId, thread ? structuredClone(thread) : new GmailError('not-found', 'Requested entity was not found.', 404, 'notFound')];
        }),
      );
    }),
  } satisfies CaseGmail & QueueGmail;

  return {
    gmail,
    /** The mailbox's labels as users.labels.list would give them now. */
    labels: labelList,
    labelId,
    relabel,
    /** A customer's thread `n` carrying the labels named (created when missing), recorded as new mail. */
    addThread(n: number, labelNames: readonly string[] = [], spec: Partial<MessageSpec> = {}): string {
      const id = threadIdOf(n);
      const labelIds = ['INBOX', ...labelNames.map(labelId)];
      const message: MessageSpec = { at: WROTE_AT, from: 'Bob Buyer <bob@customer.example>', to: account, subject: `Order ${n}`, labels: labelIds, ...spec };
      const thread = buildThread([message], { id, historyId: String(historyId + 1) });
      threads.set(id, thread);
      record({ messagesAdded: refs(thread) });
      return id;
    },
    deleteThread(threadId: string): void {
      const thread = threadOf(threadId);
      threads.delete(threadId);
      record({ messagesDeleted: refs(thread) });
    },
    /** A colleague deletes a label: its id is gone, and Gmail then refuses it as invalid. */
    deleteLabel(name: string): void {
      const id = labelId(name);
      labels.splice(labels.findIndex((label) => label.id === id), 1);
      for (const message of [...threads.values()].flatMap((thread) => thread.messages)) {
        message.labelIds = (message.labelIds ?? []).filter((other) => other !== id);
      }
    },
    /** A change whose message Gmail reports without its labels. */
    recordUnlabelled(threadId: string): void {
      record({ messagesAdded: threadOf(threadId).messages.map((message) => ({ message: { id: message.id, threadId } })) });
    },
    labelIdsOf(threadId: string): string[] {
      return [...new Set(threadOf(threadId).messages.flatMap((message) => message.labelIds ?? []))];
    },
    conversation(threadId: string): Conversation {
      return toConversation(structuredClone(threadOf(threadId)), account);
    },
    /** Gmail forgets the history so far: any cursor saved until now answers 404. */
    forgetHistory(): void {
      keptSince = ++historyId;
    },
    setHistoryPageSize(size: number): void {
      historyPageSize = size;
    },
  };
}

export type FakeMailbox = ReturnType<typeof createFakeMailbox>;
