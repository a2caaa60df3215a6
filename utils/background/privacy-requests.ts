/**
 * The privacy centre's requests (F7). Each is about the account the tab shows (F10), signed in or
 * not — a signed-out account may still have an access log, and its owner may still export or
 * delete it — except "Delete all local data", which is about every account on this computer.
 */
import { readAccessLogPage } from '../db/access-log';
import type { CacheDb } from '../db/schema';
import type { PanelRequest, PanelResponses, Result } from '../messaging/protocol';
import { deleteAllLocalData } from '../privacy/delete-all';
import { eraseCustomer } from '../privacy/erase-customer';
import { type ExportedTemplate, buildExport } from '../privacy/export';
import type { AccessLogPage } from '../privacy/schemas';
import { storedSizes } from '../privacy/stored-sizes';
import { RequestRefused, toAppError } from './app-errors';
import type { Sessions } from './sessions';
import type { TabContexts } from './tab-contexts';

export type PrivacyRequest = Extract<PanelRequest, { type: `privacy/${string}` }>;
type Answer<R extends PrivacyRequest> = Result<PanelResponses[R['type']]>;

export interface PrivacyRequestDeps {
  contexts: Pick<TabContexts, 'resolve'>;
  sessions: Pick<Sessions, 'current' | 'endAll'>;
  db: () => Promise<CacheDb>;
  now: () => number;
  /** Days cached Google data is kept (admin policy, F9). */
  retentionDays: () => number;
  personalTemplates: () => Promise<ExportedTemplate[]>;
  /** browser.storage.local */
  local: { clear(): Promise<void> };
  /**
   * Writes the access log entries still buffered, so the privacy centre shows the last calls and
   * "Delete all local data" is not followed by a late write of entries it should have deleted.
   */
  flushAccessLog: () => Promise<void>;
  /** Tells every panel to draw its tab's state again. */
  publish: () => void;
  log: (message: string, details: Record<string, unknown>) => void;
}

export function createPrivacyRequests(deps: PrivacyRequestDeps) {
  /** Runs work for the tab's account (null when the Gmail tab does not say whose it is). */
  async function run<R extends PrivacyRequest>(request: R, work: (account: string | null) => Promise<Answer<R>>): Promise<Answer<R>> {
    const { context, account } = await deps.contexts.resolve(request.tabId);
    if (!context) return { ok: false, error: { code: 'not-gmail-tab' } };
    try {
      await deps.flushAccessLog();
      return await work(account);
    } catch (error) {
      deps.log(`${request.type} failed`, { error: String(error) });
      return { ok: false, error: toAppError(error) };
    }
  }

  /** Work that needs to know whose data it is: nothing can be exported or erased for "nobody". */
  function runForAccount<R extends PrivacyRequest>(request: R, work: (account: string) => Promise<PanelResponses[R['type']]>): Promise<Answer<R>> {
    return run(request, async (account) =>
      account ? { ok: true, data: await work(account) } : { ok: false, error: { code: 'not-signed-in', detail: UNKNOWN_ACCOUNT } },
    );
  }

  async function logPage(account: string, { before, limit }: Extract<PrivacyRequest, { type: 'privacy/access-log' }>): Promise<AccessLogPage> {
    const page = await readAccessLogPage(await deps.db(), account, before, limit);
    // The stored keys (account, id) stay in the background: the panel shows what was accessed.
    const entries = page.entries.map(({ at, feature, category, method, items, ok, status }) => ({ at, feature, category, method, items, ok, status }));
    return { entries, more: page.more };
  }

  return {
    handle(request: PrivacyRequest): Promise<Result<unknown>> {
      switch (request.type) {
        case 'privacy/summary':
          return run(request, async (account) => ({
            ok: true,
            data: {
              account,
              signedIn: account !== null && (await deps.sessions.current(account)) !== null,
              categories: await storedSizes(await deps.db(), account),
              retentionDays: deps.retentionDays(),
            },
          }));
        case 'privacy/access-log':
          return run(request, async (account) => ({ ok: true, data: account ? await logPage(account, request) : { entries: [], more: false } }));
        case 'privacy/export':
          return runForAccount(request, (account) => buildExport(deps, account));
        case 'privacy/erase-customer':
          return runForAccount(request, async (account) => {
            if (request.account !== account.toLowerCase()) throw new RequestRefused(`the tab now shows ${account}, not ${request.account}`);
            // The account's own address is on every record it has: that is "Delete all local data".
            if (request.customer === account.toLowerCase()) throw new RequestRefused('the address is this account itself, not a customer');
            return eraseCustomer(await deps.db(), account, request.customer, request.mode);
          });
        case 'privacy/delete-all':
          return run(request, async () => {
            await deleteAllLocalData({ db: deps.db, endSessions: deps.sessions.endAll, local: deps.local });
            deps.publish();
            return { ok: true, data: null };
          });
      }
    },
  };
}

const UNKNOWN_ACCOUNT = 'This Gmail tab does not show which account it is: sign in from it once.';

export type PrivacyRequests = ReturnType<typeof createPrivacyRequests>;
