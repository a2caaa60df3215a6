/**
 * The side panel's state (Preact signals guide: an app-state factory, testable without rendering).
 * It follows the bound tab's state pushed by the background, loads the open conversation cache
 * first and then from Gmail, follows the queue while it is shown, and derives which screen to show.
 * The templates section reads its templates the first time it is shown.
 */
import { batch, computed, signal } from '@preact/signals';
import type { AppError, ConversationView, PanelRequest, PanelResponses, Result, TabState } from '../messaging/protocol';
import { createCaseState } from './case-state';
import { createHistoryState } from './history-state';
import { createQueueState, type QueueSubject } from './queue-state';
import { createPrivacyDoor, type PrivacySubject } from './privacy-door';
import { saveJsonFile } from './save-file';
import { enabledSections, isNavigable, type Section, screenOf } from './screen';
import { DEFAULT_POLICY } from '../policy/schema';
import type { PolicyRead } from '../policy/source';
import { createTemplatesLoader } from './templates-loader';
import type { TemplateSources, TemplateSubject } from './templates-state';

/** How often the panel's clock moves: due times and waiting times count down without a request. */
export const NOW_TICK_MS = 30_000;

export interface PanelStateDeps {
  request: <T extends PanelRequest['type']>(
    request: Extract<PanelRequest, { type: T }>,
  ) => Promise<Result<PanelResponses[T]>>;
  /**
   * Resolves once what was just put on screen has rendered. The refresh from Gmail is asked only
   * then, so that a cached copy is always on screen before any Gmail call (F12). Default: at once.
   */
  rendered?: () => Promise<void>;
  /** The clock, read at each tick. Default: `Date.now()` at the moment of reading. */
  now?: () => number;
  /** The reply templates (F6): the agent's store, the admin's policy, and what surrounds them. */
  templates: TemplateSources;
  /** Hands the privacy centre's export to the browser's downloads. Default: a Blob and an `<a download>`. */
  saveFile?: (name: string, text: string) => void;
}

export function createPanelState(deps: PanelStateDeps) {
  const tab = signal<TabState | null>(null);
  const conversation = signal<ConversationView | null>(null);
  const conversationError = signal<AppError | null>(null);
  const refreshing = signal(false);
  const signingIn = signal(false);
  const signInError = signal<AppError | null>(null);
  const dismissed = signal(false);
  const history = createHistoryState(deps);
  const cases = createCaseState(deps, conversation);
  const queue = createQueueState(deps);
  const section = signal<Section>('conversation');
  const clock = deps.now ?? (() => Date.now());
  const now = signal(clock());
  /** The admin policy (F9) as the panel last read it: feature switches, links, problems to name. */
  const policy = signal<PolicyRead>({ policy: DEFAULT_POLICY, problems: [] });
  const features = computed(() => policy.value.policy.features);
  const sections = computed(() => enabledSections(features.value));
  /** Bumped for every load, so an answer for a conversation the agent already left is dropped. */
  let loadSequence = 0;

  const privacySubject = computed<PrivacySubject | null>(() => {
    const state = tab.value;
    const account = state?.context?.accountEmail ?? state?.session?.email;
    if (!state?.context || !account) return null;
    const open = conversation.value?.conversation;
    const customer = open && open.threadId === state.context.threadId ? (open.customer?.email ?? null) : null;
    return { tabId: state.tabId, account, signedIn: state.session !== null, customer };
  });
  const privacy = createPrivacyDoor({ request: deps.request, saveFile: deps.saveFile ?? saveJsonFile }, privacySubject);

  const screen = computed(() =>
    screenOf({
      tab: tab.value,
      section: section.value,
      conversation: conversation.value,
      conversationError: conversationError.value,
      privacyOpen: privacy.opened.value && privacySubject.value !== null,
    }),
  );
  const navigable = computed(() => isNavigable(screen.value));
  const templateSubject = computed<TemplateSubject | null>(() => {
    const current = screen.value;
    const session = tab.value?.session;
    if (current.name !== 'templates' || !session) return null;
    const { view } = current;
    return {
      tabId: current.tabId,
      agent: session,
      conversation: view?.conversation ?? null,
      loading: !view && refreshing.value,
      status: view ? (cases.shown.value?.status ?? null) : null,
    };
  });
  const templates = createTemplatesLoader(deps, templateSubject);

  async function loadConversation(): Promise<void> {
    const state = tab.value;
    const threadId = state?.session && state.context?.view === 'thread' ? state.context.threadId : null;
    const sequence = ++loadSequence;
    batch(() => {
      if (conversation.value?.conversation.threadId !== threadId) conversation.value = null;
      conversationError.value = null;
      refreshing.value = threadId !== null;
    });
    const subject = state && threadId ? { tabId: state.tabId, threadId } : null;
    cases.follow(subject);
    templates.follow(subject);
    if (!state || !threadId) {
      void history.follow(null);
      return;
    }
    const tabId = state.tabId;
    // With a hint of who the customer is, their history is fetched alongside the thread (F12).
    if (state.customerHint && features.value.history) void history.follow({ tabId, threadId, customer: state.customerHint });
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
    void history.follow(customer && features.value.history ? { tabId, threadId, customer: customer.email } : null);
  }

  /**
   * The background synced the mailbox, so the case on screen may have changed (a colleague set
   * another status): read the conversation again from the cache, without a Gmail call.
   */
  async function rereadConversation(): Promise<void> {
    const state = tab.value;
    const threadId = conversation.value?.conversation.threadId;
    if (!state || !threadId) return;
    const sequence = loadSequence;
    const cached = await deps.request({ type: 'conversation/get', tabId: state.tabId, source: 'cache' });
    const shown = conversation.value;
    if (sequence !== loadSequence || !cached.ok || cached.data?.conversation.threadId !== threadId || !shown) return;
    if (cached.data.fetchedAt < shown.fetchedAt) return;
    // The same fetch read back with its labels updated is as fresh as before: keep its source.
    show(state.tabId, cached.data.fetchedAt === shown.fetchedAt ? { ...cached.data, source: shown.source } : cached.data);
  }

  function queueSubjectOf(state: TabState | null): QueueSubject | null {
    if (section.value !== 'queue' || !state?.session || !state.context) return null;
    return { tabId: state.tabId, account: state.session.email };
  }

  function showSection(next: Section): void {
    section.value = next;
    queue.follow(queueSubjectOf(tab.value));
    if (next === 'templates') templates.open();
  }

  function receiveTabState(next: TabState): void {
    const previous = tab.value;
    tab.value = next;
    if (next.session?.email !== previous?.session?.email) dismissed.value = false;
    privacy.follow();
    const changed =
      previous?.tabId !== next.tabId ||
      previous?.context?.threadId !== next.context?.threadId ||
      previous?.context?.view !== next.context?.view ||
      previous?.session?.email !== next.session?.email;
    if (changed) void loadConversation();
    queue.follow(queueSubjectOf(next));
    if (previous && previous.queueRevision !== next.queueRevision) {
      if (!changed) void rereadConversation();
      void queue.reread();
    }
  }

  /** A new policy applies at once: a switched-off section closes, a switched-on history loads. */
  function receivePolicy(next: PolicyRead): void {
    const historyWasOn = features.value.history;
    policy.value = next;
    // A section the admin switched off while it was shown gives way to the conversation.
    if (!sections.value.includes(section.value)) showSection('conversation');
    if (features.value.history === historyWasOn) return;
    const shown = conversation.value;
    if (shown && tab.value) show(tab.value.tabId, shown);
    else if (!features.value.history) void history.follow(null);
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
    cases,
    queue,
    templates,
    privacy,
    policy,
    sections,
    receivePolicy,
    section,
    navigable,
    now,
    refreshing,
    signingIn,
    signInError,
    dismissed,
    receiveTabState,
    signIn,
    signOut,
    notNow: () => (dismissed.value = true),
    retry: () => loadConversation(),
    showSection,
    /** Moves the panel's clock to the present (an interval calls it every NOW_TICK_MS). */
    tick: () => (now.value = clock()),
  };
}

export type PanelState = ReturnType<typeof createPanelState>;
