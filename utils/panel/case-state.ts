/**
 * The case controls' state (F4, issue 4): the open conversation's status and priority, changed
 * optimistically one change at a time and rolled back, visibly, when the change is not saved.
 * The first change asks for Gmail's modify scope with an explanation (incremental consent).
 */
import { batch, computed, type Signal, signal } from '@preact/signals';
import type { CaseLabel, CaseLabelKind } from '../cases/labels';
import type { CaseView } from '../cases/types';
import type { AppError, ConversationView } from '../messaging/protocol';
import type { PanelStateDeps } from './state';

interface Subject {
  tabId: number;
  threadId: string;
}

/** A change that was not saved, and why; the case on screen is the one that stays. */
export interface CaseFailure {
  change: CaseLabel;
  error: AppError;
}

export function createCaseState(deps: Pick<PanelStateDeps, 'request'>, conversation: Signal<ConversationView | null>) {
  /** The change on its way to Gmail, shown as if saved (optimistic). */
  const pending = signal<CaseLabel | null>(null);
  const failure = signal<CaseFailure | null>(null);
  /** The change waiting for the agent's permission; the explanation is open while it is set. */
  const consent = signal<CaseLabel | null>(null);
  const granting = signal(false);
  const declined = signal(false);
  let subject: Subject | null = null;
  /** Bumped when the agent moves to another conversation, so a late answer changes nothing. */
  let sequence = 0;

  const shown = computed<CaseView | null>(() => {
    const view = conversation.value;
    const change = pending.value;
    if (!view) return null;
    return change ? withChange(view.case, change) : view.case;
  });
  const busy = computed(() => pending.value !== null || granting.value);

  /** Follows the conversation on screen; anything in progress for another one is forgotten. */
  function follow(next: Subject | null): void {
    if (next?.tabId === subject?.tabId && next?.threadId === subject?.threadId) return;
    subject = next;
    sequence++;
    batch(() => {
      pending.value = null;
      failure.value = null;
      consent.value = null;
      granting.value = false;
      declined.value = false;
    });
  }

  /** What the agent clicked: saved at once when Gmail's modify scope is granted, else asked for first. */
  function choose(change: CaseLabel): void {
    const current = shown.value;
    if (!subject || !current || busy.value || caseValue(current, change.kind) === change.value) return;
    batch(() => {
      failure.value = null;
      declined.value = false;
      if (!current.editable) consent.value = change;
    });
    if (current.editable) void save(subject, change);
  }

  async function save(target: Subject, change: CaseLabel): Promise<void> {
    const mine = sequence;
    pending.value = change;
    const answer = await sendChange(target, change);
    if (mine !== sequence) return;
    batch(() => {
      pending.value = null;
      if (answer.ok) updateCase(() => answer.data);
      // The grant was withdrawn since the view was read: ask again rather than fail.
      else if (answer.error.code === 'scope-required') consent.value = change;
      else failure.value = { change, error: answer.error };
    });
  }

  /**
   * An answer lost on its way back ('internal': Chrome stopped the worker mid-change and the message
   * channel closed) leaves unknown whether Gmail made the change, and rolling back could show a
   * status Gmail no longer has (issue 7). The change is sent once more: it names the labels the
   * thread ends with, so making it twice is making it once, and this answer says what Gmail has.
   */
  async function sendChange(target: Subject, change: CaseLabel) {
    const request = { type: 'case/set', tabId: target.tabId, change } as const;
    const answer = await deps.request(request);
    return !answer.ok && answer.error.code === 'internal' ? deps.request(request) : answer;
  }

  /** "Allow in Google": Google's consent window, then the change the agent asked for. */
  async function allow(): Promise<void> {
    const change = consent.value;
    const target = subject;
    if (!change || !target || granting.value) return;
    const mine = sequence;
    granting.value = true;
    const answer = await deps.request({ type: 'auth/grant', tabId: target.tabId, feature: 'cases' });
    if (mine !== sequence) return;
    batch(() => {
      granting.value = false;
      consent.value = null;
      if (answer.ok) updateCase((current) => ({ ...current, editable: true }));
      else if (answer.error.code === 'sign-in-cancelled') declined.value = true;
      else failure.value = { change, error: answer.error };
    });
    if (answer.ok) await save(target, change);
  }

  function updateCase(update: (current: CaseView) => CaseView): void {
    const view = conversation.value;
    if (view && view.conversation.threadId === subject?.threadId) conversation.value = { ...view, case: update(view.case) };
  }

  return {
    shown,
    busy,
    pending,
    failure,
    consent,
    granting,
    declined,
    follow,
    choose,
    allow,
    notNow: () => {
      if (!granting.value) consent.value = null;
    },
  };
}

function caseValue(view: CaseView, kind: CaseLabelKind): CaseView['status'] | CaseView['priority'] {
  return kind === 'status' ? view.status : view.priority;
}

function withChange(view: CaseView, change: CaseLabel): CaseView {
  return change.kind === 'status' ? { ...view, status: change.value } : { ...view, priority: change.value };
}

export type CaseState = ReturnType<typeof createCaseState>;
