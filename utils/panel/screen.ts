/** Which screen the panel shows, from what it knows: a pure function, tested through the state. */
import type { AppError, ConversationView, TabState } from '../messaging/protocol';
import type { FeatureSwitches } from '../policy/schema';

/** The views the tab bar switches between once signed in (F2–F4, F5, F6). */
export type Section = 'conversation' | 'queue' | 'templates';

export type Screen =
  | { name: 'starting' }
  | { name: 'not-gmail' }
  | { name: 'consent'; account: string | null }
  | { name: 'no-conversation' }
  | { name: 'unidentified' }
  | { name: 'loading' }
  | { name: 'conversation'; view: ConversationView; tabId: number; accountPath: string }
  | { name: 'queue'; tabId: number; accountPath: string }
  /** `view`: the conversation open in the tab once loaded, whose values fill the preview; else null. */
  | { name: 'templates'; tabId: number; view: ConversationView | null }
  | { name: 'error'; error: AppError }
  /** The privacy centre (F7), over whatever else the tab shows, signed in or not. */
  | { name: 'privacy' };

interface Known {
  tab: TabState | null;
  section: Section;
  conversation: ConversationView | null;
  conversationError: AppError | null;
  privacyOpen?: boolean;
}

/** The sections the admin's policy leaves on (F9): the queue lists cases, so it needs both switches. */
export function enabledSections(features: Readonly<FeatureSwitches>): Section[] {
  return [
    'conversation',
    ...(features.queue && features.cases ? (['queue'] as const) : []),
    ...(features.templates ? (['templates'] as const) : []),
  ];
}

export function screenOf({ tab, section, conversation, conversationError, privacyOpen = false }: Known): Screen {
  if (!tab) return { name: 'starting' };
  const context = tab.context;
  if (!context) return { name: 'not-gmail' };
  // Asked for from the header or the consent screen: the account is known either way.
  if (privacyOpen) return { name: 'privacy' };
  // No session, or Google wants the agent to sign in again (a silent refresh needed their eyes).
  if (!tab.session || conversationError?.code === 'not-signed-in') {
    return { name: 'consent', account: context.accountEmail };
  }
  // The queue is the account's, not the conversation's: it shows whatever Gmail has open.
  if (section === 'queue') return { name: 'queue', tabId: tab.tabId, accountPath: context.accountPath };
  const open = context.view === 'thread' && context.threadId !== null && conversation?.conversation.threadId === context.threadId ? conversation : null;
  // Templates can be written and previewed anywhere; only inserting one needs a conversation.
  if (section === 'templates') return { name: 'templates', tabId: tab.tabId, view: open };
  if (context.view !== 'thread') return { name: 'no-conversation' };
  if (!context.threadId) return { name: 'unidentified' };
  if (open) return { name: 'conversation', view: open, tabId: tab.tabId, accountPath: context.accountPath };
  if (conversationError) return { name: 'error', error: conversationError };
  return { name: 'loading' };
}

/** The tab bar is offered wherever the agent is signed in to the tab's Gmail account. */
export function isNavigable(screen: Screen): boolean {
  return screen.name !== 'starting' && screen.name !== 'not-gmail' && screen.name !== 'consent' && screen.name !== 'privacy';
}
