/**
 * Inserting a rendered template as a reply draft (F6, issue 5): one attempt at a time, the
 * choice when a draft of ours is already in the conversation, and Gmail's compose scope asked for
 * with an explanation the first time (incremental consent, as for case statuses).
 */
import { computed, signal } from '@preact/signals';
import type { AppError, DraftResult } from '../messaging/protocol';
import type { PanelStateDeps } from './state';

/** What is inserted, and where: the conversation that was previewed. */
export interface DraftTarget {
  tabId: number;
  threadId: string;
  text: string;
}

export type DraftMode = 'new' | 'replace' | 'add';

export type DraftStep =
  | { step: 'idle' }
  | { step: 'inserting' }
  /** The explanation of the compose scope is open; 'granting' while Google's window is. */
  | { step: 'consent' }
  | { step: 'granting' }
  | { step: 'declined' }
  | { step: 'exists'; edited: boolean }
  /** `elsewhere`: Gmail filed the draft as a new conversation instead of a reply in this one. */
  | { step: 'done'; outcome: 'created' | 'replaced'; elsewhere: boolean }
  | { step: 'error'; error: AppError };

interface Subject {
  tabId: number;
  threadId: string;
}

const IDLE: DraftStep = { step: 'idle' };

export function createDraftState(deps: Pick<PanelStateDeps, 'request'>) {
  const status = signal<DraftStep>(IDLE);
  const busy = computed(() => status.value.step === 'inserting' || status.value.step === 'granting');
  /** The last insert asked for: sent again after consent, or with another mode after "exists". */
  let attempt: { target: DraftTarget; mode: DraftMode } | null = null;
  let subject: Subject | null = null;
  /** Bumped when the agent moves to another conversation, so a late answer changes nothing. */
  let sequence = 0;

  async function send(target: DraftTarget, mode: DraftMode): Promise<void> {
    const mine = sequence;
    attempt = { target, mode };
    status.value = { step: 'inserting' };
    const answer = await deps.request({ type: 'draft/insert', ...target, mode });
    if (mine !== sequence) return;
    if (answer.ok) status.value = stepOf(answer.data, target);
    else status.value = answer.error.code === 'scope-required' ? { step: 'consent' } : { step: 'error', error: answer.error };
  }

  /** "Allow in Google": Google's consent window, then the insert the agent asked for. */
  async function allow(): Promise<void> {
    const current = attempt;
    if (status.value.step !== 'consent' || !current) return;
    const mine = sequence;
    status.value = { step: 'granting' };
    const answer = await deps.request({ type: 'auth/grant', tabId: current.target.tabId, feature: 'drafts' });
    if (mine !== sequence) return;
    if (answer.ok) await send(current.target, current.mode);
    else status.value = answer.error.code === 'sign-in-cancelled' ? { step: 'declined' } : { step: 'error', error: answer.error };
  }

  /** After "exists": replace our earlier draft, or keep it and add another. */
  function resolve(mode: 'replace' | 'add'): Promise<void> {
    const current = attempt;
    return status.value.step === 'exists' && current ? send(current.target, mode) : Promise.resolve();
  }

  /** Back to nothing shown; never while an answer is awaited (it would be lost from view). */
  function reset(): void {
    if (!busy.value) status.value = IDLE;
  }

  return {
    status,
    busy,
    insert: (target: DraftTarget) => (busy.value ? Promise.resolve() : send(target, 'new')),
    allow,
    replace: () => resolve('replace'),
    keepBoth: () => resolve('add'),
    reset,
    /** "Not now" on the explanation, "Cancel" on the offer: nothing is created. */
    dismiss: reset,
    /** Follows the conversation open in the tab; an insert in progress for another one is forgotten. */
    follow(next: Subject | null): void {
      if (next?.tabId === subject?.tabId && next?.threadId === subject?.threadId) return;
      subject = next;
      sequence++;
      attempt = null;
      status.value = IDLE;
    },
  };
}

function stepOf(result: DraftResult, target: DraftTarget): DraftStep {
  if (result.outcome === 'exists') return { step: 'exists', edited: result.edited };
  return { step: 'done', outcome: result.outcome, elsewhere: result.threadId !== target.threadId };
}

export type DraftState = ReturnType<typeof createDraftState>;
