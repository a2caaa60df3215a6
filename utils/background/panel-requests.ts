/**
 * Answers the side panel's requests for a tab. The tab decides the account, so a panel can only
 * ever read the data of the account its Gmail tab shows (F10).
 */
import { AuthLostError } from '../auth/auth-service';
import { GmailError } from '../gmail/errors';
import type { HistoryView } from '../history/types';
import type { PanelRequest, Result } from '../messaging/protocol';
import { RequestRefused, toAppError } from './app-errors';
import type { ConversationService } from './conversation-service';
import type { HistoryService } from './history-service';
import type { Sessions } from './sessions';
import type { TabContexts } from './tab-contexts';

export interface PanelRequestDeps {
  contexts: TabContexts;
  sessions: Sessions;
  conversations: ConversationService;
  history: HistoryService;
  log: (message: string, details: Record<string, unknown>) => void;
}

/** Google no longer honours the grant: the silent refresh was refused, or a fresh token still gets 401. */
function isRevocation(error: unknown): boolean {
  return (
    (error instanceof AuthLostError && error.reason === 'revoked') ||
    (error instanceof GmailError && error.kind === 'unauthorized')
  );
}

export function createPanelRequestHandler(deps: PanelRequestDeps) {
  /**
   * Runs a read about the conversation open in a tab, for the tab's signed-in account only. A read
   * that shows the grant is gone purges the account (F8).
   */
  async function readForTab<T>(
    tabId: number,
    what: string,
    read: (account: string, threadId: string) => Promise<T>,
  ): Promise<Result<T>> {
    const { context, account } = await deps.contexts.resolve(tabId);
    if (!context) return { ok: false, error: { code: 'not-gmail-tab' } };
    if (!account || !(await deps.sessions.current(account))) return { ok: false, error: { code: 'not-signed-in' } };
    if (!context.threadId) return { ok: false, error: { code: 'no-conversation' } };
    try {
      return { ok: true, data: await read(account, context.threadId) };
    } catch (error) {
      deps.log(`${what} read failed`, { error: String(error) });
      if (isRevocation(error)) await deps.sessions.revoked(account);
      return { ok: false, error: toAppError(error) };
    }
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
    switch (request.type) {
      case 'auth/sign-in':
        return deps.sessions.signIn(request.tabId);
      case 'auth/sign-out': {
        const { account } = await deps.contexts.resolve(request.tabId);
        if (!account) return { ok: false, error: { code: 'not-signed-in' } };
        await deps.sessions.signOut(account);
        return { ok: true, data: null };
      }
      case 'conversation/get':
        return readForTab(request.tabId, 'conversation', (account, threadId) =>
          request.source === 'cache'
            ? deps.conversations.fromCache(account, threadId)
            : deps.conversations.fromNetwork(account, threadId),
        );
      case 'history/get':
        return readForTab(request.tabId, 'history', (account, threadId) => readHistory(request, account, threadId));
    }
  };
}
