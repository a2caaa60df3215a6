import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../../utils/cases/types';
import type { ConversationView } from '../../../utils/messaging/protocol';
import { createCaseState } from '../../../utils/panel/case-state';
import { controlledRequest, flush } from './controlled-request';
import { THREAD_A, THREAD_B, view } from './fixtures';

function setup(caseView: Partial<CaseView> = {}) {
  const control = controlledRequest();
  const shown = view(THREAD_A, 'network');
  const conversation = signal<ConversationView | null>({ ...shown, case: { ...shown.case, ...caseView } });
  const cases = createCaseState({ request: control.request }, conversation);
  cases.follow({ tabId: 7, threadId: THREAD_A });
  return { ...control, conversation, cases };
}

const saved = (caseView: Partial<CaseView>) => ({ ok: true, data: { ...view(THREAD_A, 'network').case, editable: true, ...caseView } }) as const;

describe('changing the case', () => {
  it('shows the new status at once, then the case Gmail saved', async () => {
    const { cases, conversation, answer, waiting } = setup({ editable: true });
    cases.choose({ kind: 'status', value: 'Open' });
    expect(cases.shown.value?.status).toBe('Open');
    expect(cases.busy.value).toBe(true);
    expect(waiting('case/set').map((p) => p.request)).toEqual([{ type: 'case/set', tabId: 7, change: { kind: 'status', value: 'Open' } }]);

    await answer({ type: 'case/set' }, saved({ status: 'Open', priority: 'P2' }));
    expect(cases.busy.value).toBe(false);
    expect(conversation.value?.case).toMatchObject({ status: 'Open', priority: 'P2' });
    expect(cases.failure.value).toBeNull();
  });

  it('rolls back and keeps what happened when the change is not saved', async () => {
    const { cases, answer } = setup({ editable: true, status: 'Open' });
    cases.choose({ kind: 'status', value: 'Pending' });
    expect(cases.shown.value?.status).toBe('Pending');
    const refused = { code: 'gmail-error', detail: 'Delegation denied' } as const;
    await answer({ type: 'case/set' }, { ok: false, error: refused });
    expect(cases.shown.value?.status).toBe('Open');
    expect(cases.failure.value).toEqual({ change: { kind: 'status', value: 'Pending' }, error: refused });
    expect(cases.busy.value).toBe(false);
  });

  it('sends a change again when its answer was lost (Chrome stopped the worker), and shows what Gmail saved', async () => {
    const { cases, conversation, answer, waiting } = setup({ editable: true, status: 'Open' });
    cases.choose({ kind: 'status', value: 'Pending' });
    const lost = { code: 'internal', detail: 'The message port closed before a response was received.' } as const;
    await answer({ type: 'case/set' }, { ok: false, error: lost });
    expect(cases.shown.value?.status).toBe('Pending');
    expect(cases.busy.value).toBe(true);
    expect(waiting('case/set').map((p) => p.request)).toEqual([{ type: 'case/set', tabId: 7, change: { kind: 'status', value: 'Pending' } }]);
    await answer({ type: 'case/set' }, saved({ status: 'Pending' }));
    expect(conversation.value?.case.status).toBe('Pending');
    expect(cases.failure.value).toBeNull();
  });

  it('sends a change whose answer was lost once more only, then rolls back and says so', async () => {
    const { cases, answer, pending } = setup({ editable: true, status: 'Open' });
    cases.choose({ kind: 'status', value: 'Solved' });
    const lost = { code: 'internal', detail: 'The message port closed before a response was received.' } as const;
    await answer({ type: 'case/set' }, { ok: false, error: lost });
    await answer({ type: 'case/set' }, { ok: false, error: lost });
    expect(pending).toEqual([]);
    expect(cases.shown.value?.status).toBe('Open');
    expect(cases.failure.value).toEqual({ change: { kind: 'status', value: 'Solved' }, error: lost });
  });

  it('sends one change at a time', async () => {
    const { cases, waiting } = setup({ editable: true });
    cases.choose({ kind: 'status', value: 'Open' });
    cases.choose({ kind: 'priority', value: 'P1' });
    await flush();
    expect(waiting('case/set')).toHaveLength(1);
    expect(cases.shown.value).toMatchObject({ status: 'Open', priority: null });
  });

  it('sends nothing for the value the case already has', async () => {
    const { cases, pending } = setup({ editable: true, priority: 'P3' });
    cases.choose({ kind: 'priority', value: 'P3' });
    await flush();
    expect(pending).toEqual([]);
  });

  it('forgets a change in flight when the agent moves to another conversation', async () => {
    const { cases, conversation, answer } = setup({ editable: true });
    cases.choose({ kind: 'status', value: 'Solved' });
    cases.follow({ tabId: 7, threadId: THREAD_B });
    expect(cases.busy.value).toBe(false);
    await answer({ type: 'case/set' }, { ok: false, error: { code: 'offline' } });
    expect(cases.failure.value).toBeNull();
    expect(conversation.value?.case.status).toBeNull();
  });
});

describe('asking for permission to save statuses in Gmail', () => {
  it('explains first, then asks Google, then saves the change the agent chose', async () => {
    const { cases, conversation, answer, pending, waiting } = setup({ editable: false });
    cases.choose({ kind: 'status', value: 'Open' });
    expect(cases.consent.value).toEqual({ kind: 'status', value: 'Open' });
    expect(cases.shown.value?.status).toBeNull();
    await flush();
    expect(pending).toEqual([]);

    void cases.allow();
    expect(cases.granting.value).toBe(true);
    expect(cases.busy.value).toBe(true);
    await answer({ type: 'auth/grant', tabId: 7, feature: 'cases' }, { ok: true, data: null });
    expect(cases.consent.value).toBeNull();
    expect(cases.shown.value?.status).toBe('Open');
    expect(waiting('case/set').map((p) => p.request)).toEqual([{ type: 'case/set', tabId: 7, change: { kind: 'status', value: 'Open' } }]);

    await answer({ type: 'case/set' }, saved({ status: 'Open' }));
    expect(conversation.value?.case).toMatchObject({ status: 'Open', editable: true });
  });

  it('"Not now" closes the explanation and changes nothing', async () => {
    const { cases, pending } = setup({ editable: false });
    cases.choose({ kind: 'priority', value: 'P1' });
    cases.notNow();
    expect(cases.consent.value).toBeNull();
    expect(cases.shown.value?.priority).toBeNull();
    await flush();
    expect(pending).toEqual([]);
  });

  it('says calmly that statuses stay read-only when the agent declines in Google', async () => {
    const { cases, answer, waiting } = setup({ editable: false });
    cases.choose({ kind: 'status', value: 'Pending' });
    void cases.allow();
    await answer({ type: 'auth/grant' }, { ok: false, error: { code: 'sign-in-cancelled' } });
    expect(cases.consent.value).toBeNull();
    expect(cases.declined.value).toBe(true);
    expect(cases.failure.value).toBeNull();
    expect(cases.shown.value?.status).toBeNull();
    expect(waiting('case/set')).toEqual([]);
  });

  it('reports a grant that failed for another reason as a change not saved', async () => {
    const { cases, answer } = setup({ editable: false, status: 'Open' });
    cases.choose({ kind: 'status', value: 'Solved' });
    void cases.allow();
    await answer({ type: 'auth/grant' }, { ok: false, error: { code: 'offline' } });
    expect(cases.declined.value).toBe(false);
    expect(cases.failure.value).toEqual({ change: { kind: 'status', value: 'Solved' }, error: { code: 'offline' } });
    expect(cases.shown.value?.status).toBe('Open');
  });

  it('asks again when Gmail says the permission is missing after all', async () => {
    const { cases, answer } = setup({ editable: true, status: 'Open' });
    cases.choose({ kind: 'status', value: 'Solved' });
    await answer({ type: 'case/set' }, { ok: false, error: { code: 'scope-required' } });
    expect(cases.shown.value?.status).toBe('Open');
    expect(cases.consent.value).toEqual({ kind: 'status', value: 'Solved' });
    expect(cases.failure.value).toBeNull();
  });

  it('closes the explanation when the agent moves to another conversation', () => {
    const { cases } = setup({ editable: false });
    cases.choose({ kind: 'status', value: 'Open' });
    cases.follow({ tabId: 7, threadId: THREAD_B });
    expect(cases.consent.value).toBeNull();
  });
});
