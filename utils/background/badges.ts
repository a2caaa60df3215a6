/**
 * The toolbar badge (F5): on each Gmail tab, the number of overdue cases of that tab's account,
 * so two accounts in two tabs each show their own count (F10). Empty when none is overdue or the
 * account is signed out.
 */
import type { TabContexts } from './tab-contexts';

export interface BadgeDeps {
  contexts: Pick<TabContexts, 'all'>;
  /** Overdue cases of a signed-in account, or null when the account is not signed in. */
  overdueOf: (account: string) => Promise<number | null>;
  setBadge: (tabId: number, text: string) => Promise<void>;
  log: (message: string, details: Record<string, unknown>) => void;
}

/** The badge text for a count: Chrome shows about four characters, so large counts are capped. */
export function badgeText(overdue: number | null): string {
  if (!overdue) return '';
  return overdue > 999 ? '999+' : String(overdue);
}

export function createBadges(deps: BadgeDeps) {
  return {
    /** Sets the badge of the given tabs (all Gmail tabs when omitted). */
    async refresh(onlyTabs?: readonly number[]): Promise<void> {
      const counts = new Map<string, Promise<number | null>>();
      const tabs = (await deps.contexts.all()).filter(({ tabId }) => !onlyTabs || onlyTabs.includes(tabId));
      for (const { tabId, account } of tabs) {
        if (account && !counts.has(account)) {
          // An unreadable count shows no badge on that account's tabs; the others still get theirs.
          counts.set(
            account,
            deps.overdueOf(account).catch((error: unknown) => {
              deps.log('overdue count failed', { error: String(error) });
              return null;
            }),
          );
        }
        const overdue = account ? await counts.get(account)! : null;
        // A tab closed meanwhile refuses the badge: nothing to show it on.
        await deps.setBadge(tabId, badgeText(overdue)).catch((error: unknown) => deps.log('badge not set', { tabId, error: String(error) }));
      }
    },
  };
}
