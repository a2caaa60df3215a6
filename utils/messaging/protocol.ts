/**
 * The one message protocol between the three contexts (ARCHITECTURE.md). Every message is parsed
 * with zod on arrival; nothing crosses a context as `any`.
 *
 * - content script → background: `gmail/context` (fire and forget).
 * - side panel → background: requests answered with `Result<T>`.
 * - background → side panel: events over a `panel` port.
 */
import * as z from 'zod/mini';
import { caseLabelSchema, caseViewSchema, queueViewSchema } from '../cases/schemas';
import type { CaseView, QueueView } from '../cases/types';
import { MAX_SENDERS } from '../gmail-ui/read-context';
import { MAX_LISTED_THREADS } from '../history/listing';
import { historyViewSchema } from '../history/schemas';
import type { HistoryView } from '../history/types';
import { conversationSchema } from '../mail/conversation-schema';
import type { Conversation } from '../mail/types';
import { type ExportDocument, exportDocumentSchema } from '../privacy/export-schema';
import {
  ACCESS_LOG_PAGE_MAX,
  type AccessLogPage,
  accessLogPageSchema,
  type EraseResult,
  eraseResultSchema,
  type PrivacySummary,
  privacySummarySchema,
} from '../privacy/schemas';

/** A rendered template: the editor's body limit plus what variables can add (long names, subjects). */
export const DRAFT_TEXT_MAX = 40_000;

const emailSchema = z.email().check(z.maxLength(320), z.toLowerCase());
const threadIdSchema = z.string().check(z.regex(/^[0-9a-f]{1,32}$/));
/** `/mail/u/0` or, for delegated mailboxes, `/mail/b/<id>/u/0`. */
export const accountPathSchema = z.string().check(z.regex(/^\/mail(\/b\/[A-Za-z0-9_-]{1,64})?\/u\/\d{1,2}$/));

/** What the content script sees in its Gmail tab. */
export const gmailContextSchema = z.object({
  accountPath: accountPathSchema,
  accountEmail: z.nullable(emailSchema),
  /** 'list': inbox/label/search list; 'thread': a conversation is open; 'other': settings etc. */
  view: z.enum(['list', 'thread', 'other']),
  /** The Gmail API thread id; null when no conversation is open or it can't be identified. */
  threadId: z.nullable(threadIdSchema),
  /**
   * Senders shown in the open conversation (`span.gD[email]`): a hint of who the customer is
   * before the thread is fetched. Kept in the background's memory only, never stored.
   */
  senders: z._default(z.array(emailSchema).check(z.maxLength(MAX_SENDERS)), []),
});
export type GmailContext = z.infer<typeof gmailContextSchema>;

export const contentMessageSchema = z.object({ type: z.literal('gmail/context'), context: gmailContextSchema });
export type ContentMessage = z.infer<typeof contentMessageSchema>;

const tabIdSchema = z.number().check(z.int(), z.nonnegative());

export const panelRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auth/sign-in'), tabId: tabIdSchema }),
  z.object({ type: z.literal('auth/sign-out'), tabId: tabIdSchema }),
  z.object({ type: z.literal('conversation/get'), tabId: tabIdSchema, source: z.enum(['cache', 'network']) }),
  /**
   * The history of the open conversation's customer (F3). 'cache': no Gmail call; 'network': list
   * again, then read what changed; 'more': more rows of the list already saved.
   */
  z.object({
    type: z.literal('history/get'),
    tabId: tabIdSchema,
    source: z.enum(['cache', 'network', 'more']),
    /** Must be the tab's conversation's customer (cached), or the tab's customer hint. */
    customer: emailSchema,
    rows: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_LISTED_THREADS)),
  }),
  /** Sets the open conversation's status or priority (F4): labels in the tab's mailbox. */
  z.object({ type: z.literal('case/set'), tabId: tabIdSchema, change: caseLabelSchema }),
  /**
   * Asks Google, interactively, for the scopes a feature needs beyond reading (issue 4 › 2:
   * incremental consent). Declining leaves every read-only feature as it was.
   */
  z.object({ type: z.literal('auth/grant'), tabId: tabIdSchema, feature: z.enum(['cases', 'drafts']) }),
  /** The queue of the tab's account (F5). 'cache': no Gmail call; 'network': sync with Gmail first. */
  z.object({ type: z.literal('queue/get'), tabId: tabIdSchema, source: z.enum(['cache', 'network']) }),
  /**
   * A reply draft in the open conversation (F6) with a template the panel rendered and previewed.
   * `threadId` is the conversation previewed: if the tab moved on meanwhile, nothing is created.
   * 'new' stops at an earlier draft of ours in the thread; 'replace' overwrites it; 'add' keeps it.
   */
  z.object({
    type: z.literal('draft/insert'),
    tabId: tabIdSchema,
    threadId: threadIdSchema,
    text: z.string().check(z.minLength(1), z.maxLength(DRAFT_TEXT_MAX)),
    mode: z.enum(['new', 'replace', 'add']),
  }),
  /**
   * The privacy centre (F7), always about the account the tab shows (F10), signed in or not: a
   * signed-out account may still have an access log, and its owner may still export or delete it.
   */
  z.object({ type: z.literal('privacy/summary'), tabId: tabIdSchema }),
  /** A page of the access log, newest first: entries before `before` (epoch ms), or the newest. */
  z.object({
    type: z.literal('privacy/access-log'),
    tabId: tabIdSchema,
    before: z.nullable(z.number().check(z.int(), z.nonnegative())),
    limit: z.number().check(z.int(), z.minimum(1), z.maximum(ACCESS_LOG_PAGE_MAX)),
  }),
  /** Everything stored for the tab's account, as the documented export document (portability). */
  z.object({ type: z.literal('privacy/export'), tabId: tabIdSchema }),
  /**
   * The data subject's rights: every cached record about one customer of the tab's account is
   * deleted ('erase') or kept with their identity and the content removed ('anonymise').
   * `account`: the account the agent confirmed for; if the tab switched account meanwhile, nothing
   * is erased (it can't be undone).
   */
  z.object({
    type: z.literal('privacy/erase-customer'),
    tabId: tabIdSchema,
    account: emailSchema,
    customer: emailSchema,
    mode: z.enum(['erase', 'anonymise']),
  }),
  /** Everything the extension keeps on this computer, for every account; every account signed out. */
  z.object({ type: z.literal('privacy/delete-all'), tabId: tabIdSchema }),
]);
export type PanelRequest = z.infer<typeof panelRequestSchema>;

/** Errors are values across contexts: a machine-readable code plus Google's own words if any. */
export const errorCodeSchema = z.enum([
  'not-gmail-tab',
  'not-signed-in',
  'sign-in-cancelled',
  'sign-in-failed',
  'account-mismatch',
  'access-revoked',
  /** The feature needs a scope the agent has not granted yet: ask with an explanation. */
  'scope-required',
  /** The admin's policy allows only accounts of other domains (detail: the allowed domains). */
  'account-not-allowed',
  /** The admin's policy switched the feature off. */
  'feature-disabled',
  'no-conversation',
  'offline',
  'timeout',
  'rate-limited',
  'gmail-unavailable',
  'gmail-error',
  'not-found',
  'bad-response',
  'bad-request',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;
export const appErrorSchema = z.object({ code: errorCodeSchema, detail: z.optional(z.string().check(z.maxLength(2000))) });
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const signInResultSchema = z.object({ email: emailSchema, name: z.string() });
export type SignInResult = z.infer<typeof signInResultSchema>;

/** A conversation as the panel receives it: from the cache or fresh from Gmail. */
export interface ConversationView {
  conversation: Conversation;
  /** The conversation's case as its labels say, read with the mailbox's labels (F4). */
  case: CaseView;
  source: 'cache' | 'network';
  fetchedAt: number;
}

/**
 * What inserting a draft did: created or replaced one (Gmail's draft id, the thread it is in), or
 * nothing, because a draft of ours is already there ('edited' if the agent changed it in Gmail).
 */
export const draftResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.enum(['created', 'replaced']), draftId: z.string().check(z.maxLength(64)), threadId: threadIdSchema }),
  z.object({ outcome: z.literal('exists'), edited: z.boolean() }),
]);
export type DraftResult = z.infer<typeof draftResultSchema>;

/** Maps each request type to the data of its successful response. */
export interface PanelResponses {
  'auth/sign-in': SignInResult;
  'auth/sign-out': null;
  'conversation/get': ConversationView | null;
  'history/get': HistoryView | null;
  'case/set': CaseView;
  'auth/grant': null;
  'queue/get': QueueView | null;
  'draft/insert': DraftResult;
  'privacy/summary': PrivacySummary;
  'privacy/access-log': AccessLogPage;
  'privacy/export': ExportDocument;
  'privacy/erase-customer': EraseResult;
  'privacy/delete-all': null;
}

/** The per-tab state the background pushes to a panel bound to that tab. */
export const tabStateSchema = z.object({
  tabId: tabIdSchema,
  /** null when the tab is not a Gmail tab (or its content script has not reported yet). */
  context: z.nullable(gmailContextSchema),
  /** The signed-in account for this tab's Gmail account, or null. */
  session: z.nullable(z.object({ email: emailSchema, name: z.string() })),
  /** Why the session ended, when it just did (shown once on the consent screen). */
  signedOutReason: z.nullable(z.enum(['revoked', 'signed-out', 'policy'])),
  /**
   * Who the customer probably is, from the senders Gmail shows, so the panel can ask for their
   * history while the thread is still on its way (F12). The fetched thread has the last word.
   */
  customerHint: z._default(z.nullable(emailSchema), null),
  /**
   * Counts the account's queue syncs with Gmail: a change tells the panel that cases may have
   * changed (a colleague's edit, a new message), so it reads them again from the cache. A counter,
   * not a time: two syncs in one millisecond, or under a clock a test holds still, still differ.
   */
  queueRevision: z._default(z.nullable(z.number().check(z.int(), z.nonnegative())), null),
});
export type TabState = z.infer<typeof tabStateSchema>;

export const panelPortName = 'panel';
export const panelPortMessageSchema = z.object({ type: z.literal('bind'), tabId: tabIdSchema });
export const panelEventSchema = z.object({ type: z.literal('tab-state'), state: tabStateSchema });
export type PanelEvent = z.infer<typeof panelEventSchema>;

export const conversationViewSchema = z.object({
  conversation: conversationSchema,
  case: caseViewSchema,
  source: z.enum(['cache', 'network']),
  fetchedAt: z.number(),
}) satisfies z.ZodMiniType<ConversationView>;

/** Schemas of each request's successful data, for the panel to check what the background sent. */
export const panelResponseSchemas = {
  'auth/sign-in': signInResultSchema,
  'auth/sign-out': z.null(),
  'conversation/get': z.nullable(conversationViewSchema),
  'history/get': z.nullable(historyViewSchema),
  'case/set': caseViewSchema,
  'auth/grant': z.null(),
  'queue/get': z.nullable(queueViewSchema),
  'draft/insert': draftResultSchema,
  'privacy/summary': privacySummarySchema,
  'privacy/access-log': accessLogPageSchema,
  'privacy/export': exportDocumentSchema,
  'privacy/erase-customer': eraseResultSchema,
  'privacy/delete-all': z.null(),
} satisfies { [K in keyof PanelResponses]: z.ZodMiniType<PanelResponses[K]> };
