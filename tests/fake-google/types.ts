/**
 * Public types of the fake Google: the seed a test describes a mailbox with, the Gmail
 * resources the fake answers with, and the control surface tests drive it through.
 * Resource shapes follow Google's discovery document for gmail/v1, field for field.
 */

/** How the fake Gmail page marks a thread in the DOM (see notes/google-facts.md). */
export type DomMarkers = 'both' | 'legacy-only' | 'perm-only' | 'perm-undefined' | 'unsynced';

export interface SeedAttachment {
  filename: string;
  mimeType: string;
  /** Bytes to generate when `content` is absent (a plausible file of that size). */
  size?: number;
  /** Text content of the attachment (UTF-8). */
  content?: string;
}

export interface SeedMessage {
  /** 16 hex chars; generated from the date like Gmail's ids when absent. */
  id?: string;
  /** Raw header value; may contain RFC 2047 encoded words. */
  from: string;
  to?: string;
  cc?: string;
  replyTo?: string;
  subject?: string;
  /** ISO date or epoch ms: becomes internalDate and the Date header. Default: the fake's clock. */
  date?: string | number;
  text?: string;
  html?: string;
  attachments?: SeedAttachment[];
  /**
   * Wraps the body and attachments in this many more multipart/mixed levels (default 0), as
   * forwards inside forwards do; hostile-mail tests nest hundreds deep. Gmail's payload nests
   * its parts exactly as deep.
   */
  nesting?: number;
  /** Default: INBOX + UNREAD for incoming mail, SENT for mail from the account. */
  labelIds?: string[];
  /** Extra raw headers, written as given. */
  headers?: Record<string, string>;
}

export interface SeedThread {
  /** Hex thread id; defaults to the first message's id, as in Gmail. */
  id?: string;
  messages: SeedMessage[];
  domMarkers?: DomMarkers;
}

export interface SeedLabel {
  name: string;
  type?: 'user';
}

export interface SeedAccount {
  email: string;
  name: string;
  /** '/mail/u/<N>' by order when absent; '/mail/b/<id>/u/0' for a delegated mailbox. */
  accountPath?: string;
  threads: SeedThread[];
  labels?: SeedLabel[];
}

export interface Seed {
  accounts: SeedAccount[];
}

// ---- Gmail REST resources (users.messages, users.threads, users.labels) ----

export interface GmailHeaderResource {
  name: string;
  value: string;
}

export interface GmailMessagePartBody {
  attachmentId?: string;
  size: number;
  data?: string;
}

export interface GmailMessagePartResource {
  partId: string;
  mimeType: string;
  filename: string;
  headers: GmailHeaderResource[];
  body: GmailMessagePartBody;
  parts?: GmailMessagePartResource[];
}

export interface GmailMessageResource {
  id: string;
  threadId: string;
  labelIds: string[];
  snippet: string;
  payload: GmailMessagePartResource;
  sizeEstimate: number;
  historyId: string;
  internalDate: string;
}

export interface GmailThreadResource {
  id: string;
  historyId: string;
  messages: GmailMessageResource[];
}

export type MessageListVisibility = 'show' | 'hide';
export type LabelListVisibility = 'labelShow' | 'labelShowIfUnread' | 'labelHide';

/** LabelColor: both values must come from Gmail's palette (see labels.ts). */
export interface GmailLabelColor {
  textColor?: string;
  backgroundColor?: string;
}

export interface GmailLabelResource {
  id: string;
  name: string;
  messageListVisibility?: MessageListVisibility;
  labelListVisibility?: LabelListVisibility;
  type: 'system' | 'user';
  color?: GmailLabelColor;
}

// ---- Control surface ----

export type ConsentMode = 'page' | 'auto-allow' | 'auto-deny';

export interface Fault {
  /** Exact host, e.g. 'gmail.googleapis.com'. */
  host?: string;
  method?: string;
  /** Substring of the path plus query string. */
  pathIncludes?: string;
  /** Status to answer. 200 without `body`/`malformed` means "handle normally" (after `delayMs`). */
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests this fault answers; default 1. */
  times?: number;
  delayMs?: number;
  /** Never answer (the socket stays open until the client gives up or the fake closes). */
  hang?: boolean;
  /** Answer 200 with a body that violates Google's schema (wrong types, missing fields). */
  malformed?: boolean;
}

export interface RequestLogEntry {
  at: number;
  host: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  status: number;
  account: string | null;
  /** e.g. 'gmail.users.threads.get'. */
  apiMethod: string | null;
  quotaUnits: number;
  scopes: string[];
  faulted: boolean;
}

/** What `control.modifyThread` changes: label ids (INBOX, Label_3) or user-label names (case-insensitive). */
export interface LabelChange {
  add?: string[];
  remove?: string[];
}

/** `control.labels()`: the mailbox's labels and, per thread, the union of its messages' label ids. */
export interface MailboxLabels {
  labels: GmailLabelResource[];
  threads: { id: string; labelIds: string[]; messages: { id: string; labelIds: string[] }[] }[];
}

export interface CreateLabelOptions {
  messageListVisibility?: MessageListVisibility;
  labelListVisibility?: LabelListVisibility;
  color?: GmailLabelColor;
}

/**
 * `control.drafts()`: one draft and its current message. `raw` is the whole RFC 822 message in
 * standard base64, as stored (decode it and read it with mime-parse's parseEntity).
 */
export interface DraftSummary {
  id: string;
  messageId: string;
  threadId: string;
  labelIds: string[];
  raw: string;
}

export interface RevocationEntry {
  token: string;
  accountEmail: string | null;
  at: number;
}

export interface IssuedTokenEntry {
  token: string;
  accountEmail: string;
  scopes: string[];
}

export interface FakeGoogleControl {
  reset(seed?: Seed): void;
  addThread(accountEmail: string, thread: SeedThread): { threadId: string; messageIds: string[] };
  addMessage(accountEmail: string, threadId: string, message: SeedMessage): { messageId: string };
  revokeGrant(accountEmail: string): void;
  expireTokens(accountEmail: string): void;
  setConsentMode(mode: ConsentMode): void;
  addFault(fault: Fault): void;
  clearFaults(): void;
  /**
   * Delays every HTTP request to gmail.googleapis.com, oauth2.googleapis.com, www.googleapis.com
   * and accounts.google.com by `ms`, once per round trip: a batch request is delayed once, not
   * once per part. mail.google.com (the Gmail page and its views) is never delayed.
   */
  setLatency(ms: number): void;
  setNow(epochMs: number | null): void;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  grants(): { accountEmail: string; scopes: string[] }[];
  /** Every access token issued since the last reset (revoked and expired ones too), oldest first. */
  issuedTokens(): IssuedTokenEntry[];
  revocations(): RevocationEntry[];
  mailbox(accountEmail: string): { threads: GmailThreadResource[]; labels: GmailLabelResource[] };
  /**
   * Creates a user label as someone else in the same mailbox would (a colleague in Gmail's web UI):
   * no request is logged or charged. Throws on a name users.labels.create would refuse.
   */
  createLabel(accountEmail: string, name: string, options?: CreateLabelOptions): GmailLabelResource;
  /**
   * Adds and removes labels on every message of a thread as a colleague would: the change bumps the
   * mailbox's historyId and shows in users.history.list (labelsAdded / labelsRemoved). Labels are
   * named by id or by user-label name; an unknown one throws (create it first).
   */
  modifyThread(accountEmail: string, threadId: string, change: LabelChange): GmailThreadResource;
  /** The mailbox's labels (system + user, as users.labels.list) and each thread's label ids. */
  labels(accountEmail: string): MailboxLabels;
  /** The account's drafts, newest first (as users.drafts.list orders them). */
  drafts(accountEmail: string): DraftSummary[];
  /**
   * Edits a draft as the agent would in Gmail's compose window: the draft keeps its id and thread
   * but gets a new message (new id, a Gmail Message-ID, dated by the fake's clock) whose body is
   * `text` as plain text, every other header kept. The old message's deletion and the new one's
   * arrival show in users.history.list. Throws on an unknown draft id.
   */
  editDraftInGmail(accountEmail: string, draftId: string, text: string): DraftSummary;
}

export interface FakeGoogle {
  port: number;
  /** 'https://127.0.0.1:<port>' */
  origin: string;
  /** Base64 SHA-256 of the certificate's SPKI, for --ignore-certificate-errors-spki-list. */
  spkiHash: string;
  chromiumArgs(): string[];
  control: FakeGoogleControl;
  close(): Promise<void>;
}
