/**
 * The background's composition root: builds every service from the browser APIs it is given.
 * entrypoints/background.ts only registers listeners that call into this.
 */
import type { browser as extensionBrowser } from 'wxt/browser';
import { createAuthService } from '../auth/auth-service';
import { createTokenStore } from '../auth/token-store';
import { readAccounts } from '../db/repositories';
import { createDbConnection } from '../db/schema';
import type { AccessFeature } from '../privacy/access-kinds';
import { createGmailClient } from '../gmail/client';
import type { GmailContext, TabState } from '../messaging/protocol';
import { createRouter, isTrustedPanelPort } from '../messaging/router';
import { isAllowedAccount } from '../policy/domains';
import { createPolicyGate } from './policy-gate';
import { createAccessRecorder } from '../privacy/access-log';
import { exportedTemplate } from '../privacy/export';
import { createRetention, removedAnything } from '../privacy/retention';
import { createTemplateStore } from '../templates/store';
import { isRevocation } from './app-errors';
import { createBadges } from './badges';
import { createCaseService } from './case-service';
import { createConversationService } from './conversation-service';
import { createDraftService } from './draft-service';
import { createHistoryService } from './history-service';
import { createPanelHub } from './panel-hub';
import { createPanelRequestHandler } from './panel-requests';
import { createPendingPurges } from './pending-purges';
import { createPrivacyRequests } from './privacy-requests';
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
/** The retention job (F7): daily, and at every start-up, so a browser closed at night still runs it. */
export const RETENTION_ALARM = 'retention';
const RETENTION_PERIOD_MINUTES = 24 * 60;

export function createBackgroundApp({ browser, clientId, fetch, now, log }: BackgroundAppDeps) {
  const session = browser.storage.session;
  const purges = createPendingPurges({
    local: browser.storage.local,
    session,
    db: createDbConnection(),
    revoke: (account) => auth.revoke(account, BASE_SCOPES),
    forget: (account) => auth.forget(account),
    log,
  });
  // Handed out only once what a stopped worker left half-purged is gone (issue 7).
  const db = purges.db;
  const contexts = createTabContexts(session);
  const accessLog = createAccessRecorder({ db, now, newId: () => crypto.randomUUID(), log });
  const auth = createAuthService({
    clientId,
    redirectUri: browser.identity.getRedirectURL(),
    launchWebAuthFlow: (details) => browser.identity.launchWebAuthFlow(details),
    fetch,
    tokens: createTokenStore(session),
    now,
    newState: () => crypto.randomUUID(),
    onUserInfo: (account, call) => accessLog.record(account, 'sign-in', call),
  });
  const extensionBaseUrl = browser.runtime.getURL('/');
  // The admin policy (F9): every entry point waits for its first read, so the services' getters
  // below always give the admin's values, never defaults the admin overrode.
  const policy = createPolicyGate({
    readManaged: () => browser.storage.managed.get(null),
    onChanged: browser.storage.onChanged,
    log,
  });
  const prefix = () => policy.settings().labelPrefix;
  const slaHours = () => ({ ...policy.settings().slaHours });
  const retentionDays = () => policy.settings().retentionDays;

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
    isTrustedPort: (port) => isTrustedPanelPort(port.sender, browser.runtime.id, extensionBaseUrl),
    log,
  });
  const sessions = createSessions({
    auth,
    db,
    contexts,
    session,
    now,
    allowedDomains: async () => (await policy.ready()).allowedDomains,
    onAccountChanged: () => {
      hub.publish();
      void badges.refresh();
    },
    endAccess: purges.run,
  });
  /** A client whose every request is logged under `feature` (F7 access log). */
  const gmailFor = (account: string, feature: AccessFeature) =>
    createGmailClient({
      fetch,
      getAccessToken: ({ forceRefresh }) => auth.getAccessToken(account, BASE_SCOPES, forceRefresh),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      onCall: (call) => accessLog.record(account, feature, call),
    });
  // Each service is bound to its feature here, so the services themselves stay unaware of the log.
  const gmailAs = (feature: AccessFeature) => (account: string) => gmailFor(account, feature);
  const ensureToken = async (account: string) => void (await auth.getAccessToken(account, BASE_SCOPES, false));
  const cases = createCaseService({
    db,
    gmailFor: gmailAs('cases'),
    holdsScopes: auth.holdsScopes,
    ensureToken,
    prefix,
    slaHours,
    now,
  });
  const conversations = createConversationService({ db, now, gmailFor: gmailAs('conversation'), caseOf: cases.caseOf, ensureLabels: cases.ensureLabels });
  const history = createHistoryService({ db, now, gmailFor: gmailAs('history') });
  const queue = createQueueSync({ db, gmailFor: gmailAs('queue'), prefix, slaHours, now });
  const drafts = createDraftService({
    db,
    gmailFor: gmailAs('drafts'),
    holdsScopes: auth.holdsScopes,
    ensureToken,
    now,
    newBoundary: () => `=_icm_${crypto.randomUUID().replaceAll('-', '')}`,
    log,
  });
  const badges = createBadges({
    contexts,
    overdueOf: async (account) => ((await sessions.current(account)) && queueEnabled() ? queue.overdueCount(account) : null),
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

  const retention = createRetention({ db, now, retentionDays });
  /** Never throws: a failed run is logged and tried again at the next alarm or start-up. */
  async function runRetention(): Promise<void> {
    try {
      const removed = await retention();
      if (!removedAnything(removed)) return;
      log('retention removed old data', removed);
      hub.publish();
    } catch (error) {
      log('retention failed', { error: String(error) });
    }
  }

  /** The queue is made of cases: without either feature there is nothing to sync or count (F9). */
  const queueEnabled = () => policy.settings().features.queue && policy.settings().features.cases;

  /** The admin's policy no longer allows some signed-in accounts (F9): each is signed out and purged. */
  async function enforceAllowedDomains(): Promise<void> {
    const { allowedDomains } = await policy.ready();
    for (const { account } of await readAccounts(await db())) {
      if (!isAllowedAccount(allowedDomains, account)) await sessions.disallowed(account);
    }
  }

  /** Changes apply live (F9): who may stay signed in, how long data is kept, what the panels show. */
  policy.watch((next, previous) => {
    void (async () => {
      await enforceAllowedDomains().catch((error: unknown) => log('allowed domains not enforced', { error: String(error) }));
      if (next.retentionDays < previous.retentionDays) await runRetention();
      hub.publish();
      await badges.refresh();
    })();
  });

  async function onGmailContext(tabId: number, context: GmailContext): Promise<void> {
    await policy.ready();
    await contexts.set(tabId, context);
    hub.publish([tabId]);
    await badges.refresh([tabId]);
  }

  // The agent's own templates, read for the export (F7) from the store the panel edits them in.
  const templates = createTemplateStore({
    sync: browser.storage.sync,
    local: browser.storage.local,
    onChanged: browser.storage.onChanged,
    now,
    newId: () => crypto.randomUUID(),
  });
  const privacy = createPrivacyRequests({
    contexts,
    sessions,
    db,
    now,
    retentionDays,
    personalTemplates: async () => (await templates.list()).templates.map(exportedTemplate),
    local: browser.storage.local,
    flushAccessLog: accessLog.flush,
    publish: () => {
      hub.publish();
      void badges.refresh();
    },
    log,
  });
  const handlePanelRequest = createPanelRequestHandler({
    contexts,
    sessions,
    conversations,
    history,
    cases,
    drafts,
    privacy,
    queue,
    syncQueue,
    features: () => policy.settings().features,
    log,
  });
  const route = createRouter({
    extensionId: browser.runtime.id,
    extensionBaseUrl,
    onGmailContext,
    onPanelRequest: async (request) => {
      await policy.ready();
      return handlePanelRequest(request);
    },
    log,
  });

  return {
    route,
    connectPanel: hub.connect,
    async forgetTab(tabId: number) {
      await contexts.remove(tabId);
    },
    /** Schedules the jobs unless already scheduled (re-creating one would delay it), then runs retention. */
    async start(): Promise<void> {
      // Not awaited: the cache already waits for the purges, and Google's answer to a revoke need not.
      void purges.resume();
      await policy.ready();
      if (!(await browser.alarms.get(QUEUE_SYNC_ALARM))) {
        await browser.alarms.create(QUEUE_SYNC_ALARM, { periodInMinutes: QUEUE_SYNC_PERIOD_MINUTES });
      }
      if (!(await browser.alarms.get(RETENTION_ALARM))) {
        await browser.alarms.create(RETENTION_ALARM, { periodInMinutes: RETENTION_PERIOD_MINUTES });
      }
      await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
      // The policy may have changed while the browser was closed.
      await enforceAllowedDomains().catch((error: unknown) => log('allowed domains not enforced', { error: String(error) }));
      await runRetention();
    },
    /** Every signed-in account's queue, one after the other; one failing does not stop the others. */
    async onAlarm(name: string): Promise<void> {
      await policy.ready();
      if (name === RETENTION_ALARM) return runRetention();
      if (name !== QUEUE_SYNC_ALARM || !queueEnabled()) return;
      for (const { account } of await readAccounts(await db())) {
        await syncAndPublish(account).catch(() => {}); // logged; one account failing does not stop the others
      }
      // Once for all accounts; time alone makes cases overdue, so even when nothing was synced.
      await badges.refresh();
    },
  };
}
