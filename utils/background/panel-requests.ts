/**
 * Answers the side panel's requests for a tab. The tab decides the account, so a panel can only
 * ever read the data of the account its Gmail tab shows (F10).
 */
import { AuthLostError } from '../auth/auth-service';
import { GmailError } from '../gmail/errors';
import type { PanelRequest, Result } from '../messaging/protocol';
import { toAppError } from './app-errors';
import type { ConversationService } from './conversation-service';
import type { Sessions } from './sessions';
import type { TabContexts } from './tab-contexts';

export interface PanelRequestDeps {
  contexts: TabContexts;
  sessions: Sessions;
  conversations: ConversationService;
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
  async function getConversation(tabId: number, source: 'cache' | 'network'): Promise<Result<unknown>> {
    const { context, account } = await deps.contexts.resolve(tabId);
    if (!context) return { ok: false, error: { code: 'not-gmail-tab' } };
    if (!account || !(await deps.sessions.current(account))) return { ok: false, error: { code: 'not-signed-in' } };
    if (!context.threadId) return { ok: false, error: { code: 'no-conversation' } };
    try {
      const data =
        source === 'cache'
          ? await deps.conversations.fromCache(account, context.threadId)
          : await deps.conversations.fromNetwork(account, context.threadId);
      return { ok: true, data };
    } catch (error) {
      deps.log('conversation read failed', { source, error: String(error) });
      if (isRevocation(error)) await deps.sessions.revoked(account);
      return { ok: false, error: toAppError(error) };
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
        return getConversation(request.tabId, request.source);
    }
  };
}
