/**
 * Answers the side panel's requests for a tab. The tab decides the account, so a panel can only
 * ever read the data of the account its Gmail tab shows (F10).
 */
import type { HistoryView } from '../history/types';
import type { GmailContext, PanelRequest, Result } from '../messaging/protocol';
import type { FeatureSwitches } from '../policy/schema';
import { RequestRefused, isRevocation, toAppError } from './app-errors';
import type { CaseService } from './case-service';
import type { ConversationService } from './conversation-service';
import type { DraftService } from './draft-service';
import type { HistoryService } from './history-service';
import type { PrivacyRequests } from './privacy-requests';
import type { QueueSync } from './queue-sync';
import type { Sessions } from './sessions';
import type { TabContexts } from './tab-contexts';

export interface PanelRequestDeps {
  contexts: TabContexts;
  sessions: Sessions;
  conversations: ConversationService;
  history: HistoryService;
  cases: CaseService;
  drafts: DraftService;
  /** The privacy centre (F7): its requests are answered there. */
  privacy: PrivacyRequests;
  queue: Pick<QueueSync, 'view'>;
  /** Syncs the account's queue with Gmail, then tells its panels and badges. */
  syncQueue: (account: string) => Promise<void>;
  /** The admin's feature switches (F9): a switched-off feature is refused here too, not only hidden. */
  features: () => Readonly<FeatureSwitches>;
  log: (message: string, details: Record<string, unknown>) => void;
}

export function createPanelRequestHandler(deps: PanelRequestDeps) {
  /**
   * Runs work for the account a tab shows, if it is signed in, and for nothing else (F10). Work
   * that shows the grant is gone purges the account (F8).
   */
  async function forAccount<T>(
    tabId: number,
    what: string,
    run: (account: string, context: GmailContext) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const { context, account } = await deps.contexts.resolve(tabId);
    if (!context) return { ok: false, error: { code: 'not-gmail-tab' } };
    if (!account || !(await deps.sessions.current(account))) return { ok: false, error: { code: 'not-signed-in' } };
    try {
      return await run(account, context);
    } catch (error) {
      deps.log(`${what} failed`, { error: String(error) });
      if (isRevocation(error)) await deps.sessions.revoked(account);
      return { ok: false, error: toAppError(error) };
    }
  }

  /** Work about the conversation open in a tab, for the tab's signed-in account only. */
  function forOpenThread<T>(tabId: number, what: string, run: (account: string, threadId: string) => Promise<T>): Promise<Result<T>> {
    return forAccount(tabId, what, async (account, context) =>
      context.threadId ? { ok: true, data: await run(account, context.threadId) } : { ok: false, error: { code: 'no-conversation' } },
    );
  }

  /** The history of the tab's conversation's customer: as the cached thread names them, or as hinted. */
  async function readHistory(
    request: Extract<PanelRequest, { type: 'history/get' }>,
    account: string,
    openThreadId: string,
  ): Promise<HistoryView | null> {
    const known = (await deps.conversations.fromCache(account, openThreadId))?.conversation.customer?.email;
    const hinted = deps.contexts.customerHint(request.tabId, account);
    // A panel may only read the history of its tab's customer: as fetched, or as Gmail shows them.
    if (request.customer !== known && request.customer !== hinted) {
      throw new RequestRefused(`${request.customer} is not the customer of this tab's conversation`);
    }
    const query = { account, customer: request.customer, openThreadId, rows: request.rows };
    switch (request.source) {
      case 'cache':
        return deps.history.fromCache(query);
      case 'network':
        return deps.history.fromNetwork(query);
      case 'more':
        return deps.history.more(query);
    }
  }

  return async function handle(request: PanelRequest): Promise<Result<unknown>> {
    const feature = FEATURE_OF[request.type];
    if (feature && !feature(deps.features(), request)) return { ok: false, error: { code: 'feature-disabled' } };
    switch (request.type) {
      case 'auth/sign-in': {
        const result = await deps.sessions.signIn(request.tabId);
        // The queue and the badge are filled in the background while the agent reads the card.
        if (result.ok) void deps.syncQueue(result.data.email).catch(() => {}); // logged by syncQueue
        return result;
      }
      case 'auth/sign-out': {
        const { account } = await deps.contexts.resolve(request.tabId);
        if (!account) return { ok: false, error: { code: 'not-signed-in' } };
        await deps.sessions.signOut(account);
        return { ok: true, data: null };
      }
      case 'conversation/get':
        return forOpenThread(request.tabId, 'conversation read', (account, threadId) =>
          request.source === 'cache'
            ? deps.conversations.fromCache(account, threadId)
            : deps.conversations.fromNetwork(account, threadId),
        );
      case 'history/get':
        return forOpenThread(request.tabId, 'history read', (account, threadId) => readHistory(request, account, threadId));
      case 'case/set':
        return forOpenThread(request.tabId, 'case change', (account, threadId) => deps.cases.setCase(account, threadId, request.change));
      case 'auth/grant':
        return deps.sessions.grant(request.tabId, request.feature);
      case 'queue/get':
        return forAccount(request.tabId, 'queue read', async (account) => {
          if (request.source === 'network') await deps.syncQueue(account);
          return { ok: true, data: await deps.queue.view(account) };
        });
      case 'draft/insert':
        return forOpenThread(request.tabId, 'draft insert', async (account, threadId) => {
          // The agent previewed one conversation and the tab now shows another: write to neither.
          if (threadId !== request.threadId) throw new RequestRefused(`the tab no longer shows conversation ${request.threadId}`);
          const agent = (await deps.sessions.current(account)) ?? { email: account, name: '' };
          return deps.drafts.insert({ account, agent, threadId, text: request.text, mode: request.mode });
        });
      case 'privacy/summary':
      case 'privacy/access-log':
      case 'privacy/export':
      case 'privacy/erase-customer':
      case 'privacy/delete-all':
        return deps.privacy.handle(request);
    }
  };
}

/**
 * Which admin switches a request needs. The queue is made of cases, so it needs both; the draft
 * consent ('auth/grant' for drafts) belongs to templates.
 */
const FEATURE_OF: Partial<Record<PanelRequest['type'], (features: Readonly<FeatureSwitches>, request: PanelRequest) => boolean>> = {
  'history/get': (features) => features.history,
  'case/set': (features) => features.cases,
  'queue/get': (features) => features.queue && features.cases,
  'draft/insert': (features) => features.templates,
  'auth/grant': (features, request) => (request.type === 'auth/grant' && request.feature === 'drafts' ? features.templates : features.cases),
};
