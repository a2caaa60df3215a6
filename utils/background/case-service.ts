/**
 * Case status and priority as Gmail labels (F4). Reading maps a thread's label ids to a case with
 * the mailbox's labels; setting creates the label on first use (an existing one is reused, whatever
 * its case), then changes the thread's labels in one threads.modify — all or nothing — so a thread
 * never carries two statuses and a refused change leaves it as it was.
 */
import type { CacheDb } from '../db/schema';
import { type MailboxUpdate, readMailbox, readThread, updateMailbox, writeCaseChanges, writeThreadLabels } from '../db/repositories';
import { caseEntryOf, queueRowOf } from '../cases/entry';
import type { LabelPrefix } from '../cases/label-prefix';
import { type CaseLabel, type GmailLabel, type LabelModifyRequest, planCaseChange, readCase } from '../cases/labels';
import type { SlaHours } from '../cases/sla';
import type { CaseView } from '../cases/types';
import { GmailError } from '../gmail/errors';
import { ScopeRequired } from './app-errors';
import type { ModifiedThread } from '../gmail/schemas';
import { FEATURE_SCOPES } from '../google/scopes';
import type { Conversation } from '../mail/types';

export interface CaseGmail {
  listLabels: () => Promise<GmailLabel[]>;
  createLabel: (name: string) => Promise<GmailLabel>;
  modifyThread: (threadId: string, request: LabelModifyRequest) => Promise<ModifiedThread>;
}

export interface CaseServiceDeps {
  db: () => Promise<CacheDb>;
  gmailFor: (account: string) => CaseGmail;
  /** Whether the account's token already carries these scopes (no Google call). */
  holdsScopes: (account: string, scopes: readonly string[]) => Promise<boolean>;
  /** Makes sure a token is held (silently): after a browser restart the session has none yet. */
  ensureToken: (account: string) => Promise<void>;
  prefix: () => LabelPrefix;
  slaHours: () => SlaHours;
  now: () => number;
}

/** A look at the labels before creating one, the creation, and one more look after a refusal. */
const MAX_PLAN_ROUNDS = 5;

export function createCaseService(deps: CaseServiceDeps) {
  async function knownLabels(account: string): Promise<GmailLabel[] | null> {
    return (await readMailbox(await deps.db(), account))?.labels ?? null;
  }

  /** The mailbox record with these labels; the sync's cursor and unread list are left as they are. */
  const withLabels =
    (account: string, labels: readonly GmailLabel[]): MailboxUpdate =>
    (current) =>
      current ? { ...current, labels: [...labels] } : { account, historyId: null, labels: [...labels], unread: [], syncedAt: null, revision: 0 };

  async function saveLabels(account: string, labels: GmailLabel[]): Promise<void> {
    await updateMailbox(await deps.db(), account, withLabels(account, labels));
  }

  async function listAndSave(account: string): Promise<GmailLabel[]> {
    const labels = await deps.gmailFor(account).listLabels();
    await saveLabels(account, labels);
    return labels;
  }

  /** The labels with a name for every id given, listing them again only when one is unknown. */
  async function labelsNaming(account: string, labelIds: readonly string[]): Promise<GmailLabel[]> {
    const known = await knownLabels(account);
    const ids = new Set(known?.map((label) => label.id));
    return known && labelIds.every((id) => ids.has(id)) ? known : listAndSave(account);
  }

  async function viewOf(account: string, labels: readonly GmailLabel[] | null, labelIds: readonly string[]): Promise<CaseView> {
    const { status, priority } = readCase(deps.prefix(), labels ?? [], labelIds);
    const editable = await deps.holdsScopes(account, FEATURE_SCOPES.cases);
    return { status, priority, editable, slaHours: deps.slaHours() };
  }

  /** Keeps the queue's copy of the case in step with what the agent just saw or did. */
  async function rememberCase(account: string, conversation: Conversation, labels: readonly GmailLabel[]): Promise<void> {
    const entry = caseEntryOf(conversation);
    const isQueued = queueRowOf(entry, deps.prefix(), labels) !== null;
    await writeCaseChanges(await deps.db(), account, {
      replaceAll: false,
      put: isQueued ? [entry] : [],
      remove: isQueued ? [] : [entry.threadId],
      mailbox: withLabels(account, labels),
      fetchedAt: deps.now(),
    });
  }

  /** Plans against the labels, creating the target label first when needed (a 409 means it exists). */
  async function apply(account: string, threadId: string, change: CaseLabel, known: GmailLabel[] | null) {
    const gmail = deps.gmailFor(account);
    let labels = known ?? (await gmail.listLabels());
    let relisted = known === null;
    let relistedAfterRefusal = false;
    for (let round = 0; round < MAX_PLAN_ROUNDS; round++) {
      const plan = planCaseChange(deps.prefix(), labels, change);
      try {
        if (plan.state === 'create-label' && !relisted) {
          // A colleague may have created it since the labels were listed: look (1 unit) before creating.
          relisted = true;
          labels = await gmail.listLabels();
          continue;
        }
        if (plan.state === 'create-label') {
          labels = [...labels, await gmail.createLabel(plan.name)];
          continue;
        }
        const labelIds = labelIdsOf(await gmail.modifyThread(threadId, plan.request));
        return await withoutUnknownRivals(account, threadId, change, labels, labelIds);
      } catch (error) {
        if (error instanceof GmailError && error.kind === 'insufficient-scope') throw new ScopeRequired(error.message);
        // 409: someone created the label meanwhile; 400 "Invalid label": our list was stale.
        const staleList = error instanceof GmailError && (error.status === 409 || (error.status === 400 && /label/i.test(error.message)));
        if (!staleList || relistedAfterRefusal) throw error;
        relistedAfterRefusal = true;
        labels = await gmail.listLabels();
      }
    }
    throw new GmailError('bad-response', 'Gmail kept refusing the case labels; nothing was changed', 0);
  }

  /**
   * A label the list did not know is still on the thread: a colleague may have just created and
   * applied another status. Look at the labels again and, if it is one, remove it too — a
   * conversation never keeps two statuses.
   */
  async function withoutUnknownRivals(account: string, threadId: string, change: CaseLabel, labels: GmailLabel[], labelIds: string[]) {
    const known = new Set(labels.map((label) => label.id));
    if (labelIds.every((id) => known.has(id))) return { labels, labelIds };
    const gmail = deps.gmailFor(account);
    const fresh = await gmail.listLabels();
    const plan = planCaseChange(deps.prefix(), fresh, change);
    const rivals = plan.state === 'ready' ? plan.request.removeLabelIds.filter((id) => labelIds.includes(id)) : [];
    if (rivals.length === 0) return { labels: fresh, labelIds };
    return { labels: fresh, labelIds: labelIdsOf(await gmail.modifyThread(threadId, { addLabelIds: [], removeLabelIds: rivals })) };
  }

  return {
    /**
     * Lists the mailbox's labels once, if they never were: run beside a conversation's first read,
     * so naming its case labels adds no round trip after it (F12).
     */
    async ensureLabels(account: string): Promise<void> {
      if (!(await knownLabels(account))) await listAndSave(account);
    },

    /** The case of a conversation for the panel; lists labels only for a network read with unknown ids. */
    async caseOf(account: string, conversation: Conversation, source: 'cache' | 'network'): Promise<CaseView> {
      if (source === 'cache') return viewOf(account, await knownLabels(account), conversation.labelIds);
      const labels = await labelsNaming(account, conversation.labelIds);
      await rememberCase(account, conversation, labels);
      return viewOf(account, labels, conversation.labelIds);
    },

    async setCase(account: string, threadId: string, change: CaseLabel): Promise<CaseView> {
      await deps.ensureToken(account);
      if (!(await deps.holdsScopes(account, FEATURE_SCOPES.cases))) throw new ScopeRequired('Gmail modify scope not granted');
      const { labels, labelIds } = await apply(account, threadId, change, await knownLabels(account));
      const db = await deps.db();
      await writeThreadLabels(db, account, threadId, labelIds);
      const cached = await readThread(db, account, threadId);
      if (cached) await rememberCase(account, cached.conversation, labels);
      else await saveLabels(account, labels);
      return viewOf(account, labels, labelIds);
    },
  };
}

/** The thread's labels after a change: the union over its messages, as Gmail answered. */
function labelIdsOf(modified: ModifiedThread): string[] {
  return [...new Set((modified.messages ?? []).flatMap((message) => message.labelIds ?? []))];
}

export type CaseService = ReturnType<typeof createCaseService>;
