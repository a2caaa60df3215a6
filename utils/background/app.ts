/**
 * The background's composition root: builds every service from the browser APIs it is given.
 * entrypoints/background.ts only registers listeners that call into this.
 */
import type { browser as extensionBrowser } from 'wxt/browser';
import { createAuthService } from '../auth/auth-service';
import { createTokenStore } from '../auth/token-store';
import { createDbConnection } from '../db/schema';
import { createGmailClient } from '../gmail/client';
import type { GmailContext, TabState } from '../messaging/protocol';
import { createRouter, isFromExtensionPage } from '../messaging/router';
import { createConversationService } from './conversation-service';
import { createHistoryService } from './history-service';
import { createPanelHub } from './panel-hub';
import { createPanelRequestHandler } from './panel-requests';
import { BASE_SCOPES, createSessions } from './sessions';
import { createTabContexts } from './tab-contexts';

export interface BackgroundAppDeps {
  browser: Pick<typeof extensionBrowser, 'runtime' | 'identity' | 'storage'>;
  clientId: string;
  fetch: typeof fetch;
  now: () => number;
  log: (message: string, details: Record<string, unknown>) => void;
}

export function createBackgroundApp({ browser, clientId, fetch, now, log }: BackgroundAppDeps) {
  const session = browser.storage.session;
  const db = createDbConnection();
  const contexts = createTabContexts(session);
  const auth = createAuthService({
    clientId,
    redirectUri: browser.identity.getRedirectURL(),
    launchWebAuthFlow: (details) => browser.identity.launchWebAuthFlow(details),
    fetch,
    tokens: createTokenStore(session),
    now,
    newState: () => crypto.randomUUID(),
  });
  const extensionBaseUrl = browser.runtime.getURL('/');

  async function computeState(tabId: number): Promise<TabState> {
    const { context, account } = await contexts.resolve(tabId);
    const current = account ? await sessions.current(account) : null;
    const signedOutReason = account && !current ? await sessions.signedOutReason(account) : null;
    const customerHint = current && context?.threadId ? contexts.customerHint(tabId, current.email) : null;
    return { tabId, context, session: current, signedOutReason, customerHint };
  }

  const hub = createPanelHub({
    computeState,
    isTrustedPort: (port) => port.sender !== undefined && isFromExtensionPage(port.sender, extensionBaseUrl),
    log,
  });
  const sessions = createSessions({ auth, db, contexts, session, now, onAccountChanged: () => hub.publish() });
  const gmailFor = (account: string) =>
    createGmailClient({
      fetch,
      getAccessToken: ({ forceRefresh }) => auth.getAccessToken(account, BASE_SCOPES, forceRefresh),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
    });
  const conversations = createConversationService({ db, now, gmailFor });
  const history = createHistoryService({ db, now, gmailFor });

  async function onGmailContext(tabId: number, context: GmailContext): Promise<void> {
    await contexts.set(tabId, context);
    hub.publish([tabId]);
  }

  const route = createRouter({
    extensionId: browser.runtime.id,
    extensionBaseUrl,
    onGmailContext,
    onPanelRequest: createPanelRequestHandler({ contexts, sessions, conversations, history, log }),
    log,
  });

  return {
    route,
    connectPanel: hub.connect,
    async forgetTab(tabId: number) {
      await contexts.remove(tabId);
    },
  };
}
