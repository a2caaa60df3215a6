/**
 * How each Gmail method is recorded in the access log (F7): Google's method id, the category of
 * data it touches, and how many items an answer holds. Counts only: nothing of the content.
 */
import type { GmailLabel } from '../cases/labels';
import type { AccessCategory } from '../privacy/access-kinds';
import type { GmailDraft, GmailHistoryList, GmailProfile, GmailThread, GmailThreadList, ModifiedThread } from './schemas';

export interface GmailMethod<T> {
  /** Google's method id, e.g. 'gmail.users.threads.get'. */
  id: string;
  category: AccessCategory;
  /** Items in a successful answer: messages of a thread, threads of a list, labels, changes. */
  items: (data: T) => number;
}

/** A profile, a label, a draft: one item whatever the answer holds. */
const one = () => 1;

export const GMAIL_METHODS = {
  getProfile: { id: 'gmail.users.getProfile', category: 'profile', items: one } satisfies GmailMethod<GmailProfile>,
  getThread: {
    id: 'gmail.users.threads.get',
    category: 'message-metadata',
    items: (thread) => thread.messages.length,
  } satisfies GmailMethod<GmailThread>,
  listThreads: {
    id: 'gmail.users.threads.list',
    category: 'message-metadata',
    items: (list) => list.threads?.length ?? 0,
  } satisfies GmailMethod<GmailThreadList>,
  listLabels: {
    id: 'gmail.users.labels.list',
    category: 'labels',
    items: (list) => list.labels?.length ?? 0,
  } satisfies GmailMethod<{ labels?: GmailLabel[] | undefined }>,
  createLabel: { id: 'gmail.users.labels.create', category: 'labels', items: one } satisfies GmailMethod<GmailLabel>,
  /** Writes labels on a thread: the case status (F4). */
  modifyThread: { id: 'gmail.users.threads.modify', category: 'labels', items: one } satisfies GmailMethod<ModifiedThread>,
  createDraft: { id: 'gmail.users.drafts.create', category: 'drafts', items: one } satisfies GmailMethod<GmailDraft>,
  updateDraft: { id: 'gmail.users.drafts.update', category: 'drafts', items: one } satisfies GmailMethod<GmailDraft>,
  getDraft: { id: 'gmail.users.drafts.get', category: 'drafts', items: one } satisfies GmailMethod<GmailDraft>,
  listHistory: {
    id: 'gmail.users.history.list',
    category: 'mailbox-changes',
    items: (list) => list.history?.length ?? 0,
  } satisfies GmailMethod<GmailHistoryList>,
};
