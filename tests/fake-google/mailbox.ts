/**
 * One account's mailbox: threads of messages kept as raw RFC 822 bytes plus what Gmail tracks
 * beside them (labels, internalDate, historyId), the drafts (each a message labelled DRAFT), a
 * history log for users.history.list, and the opaque web-UI token of each conversation.
 */
import { firstAddress } from './address.ts';
import { gmailIdFor, opaqueToken, unsyncedDigits } from './ids.ts';
import { LabelSet } from './labels.ts';
import { buildRawMessage } from './mime-build.ts';
import { bodyText, headerValue, parseEntity, type ParsedEntity } from './mime-parse.ts';
import type { DomMarkers, SeedAccount, SeedMessage, SeedThread } from './types.ts';

export interface StoredMessage {
  id: string;
  threadId: string;
  raw: string;
  entity: ParsedEntity;
  internalDate: number;
  labelIds: string[];
  historyId: number;
  messageIdHeader: string;
  snippet: string;
}

export interface StoredThread {
  id: string;
  messages: StoredMessage[];
  /** The opaque `#inbox/<token>` of the web UI. */
  webToken: string;
  domMarkers: DomMarkers;
  /** `r<digits>` used by 'unsynced' markers. */
  unsyncedId: string;
  /**
   * The history id of the last message removed from the thread (0: none). A thread's historyId
   * never goes back, also when its newest message (a draft) is deleted.
   */
  removedHistoryId: number;
}

export type HistoryType = 'messageAdded' | 'messageDeleted' | 'labelAdded' | 'labelRemoved';

/**
 * One users.history.list record: a message added to or deleted from the mailbox, or labels added
 * to / removed from one message. `message.labelIds` is the message's labels right after the
 * change (at deletion: its last labels); `labelIds` is what a label change added or removed.
 */
export interface HistoryRecord {
  id: number;
  type: HistoryType;
  message: { id: string; threadId: string; labelIds: string[] };
  labelIds?: string[];
}

/** What a stored message is made of; the rest (entity, snippet, Message-ID, history id) follows from it. */
type MessageFields = Pick<StoredMessage, 'id' | 'raw' | 'internalDate' | 'labelIds'>;

/** A label change as users.threads.modify / users.messages.modify take it: label ids to add and remove. */
export interface LabelEdit {
  add: readonly string[];
  remove: readonly string[];
}

/** Seeded mail starts at a realistic history id; later changes count up from there. */
const FIRST_HISTORY_ID = 2_417_000;

function toEpochMs(date: string | number | undefined, fallback: number): number {
  if (date === undefined) return fallback;
  const ms = typeof date === 'number' ? date : Date.parse(date);
  if (Number.isNaN(ms)) throw new Error(`invalid message date: ${String(date)}`);
  return ms;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Gmail snippets: the start of the body text, whitespace collapsed, HTML-escaped. */
export function snippetOf(entity: ParsedEntity): string {
  const body = bodyText(entity);
  if (body === undefined) return '';
  const text = body.html ? body.text.replace(/<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ') : body.text;
  const collapsed = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return collapsed.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export class Mailbox {
  readonly email: string;
  readonly name: string;
  readonly accountPath: string;
  readonly labels = new LabelSet();
  readonly threads = new Map<string, StoredThread>();
  readonly messages = new Map<string, StoredMessage>();
  /** Draft id (`r<digits>`) → the draft's current message, which is also in `messages`. */
  readonly drafts = new Map<string, StoredMessage>();
  readonly history: HistoryRecord[] = [];
  private historyCounter = FIRST_HISTORY_ID;
  /** Oldest startHistoryId users.history.list still answers for. */
  readonly historyFloor = FIRST_HISTORY_ID;

  constructor(seed: SeedAccount, accountPath: string, private readonly now: () => number) {
    this.email = seed.email.toLowerCase();
    this.name = seed.name;
    this.accountPath = accountPath;
    for (const label of seed.labels ?? []) this.labels.ensureUserLabel(label.name);
    for (const thread of seed.threads) this.addThread(thread, false);
  }

  get currentHistoryId(): number {
    return this.historyCounter;
  }

  private usedIds(): Set<string> {
    return new Set([...this.threads.keys(), ...this.messages.keys()]);
  }

  addThread(seed: SeedThread, recordHistory = true): { threadId: string; messageIds: string[] } {
    const [first, ...rest] = seed.messages;
    if (first === undefined) throw new Error('a thread needs at least one message');
    const firstMs = toEpochMs(first.date, this.now());
    const threadId = seed.id ?? first.id ?? gmailIdFor(firstMs, this.usedIds());
    if (this.threads.has(threadId)) throw new Error(`thread ${threadId} already exists`);
    this.newThread(threadId, seed.domMarkers ?? 'both');
    // Gmail gives a thread the id of its first message.
    const messageIds = [this.addMessage(threadId, { ...first, id: first.id ?? threadId }, recordHistory).messageId];
    for (const message of rest) messageIds.push(this.addMessage(threadId, message, recordHistory).messageId);
    return { threadId, messageIds };
  }

  private newThread(id: string, domMarkers: DomMarkers): StoredThread {
    const thread: StoredThread = { id, messages: [], webToken: opaqueToken(), domMarkers, unsyncedId: `r${unsyncedDigits()}`, removedHistoryId: 0 };
    this.threads.set(id, thread);
    return thread;
  }

  private thread(threadId: string): StoredThread {
    const thread = this.threads.get(threadId);
    if (thread === undefined) throw new Error(`no thread ${threadId} in ${this.email}`);
    return thread;
  }

  addMessage(threadId: string, seed: SeedMessage, recordHistory = true): { messageId: string } {
    const thread = this.thread(threadId);
    const internalDate = toEpochMs(seed.date, this.now());
    const id = seed.id ?? gmailIdFor(internalDate, this.usedIds());
    if (this.messages.has(id)) throw new Error(`message ${id} already exists`);
    const incoming = firstAddress(seed.from)?.address !== this.email;
    const senderDomain = firstAddress(seed.from)?.address.split('@')[1] ?? 'mail.gmail.com';
    const messageIdHeader = `<fake.${id}@${senderDomain}>`;
    const raw = buildRawMessage(seed, {
      accountEmail: this.email,
      incoming,
      epochMs: internalDate,
      messageIdHeader,
      references: thread.messages.map((m) => m.messageIdHeader),
    });
    const defaultLabels = incoming ? ['INBOX', 'UNREAD', 'CATEGORY_PERSONAL'] : ['SENT'];
    const labelIds = (seed.labelIds ?? defaultLabels).map((l) => this.labels.resolve(l));
    return { messageId: this.store(thread, { id, raw, internalDate, labelIds }, recordHistory).id };
  }

  /**
   * Stores a message given as raw RFC 822 text — a draft saved through the API or in Gmail's web
   * UI — dated now. Without `threadId` it starts a thread of its own, whose id is the message's
   * as Gmail gives it.
   */
  addRawMessage(raw: string, labelIds: readonly string[], threadId?: string): StoredMessage {
    const internalDate = this.now();
    const id = gmailIdFor(internalDate, this.usedIds());
    const thread = threadId === undefined ? this.newThread(id, 'both') : this.thread(threadId);
    return this.store(thread, { id, raw, internalDate, labelIds: [...labelIds] }, true);
  }

  private store(thread: StoredThread, fields: MessageFields, recordHistory: boolean): StoredMessage {
    const entity = parseEntity(fields.raw);
    this.historyCounter += this.historyGap(fields.id);
    const message: StoredMessage = {
      ...fields,
      threadId: thread.id,
      entity,
      historyId: this.historyCounter,
      messageIdHeader: headerValue(entity.headers, 'Message-ID') ?? '',
      snippet: snippetOf(entity),
    };
    thread.messages.push(message);
    thread.messages.sort((a, b) => a.internalDate - b.internalDate);
    this.messages.set(message.id, message);
    if (recordHistory) {
      this.history.push({ id: message.historyId, type: 'messageAdded', message: { id: message.id, threadId: thread.id, labelIds: [...message.labelIds] } });
    }
    return message;
  }

  /**
   * Deletes a message for good (a draft deleted or replaced), recording messageDeleted. A thread
   * left with no message goes too, as in Gmail.
   */
  removeMessage(message: StoredMessage): void {
    const thread = this.thread(message.threadId);
    this.messages.delete(message.id);
    thread.messages = thread.messages.filter((m) => m !== message);
    this.record(message, 'messageDeleted');
    thread.removedHistoryId = this.historyCounter;
    if (thread.messages.length === 0) this.threads.delete(thread.id);
  }

  /** History ids grow with gaps, as Gmail's do ("not contiguous with random gaps in between"). */
  private historyGap(messageId: string, salt = 0): number {
    return 1 + ((messageId.charCodeAt(15) + salt) % 7);
  }

  /**
   * Applies a label change to messages (all of a thread's for threads.modify). Only messages whose
   * labels actually change get a new historyId, and each change is its own history record: one
   * labelAdded record per message for what it gained, one labelRemoved record for what it lost.
   * Callers validate the label ids first.
   */
  modifyLabels(messages: readonly StoredMessage[], edit: LabelEdit): void {
    for (const message of messages) {
      const added = [...new Set(edit.add)].filter((l) => !message.labelIds.includes(l) && !edit.remove.includes(l));
      const removed = [...new Set(edit.remove)].filter((l) => message.labelIds.includes(l));
      if (added.length > 0) {
        message.labelIds.push(...added);
        this.record(message, 'labelAdded', added);
      }
      if (removed.length > 0) {
        message.labelIds = message.labelIds.filter((l) => !removed.includes(l));
        this.record(message, 'labelRemoved', removed);
      }
    }
  }

  private record(message: StoredMessage, type: Exclude<HistoryType, 'messageAdded'>, labelIds?: string[]): void {
    this.historyCounter += this.historyGap(message.id, this.history.length);
    message.historyId = this.historyCounter;
    this.history.push({
      id: this.historyCounter,
      type,
      message: { id: message.id, threadId: message.threadId, labelIds: [...message.labelIds] },
      ...(labelIds === undefined ? {} : { labelIds: [...labelIds] }),
    });
  }

  /** The labels on any message of the thread, in first-seen order. */
  threadLabelIds(thread: StoredThread): string[] {
    return [...new Set(thread.messages.flatMap((m) => m.labelIds))];
  }

  threadHistoryId(thread: StoredThread): number {
    return Math.max(thread.removedHistoryId, ...thread.messages.map((m) => m.historyId));
  }

  lastDate(thread: StoredThread): number {
    return Math.max(...thread.messages.map((m) => m.internalDate));
  }

  threadByToken(token: string): StoredThread | undefined {
    for (const thread of this.threads.values()) if (thread.webToken === token) return thread;
    return undefined;
  }
}
