/**
 * The side panel's state (Preact signals guide: an app-state factory, testable without rendering).
 * It follows the bound tab's state pushed by the background, loads the open conversation cache
 * first and then from Gmail, and derives which screen to show.
 */
import { batch, computed, signal } from '@preact/signals';
import type { AppError, ConversationView, PanelRequest, PanelResponses, Result, TabState } from '../messaging/protocol';
import { createHistoryState } from './history-state';

export interface PanelStateDeps {
  request: <T extends PanelRequest['type']>(
    request: Extract<PanelRequest, { type: T }>,
  ) => Promise<Result<PanelResponses[T]>>;
  /**
   * Resolves once what was just put on screen has rendered. The refresh from Gmail is asked only
   * then, so that a cached copy is always on screen before any Gmail call (F12). Default: at once.
   */
  rendered?: () => Promise<void>;
}

export type Screen =
  | { name: 'starting' }
  | { name: 'not-gmail' }
  | { name: 'consent'; account: string | null }
  | { name: 'no-conversation' }
  | { name: 'unidentified' }
  | { name: 'loading' }
  | { name: 'conversation'; view: ConversationView; tabId: number; accountPath: string }
  | { name: 'error'; error: AppError };

export function createPanelState(deps: PanelStateDeps) {
  const tab = signal<TabState | null>(null);
  const conversation = signal<ConversationView | null>(null);
  const conversationError = signal<AppError | null>(null);
  const refreshing = signal(false);
  const signingIn = signal(false);
  const signInError = signal<AppError | null>(null);
  const dismissed = signal(false);
  const history = createHistoryState(deps);
  /** Bumped for every load, so an answer for a conversation the agent already left is dropped. */
  let loadSequence = 0;

  const screen = computed<Screen>(() => {
    const state = tab.value;
    if (!state) return { name: 'starting' };
    const context = state.context;
    if (!context) return { name: 'not-gmail' };
    // No session, or Google wants the agent to sign in again (a silent refresh needed their eyes).
    if (!state.session || conversationError.value?.code === 'not-signed-in') {
      return { name: 'consent', account: context.accountEmail };
    }
    if (context.view !== 'thread') return { name: 'no-conversation' };
    if (!context.threadId) return { name: 'unidentified' };
    if (conversation.value?.conversation.threadId === context.threadId) {
      return { name: 'conversation', view: conversation.value, tabId: state.tabId, accountPath: context.accountPath };
    }
    if (conversationError.value) return { name: 'error', error: conversationError.value };
    return { name: 'loading' };
  });

  async function loadConversation(): Promise<void> {
    const state = tab.value;
    const threadId = state?.session && state.context?.view === 'thread' ? state.context.threadId : null;
    const sequence = ++loadSequence;
    batch(() => {
      if (conversation.value?.conversation.threadId !== threadId) conversation.value = null;
      conversationError.value = null;
      refreshing.value = threadId !== null;
    });
    if (!state || !threadId) {
      void history.follow(null);
      return;
    }
    const tabId = state.tabId;
    // With a hint of who the customer is, their history is fetched alongside the thread (F12).
    if (state.customerHint) void history.follow({ tabId, threadId, customer: state.customerHint });
    const cached = await deps.request({ type: 'conversation/get', tabId, source: 'cache' });
    if (sequence !== loadSequence) return;
    if (cached.ok && cached.data) {
      show(tabId, cached.data);
      await deps.rendered?.();
    }
    const fresh = await deps.request({ type: 'conversation/get', tabId, source: 'network' });
    if (sequence !== loadSequence) return;
    batch(() => {
      refreshing.value = false;
      if (fresh.ok && fresh.data) show(tabId, fresh.data);
      else if (!fresh.ok) conversationError.value = fresh.error;
    });
  }

  /** Shows a conversation and, beside it, its customer's earlier conversations. */
  function show(tabId: number, view: ConversationView): void {
    conversation.value = view;
    const { threadId, customer } = view.conversation;
    void history.follow(customer ? { tabId, threadId, customer: customer.email } : null);
  }

  function receiveTabState(next: TabState): void {
    const previous = tab.value;
    tab.value = next;
    if (next.session?.email !== previous?.session?.email) dismissed.value = false;
    const changed =
      previous?.tabId !== next.tabId ||
      previous?.context?.threadId !== next.context?.threadId ||
      previous?.context?.view !== next.context?.view ||
      previous?.session?.email !== next.session?.email;
    if (changed) void loadConversation();
  }

  async function signIn(): Promise<void> {
    const state = tab.value;
    if (!state || signingIn.value) return;
    batch(() => {
      signingIn.value = true;
      signInError.value = null;
      dismissed.value = false;
    });
    const result = await deps.request({ type: 'auth/sign-in', tabId: state.tabId });
    batch(() => {
      signingIn.value = false;
      if (!result.ok) signInError.value = result.error;
    });
    // Signing in again to the same account changes no tab state, so nothing else reloads it.
    if (result.ok) await loadConversation();
  }

  async function signOut(): Promise<void> {
    const state = tab.value;
    if (state) await deps.request({ type: 'auth/sign-out', tabId: state.tabId });
  }

  return {
    tab,
    screen,
    conversation,
    conversationError,
    history,
    refreshing,
    signingIn,
    signInError,
    dismissed,
    receiveTabState,
    signIn,
    signOut,
    notNow: () => (dismissed.value = true),
    retry: () => loadConversation(),
  };
}

export type PanelState = ReturnType<typeof createPanelState>;
