/**
 * The background's composition root: builds every service from the browser APIs it is given.
 * entrypoints/background.ts only registers listeners that call into this.
 */
import type { browser as extensionBrowser } from 'wxt/browser';
import { createAuthService } from '../auth/auth-service';
import { createTokenStore } from '../auth/token-store';
import { DEFAULT_LABEL_PREFIX } from '../cases/label-prefix';
import { DEFAULT_SLA_HOURS } from '../cases/sla';
import { readAccounts } from '../db/repositories';
import { createDbConnection } from '../db/schema';
import { createGmailClient } from '../gmail/client';
import type { GmailContext, TabState } from '../messaging/protocol';
import { createRouter, isFromExtensionPage } from '../messaging/router';
import { isRevocation } from './app-errors';
import { createBadges } from './badges';
import { createCaseService } from './case-service';
import { createConversationService } from './conversation-service';
import { createDraftService } from './draft-service';
import { createHistoryService } from './history-service';
import { createPanelHub } from './panel-hub';
import { createPanelRequestHandler } from './panel-requests';
import { createQueueSync } from './queue-sync';
import { BASE_SCOPES, createSessions } from './sessions';
import { createTabContexts } from './tab-contexts';

export interface BackgroundAppDeps {
  browser: Pick<typeof extensionBrowser, 'runtime' | 'identity' | 'storage' | 'action' | 'alarms'>;
  clientId: string;
  fetch: typeof fetch;
  now: () => number;
  log: (message: string, details: Record<string, unknown>) => void;
}

/** The queue's sync job (F5): Chrome wakes a stopped worker for it; the cursor is in IndexedDB. */
export const QUEUE_SYNC_ALARM = 'queue-sync';
const QUEUE_SYNC_PERIOD_MINUTES = 1;

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
  // Admin policy (F9, issue 6) will set these; until then the documented defaults.
  const prefix = () => DEFAULT_LABEL_PREFIX;
  const slaHours = () => ({ ...DEFAULT_SLA_HOURS });

  async function computeState(tabId: number): Promise<TabState> {
    const { context, account } = await contexts.resolve(tabId);
    const current = account ? await sessions.current(account) : null;
    const signedOutReason = account && !current ? await sessions.signedOutReason(account) : null;
    const customerHint = current && context?.threadId ? contexts.customerHint(tabId, current.email) : null;
    const queueRevision = current ? await queue.revision(current.email) : null;
    return { tabId, context, session: current, signedOutReason, customerHint, queueRevision };
  }

  const hub = createPanelHub({
    computeState,
    isTrustedPort: (port) => port.sender !== undefined && isFromExtensionPage(port.sender, extensionBaseUrl),
    log,
  });
  const sessions = createSessions({
    auth,
    db,
    contexts,
    session,
    now,
    onAccountChanged: () => {
      hub.publish();
      void badges.refresh();
    },
  });
  const gmailFor = (account: string) =>
    createGmailClient({
      fetch,
      getAccessToken: ({ forceRefresh }) => auth.getAccessToken(account, BASE_SCOPES, forceRefresh),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
    });
  const ensureToken = async (account: string) => void (await auth.getAccessToken(account, BASE_SCOPES, false));
  const cases = createCaseService({
    db,
    gmailFor,
    holdsScopes: auth.holdsScopes,
    ensureToken,
    prefix,
    slaHours,
    now,
  });
  const conversations = createConversationService({ db, now, gmailFor, caseOf: cases.caseOf, ensureLabels: cases.ensureLabels });
  const history = createHistoryService({ db, now, gmailFor });
  const queue = createQueueSync({ db, gmailFor, prefix, slaHours, now });
  const drafts = createDraftService({
    db,
    gmailFor,
    holdsScopes: auth.holdsScopes,
    ensureToken,
    now,
    newBoundary: () => `=_icm_${crypto.randomUUID().replaceAll('-', '')}`,
    log,
  });
  const badges = createBadges({
    contexts,
    overdueOf: async (account) => ((await sessions.current(account)) ? queue.overdueCount(account) : null),
    setBadge: (tabId, text) => browser.action.setBadgeText({ tabId, text }),
    log,
  });

  /** Syncs one account's queue and tells its panels; a sync that shows the grant is gone purges the account (F8). */
  async function syncAndPublish(account: string): Promise<void> {
    try {
      await queue.sync(account);
    } catch (error) {
      log('queue sync failed', { error: String(error) });
      if (isRevocation(error)) await sessions.revoked(account);
      throw error;
    } finally {
      hub.publish();
    }
  }

  /** One account's sync as a panel or a sign-in asks for it, with the badges recounted after. */
  async function syncQueue(account: string): Promise<void> {
    try {
      await syncAndPublish(account);
    } finally {
      await badges.refresh();
    }
  }

  async function onGmailContext(tabId: number, context: GmailContext): Promise<void> {
    await contexts.set(tabId, context);
    hub.publish([tabId]);
    await badges.refresh([tabId]);
  }

  const route = createRouter({
    extensionId: browser.runtime.id,
    extensionBaseUrl,
    onGmailContext,
    onPanelRequest: createPanelRequestHandler({ contexts, sessions, conversations, history, cases, drafts, queue, syncQueue, log }),
    log,
  });

  return {
    route,
    connectPanel: hub.connect,
    async forgetTab(tabId: number) {
      await contexts.remove(tabId);
    },
    /** Schedules the sync job unless it is already scheduled (re-creating it would delay it). */
    async start(): Promise<void> {
      if (!(await browser.alarms.get(QUEUE_SYNC_ALARM))) {
        await browser.alarms.create(QUEUE_SYNC_ALARM, { periodInMinutes: QUEUE_SYNC_PERIOD_MINUTES });
      }
      await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
    },
    /** Every signed-in account's queue, one after the other; one failing does not stop the others. */
    async onAlarm(name: string): Promise<void> {
      if (name !== QUEUE_SYNC_ALARM) return;
      for (const { account } of await readAccounts(await db())) {
        await syncAndPublish(account).catch(() => {}); // logged; one account failing does not stop the others
      }
      // Once for all accounts; time alone makes cases overdue, so even when nothing was synced.
      await badges.refresh();
    },
  };
}
