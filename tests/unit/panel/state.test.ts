import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SLA_HOURS } from '../../../utils/cases/sla';
import type { AppError } from '../../../utils/messaging/protocol';
import { createPanelState } from '../../../utils/panel/state';
import { controlledRequest, flush } from './controlled-request';
import { fakeTemplates } from './fake-templates';
import { THREAD_A, THREAD_B, tabState, view } from './fixtures';

const offline: AppError = { code: 'offline', detail: 'Failed to fetch' };

function setup() {
  const control = controlledRequest();
  const templates = fakeTemplates();
  return { ...control, ...templates, state: createPanelState({ request: control.request, templates: templates.sources }) };
}

describe('screen', () => {
  it.each([
    ['a Gmail tab without a session', tabState({ session: null }), { name: 'consent', account: 'agent@acme.com' }],
    ['a tab that is not Gmail', tabState({ context: null, session: null }), { name: 'not-gmail' }],
    ['the inbox', tabState({ context: { accountPath: '/mail/u/0', accountEmail: 'agent@acme.com', view: 'list', threadId: null, senders: [] } }), { name: 'no-conversation' }],
    ['the settings', tabState({ context: { accountPath: '/mail/u/0', accountEmail: 'agent@acme.com', view: 'other', threadId: null, senders: [] } }), { name: 'no-conversation' }],
    ['a conversation without ids', tabState({ threadId: null }), { name: 'unidentified' }],
    ['a conversation not yet loaded', tabState(), { name: 'loading' }],
  ])('shows the right screen for %s', (_, tab, screen) => {
    const { state } = setup();
    state.receiveTabState(tab);
    expect(state.screen.value).toEqual(screen);
  });

  it('starts on the starting screen before the background has spoken', () => {
    expect(setup().state.screen.value).toEqual({ name: 'starting' });
  });

  it('shows the error when Gmail fails and nothing is cached', async () => {
    const { state, answer } = setup();
    state.receiveTabState(tabState());
    await answer({ source: 'cache' }, { ok: true, data: null });
    await answer({ source: 'network' }, { ok: false, error: offline });
    expect(state.screen.value).toEqual({ name: 'error', error: offline });
  });
});

describe('loading a conversation', () => {
  it('shows the cached copy before Gmail answers, then the fresh one', async () => {
    const { state, answer } = setup();
    state.receiveTabState(tabState());
    expect(state.refreshing.value).toBe(true);
    await answer({ type: 'conversation/get', tabId: 7, source: 'cache' }, { ok: true, data: view(THREAD_A, 'cache', 'cached') });
    expect(state.screen.value).toMatchObject({ name: 'conversation', view: { source: 'cache' } });
    expect(state.refreshing.value).toBe(true);

    await answer({ type: 'conversation/get', tabId: 7, source: 'network' }, { ok: true, data: view(THREAD_A, 'network', 'fresh') });
    expect(state.screen.value).toMatchObject({ name: 'conversation', view: { source: 'network', conversation: { subject: 'fresh' } } });
    expect(state.refreshing.value).toBe(false);
  });

  it('drops an answer for a thread the agent already left', async () => {
    const { state, answer, pending, waiting } = setup();
    state.receiveTabState(tabState({ threadId: THREAD_A }));
    await flush();
    const stale = pending.shift();
    state.receiveTabState(tabState({ threadId: THREAD_B }));
    stale?.resolve({ ok: true, data: view(THREAD_A, 'cache') });
    await flush();
    expect(state.conversation.value).toBeNull();
    expect(state.screen.value).toEqual({ name: 'loading' });

    await answer({ source: 'cache' }, { ok: true, data: null });
    await answer({ source: 'network' }, { ok: true, data: view(THREAD_B, 'network') });
    expect(state.screen.value).toMatchObject({ name: 'conversation', view: { conversation: { threadId: THREAD_B } } });
    expect(waiting('conversation/get')).toEqual([]);
  });

  it('keeps the cached copy on screen and sets conversationError when Gmail fails', async () => {
    const { state, answer } = setup();
    state.receiveTabState(tabState());
    await answer({ source: 'cache' }, { ok: true, data: view(THREAD_A, 'cache') });
    await answer({ source: 'network' }, { ok: false, error: offline });
    expect(state.screen.value).toMatchObject({ name: 'conversation', view: { source: 'cache' } });
    expect(state.conversationError.value).toEqual(offline);
    expect(state.refreshing.value).toBe(false);
  });

  it('does not reload when the tab state repeats', async () => {
    const { state, answer, waiting } = setup();
    state.receiveTabState(tabState());
    await answer({ source: 'cache' }, { ok: true, data: null });
    await answer({ source: 'network' }, { ok: true, data: view(THREAD_A, 'network') });
    state.receiveTabState(tabState({ signedOutReason: null }));
    await flush();
    expect(waiting('conversation/get')).toEqual([]);
  });

  it('asks for the hinted customer’s history alongside the thread, and keeps it when the thread agrees', async () => {
    const { state, answer, waiting } = setup();
    state.receiveTabState({ ...tabState(), customerHint: 'bob@customer.example' });
    await answer({ type: 'conversation/get', source: 'cache' }, { ok: true, data: null });
    // Both Gmail reads are in flight together: the thread and the history.
    expect(waiting('conversation/get').map((p) => p.request)).toMatchObject([{ source: 'network' }]);
    await answer({ type: 'history/get', source: 'cache', customer: 'bob@customer.example' }, { ok: true, data: null });
    expect(waiting('history/get').map((p) => p.request)).toMatchObject([{ source: 'network', customer: 'bob@customer.example' }]);
    await answer({ type: 'conversation/get', source: 'network' }, { ok: true, data: view(THREAD_A, 'network') });
    expect(waiting('history/get')).toHaveLength(1);
  });

  it('asks again for the real customer’s history when the hint was wrong', async () => {
    const { state, answer, waiting } = setup();
    state.receiveTabState({ ...tabState(), customerHint: 'someone@else.example' });
    await answer({ type: 'conversation/get', source: 'cache' }, { ok: true, data: null });
    await answer({ type: 'conversation/get', source: 'network' }, { ok: true, data: view(THREAD_A, 'network') });
    expect(waiting('history/get').map((p) => p.request)).toContainEqual(expect.objectContaining({ customer: 'bob@customer.example', source: 'cache' }));
  });

  it('asks nothing when no conversation is open', async () => {
    const { state, pending } = setup();
    state.receiveTabState(tabState({ threadId: null }));
    await flush();
    expect(pending).toEqual([]);
    expect(state.refreshing.value).toBe(false);
  });
});

describe('sign-in', () => {
  it('sets signingIn while waiting and signInError when it fails', async () => {
    const { state, answer } = setup();
    state.receiveTabState(tabState({ session: null }));
    const done = state.signIn();
    expect(state.signingIn.value).toBe(true);
    const cancelled: AppError = { code: 'sign-in-cancelled' };
    await answer({ type: 'auth/sign-in', tabId: 7 }, { ok: false, error: cancelled });
    await done;
    expect(state.signingIn.value).toBe(false);
    expect(state.signInError.value).toEqual(cancelled);
  });

  it('asks to sign in again when Google needs the agent, and reloads the conversation after', async () => {
    const { state, answer } = setup();
    state.receiveTabState(tabState());
    await answer({ source: 'cache' }, { ok: true, data: null });
    await answer({ source: 'network' }, { ok: false, error: { code: 'not-signed-in', detail: 'interaction_required' } });
    expect(state.screen.value).toEqual({ name: 'consent', account: 'agent@acme.com' });

    const done = state.signIn();
    await answer({ type: 'auth/sign-in', tabId: 7 }, { ok: true, data: { email: 'agent@acme.com', name: 'Agent' } });
    await answer({ source: 'cache' }, { ok: true, data: null });
    await answer({ source: 'network' }, { ok: true, data: view(THREAD_A, 'network', 'fresh') });
    await done;
    expect(state.screen.value).toMatchObject({ name: 'conversation', view: { source: 'network' } });
  });

  it('sends one request however often the button is pressed', async () => {
    const { state, pending } = setup();
    state.receiveTabState(tabState({ session: null }));
    void state.signIn();
    void state.signIn();
    await flush();
    expect(pending).toHaveLength(1);
  });

  it('notNow dismisses until another account signs in', () => {
    const { state } = setup();
    state.receiveTabState(tabState({ session: null }));
    state.notNow();
    expect(state.dismissed.value).toBe(true);
    state.receiveTabState(tabState({ session: { email: 'other@acme.com', name: 'O' } }));
    expect(state.dismissed.value).toBe(false);
  });
});

describe('when the background synced the mailbox (queueRevision)', () => {
  async function opened() {
    const control = setup();
    control.state.receiveTabState(tabState());
    await control.answer({ source: 'cache' }, { ok: true, data: null });
    await control.answer({ source: 'network' }, { ok: true, data: view(THREAD_A, 'network') });
    return control;
  }

  it('reads the open conversation again from the cache, so a colleague’s status shows', async () => {
    const { state, answer, waiting } = await opened();
    state.receiveTabState(tabState({ queueRevision: 1 }));
    expect(waiting('conversation/get').map((p) => p.request)).toEqual([{ type: 'conversation/get', tabId: 7, source: 'cache' }]);
    const solvedByColleague = view(THREAD_A, 'cache');
    solvedByColleague.case = { ...solvedByColleague.case, status: 'Solved' };
    await answer({ type: 'conversation/get', source: 'cache' }, { ok: true, data: solvedByColleague });
    expect(state.cases.shown.value?.status).toBe('Solved');
    // The same fetch, its labels updated: still the copy Gmail sent.
    expect(state.conversation.value?.source).toBe('network');
    expect(waiting('conversation/get')).toEqual([]);
  });

  it('keeps what is on screen when the cached copy is older', async () => {
    const { state, answer } = await opened();
    state.receiveTabState(tabState({ queueRevision: 1 }));
    const older = { ...view(THREAD_A, 'cache', 'older'), fetchedAt: 1 };
    await answer({ type: 'conversation/get', source: 'cache' }, { ok: true, data: older });
    expect(state.conversation.value?.conversation.subject).toBe('Refund for order 1234');
  });

  it('reads the queue again from the cache while it is shown', async () => {
    const { state, answer, waiting } = await opened();
    state.showSection('queue');
    await answer({ type: 'queue/get', source: 'cache' }, { ok: true, data: null });
    await answer({ type: 'queue/get', source: 'network' }, { ok: true, data: null });
    state.receiveTabState(tabState({ queueRevision: 1 }));
    expect(waiting('queue/get').map((p) => p.request)).toEqual([{ type: 'queue/get', tabId: 7, source: 'cache' }]);
  });
});

describe('the queue tab', () => {
  it('is offered once signed in, even with no conversation open', async () => {
    const { state, waiting } = setup();
    state.receiveTabState(tabState({ session: null }));
    expect(state.navigable.value).toBe(false);
    const inbox = tabState({ context: { accountPath: '/mail/u/1', accountEmail: 'agent@acme.com', view: 'list', threadId: null, senders: [] } });
    state.receiveTabState(inbox);
    expect(state.navigable.value).toBe(true);

    state.showSection('queue');
    expect(state.screen.value).toEqual({ name: 'queue', tabId: 7, accountPath: '/mail/u/1' });
    await flush();
    expect(waiting('queue/get').map((p) => p.request)).toEqual([{ type: 'queue/get', tabId: 7, source: 'cache' }]);
  });

  it('stops following the queue when the agent goes back to the conversation', async () => {
    const { state, answer } = setup();
    state.receiveTabState(tabState({ threadId: null }));
    state.showSection('queue');
    state.showSection('conversation');
    expect(state.screen.value).toEqual({ name: 'unidentified' });
    await answer({ type: 'queue/get', source: 'cache' }, { ok: true, data: null });
    expect(state.queue.view.value).toBeNull();
    expect(state.queue.loading.value).toBe(false);
  });

  it('follows the account: another session’s queue is read, the first one’s late answer dropped', async () => {
    const { state, answer, waiting } = setup();
    state.receiveTabState(tabState({ threadId: null }));
    state.showSection('queue');
    await answer({ type: 'queue/get', source: 'cache' }, { ok: true, data: null });
    state.receiveTabState(tabState({ threadId: null, session: { email: 'other@acme.com', name: 'O' } }));
    await flush();
    expect(waiting('queue/get').map((p) => p.request)).toMatchObject([{ source: 'network' }, { source: 'cache' }]);
    const firstAccountsQueue = { rows: [], unread: 0, syncedAt: 1, slaHours: { ...DEFAULT_SLA_HOURS } };
    await answer({ type: 'queue/get', source: 'network' }, { ok: true, data: firstAccountsQueue });
    expect(state.queue.view.value).toBeNull();
  });
});

describe('the clock', () => {
  it('moves only when it ticks, reading the time at each tick', () => {
    let time = 1_000;
    const { request } = controlledRequest();
    const state = createPanelState({ request, now: () => time, templates: fakeTemplates().sources });
    expect(state.now.value).toBe(1_000);
    time = 31_000;
    expect(state.now.value).toBe(1_000);
    state.tick();
    expect(state.now.value).toBe(31_000);
  });
});

describe('the templates tab', () => {
  /** The section's state, once its code has been read (a chunk of its own). */
  const madeTemplates = (state: ReturnType<typeof setup>['state']) =>
    vi.waitFor(() => {
      const made = state.templates.state.value;
      if (!made) throw new Error('the templates state is not made yet');
      return made;
    });
  const INBOX = tabState({ context: { accountPath: '/mail/u/0', accountEmail: 'agent@acme.com', view: 'list', threadId: null, senders: [] } });

  it('is offered once signed in and reads the templates the first time it is shown', async () => {
    const { state, store } = setup();
    state.receiveTabState(INBOX);
    expect(store.list).not.toHaveBeenCalled();
    state.showSection('templates');
    expect(state.screen.value).toEqual({ name: 'templates', tabId: 7, view: null });
    await vi.waitFor(() => expect(store.list).toHaveBeenCalledTimes(1));
    state.showSection('conversation');
    state.showSection('templates');
    expect(store.list).toHaveBeenCalledTimes(1);
  });

  it('previews with the open conversation and the case status on screen, in the agent’s language', async () => {
    const { state, answer, saved } = setup();
    saved.set('p-1', { origin: 'personal', id: 'p-1', name: 'Hi', body: '{{customer.firstName}}/{{case.status}}/{{agent.name}}', updatedAt: 1, unsynced: null });
    state.receiveTabState(tabState());
    state.showSection('templates');
    const templates = await madeTemplates(state);
    expect(templates.subject.value).toMatchObject({ conversation: null, loading: true });
    const loaded = view(THREAD_A, 'network');
    loaded.case = { ...loaded.case, status: 'Pending' };
    await answer({ source: 'cache' }, { ok: true, data: null });
    await answer({ source: 'network' }, { ok: true, data: loaded });
    expect(state.screen.value).toMatchObject({ name: 'templates', view: { conversation: { threadId: THREAD_A } } });
    await flush();
    templates.select('p-1');
    expect(templates.preview.value?.text).toBe('Bob/Pending/Ana Agent');
  });

  it('forgets an insert in progress when the agent opens another conversation', async () => {
    const { state, answer, saved } = setup();
    saved.set('p-1', { origin: 'personal', id: 'p-1', name: 'Hi', body: 'Hello', updatedAt: 1, unsynced: null });
    state.receiveTabState(tabState());
    await answer({ source: 'cache' }, { ok: true, data: null });
    await answer({ source: 'network' }, { ok: true, data: view(THREAD_A, 'network') });
    state.showSection('templates');
    const templates = await madeTemplates(state);
    await flush();
    templates.select('p-1');
    void templates.insert();
    expect(templates.draft.status.value).toEqual({ step: 'inserting' });
    state.receiveTabState(tabState({ threadId: THREAD_B }));
    expect(templates.draft.status.value).toEqual({ step: 'idle' });
    expect(templates.insertBlock.value).toBe('loading');
    await answer({ type: 'draft/insert', threadId: THREAD_A }, { ok: true, data: { outcome: 'created', draftId: 'r-1', threadId: THREAD_A } });
    expect(templates.draft.status.value).toEqual({ step: 'idle' });
  });
});
