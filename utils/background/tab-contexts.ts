/**
 * What each Gmail tab's content script last reported, kept in storage.session so that a service
 * worker restarted by Chrome (MV3 stops idle workers) still knows every tab (ARCHITECTURE.md).
 * Also remembers which account email an account path belongs to, for Gmail pages whose title does
 * not show the address (learned at sign-in).
 */
import { type GmailContext, gmailContextSchema } from '../messaging/protocol';
import type { SessionArea } from '../auth/token-store';
import { likelyCustomer } from '../mail/customer';

const tabKey = (tabId: number) => `tab:${tabId}`;
const pathKey = (accountPath: string) => `path:${accountPath}`;

export interface TabAccount {
  context: GmailContext | null;
  /** The tab's account email, when the tab is Gmail and its account is known. */
  account: string | null;
}

export function createTabContexts(area: SessionArea) {
  /**
   * The senders each tab's conversation shows, in memory only: customer addresses never reach
   * storage, so nothing of them outlives the worker or survives a purge (F8). Lost on a worker
   * restart, which only costs the next open its head start.
   */
  const senders = new Map<number, string[]>();

  async function get(tabId: number): Promise<GmailContext | null> {
    const parsed = gmailContextSchema.safeParse((await area.get(tabKey(tabId)))[tabKey(tabId)]);
    return parsed.success ? parsed.data : null;
  }

  /** The account email of a tab: from its page, else the one learned at sign-in for its path. */
  async function accountEmail(context: GmailContext): Promise<string | null> {
    if (context.accountEmail) return context.accountEmail;
    const value = (await area.get(pathKey(context.accountPath)))[pathKey(context.accountPath)];
    return typeof value === 'string' ? value : null;
  }

  /** A tab's context and the account it shows: what every per-tab answer starts from (F10). */
  async function resolve(tabId: number): Promise<TabAccount> {
    const context = await get(tabId);
    return { context, account: context && (await accountEmail(context)) };
  }

  return {
    resolve,
    /** Every Gmail tab that reported, with its account: whose badge shows what (F5). */
    async all(): Promise<{ tabId: number; account: string | null }[]> {
      const items = await area.get(null);
      const tabs = Object.keys(items).flatMap((key) => (/^tab:\d+$/.test(key) ? [Number(key.slice(4))] : []));
      return Promise.all(tabs.map(async (tabId) => ({ tabId, account: (await resolve(tabId)).account })));
    },
    async set(tabId: number, context: GmailContext): Promise<void> {
      senders.set(tabId, context.senders);
      await area.set({ [tabKey(tabId)]: { ...context, senders: [] } });
    },
    async remove(tabId: number): Promise<void> {
      senders.delete(tabId);
      await area.remove(tabKey(tabId));
    },
    /** Who the tab's conversation is probably with, from the senders Gmail shows; null if unknown. */
    customerHint(tabId: number, account: string): string | null {
      return likelyCustomer(senders.get(tabId) ?? [], account);
    },
    async rememberAccountPath(accountPath: string, email: string): Promise<void> {
      await area.set({ [pathKey(accountPath)]: email });
    },
  };
}

export type TabContexts = ReturnType<typeof createTabContexts>;
