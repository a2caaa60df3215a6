/**
 * Erasing or anonymising one customer (F7, the data subject's rights): an address, offered from the
 * open conversation until the agent types another, a choice of what to do, a confirmation step
 * that freezes what is confirmed, and what the cache changed. A failure keeps what was typed.
 */
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import * as z from 'zod/mini';
import type { AppError } from '../messaging/protocol';
import type { EraseResult } from '../privacy/schemas';
import type { PanelStateDeps } from './state';

export type EraseMode = 'erase' | 'anonymise';

/** What the agent asked for, as the confirmation step and the result repeat it. */
export interface EraseRequest {
  customer: string;
  mode: EraseMode;
}

/** The tab and account a request is about, and whether the centre still shows them on its answer. */
export interface Ticket {
  tabId: number;
  account: string;
  current: () => boolean;
}

const emailSchema = z.email();

export function createEraseState(
  deps: Pick<PanelStateDeps, 'request'>,
  offered: ReadonlySignal<string | null>,
  ticket: Ticket,
  onErased: () => void,
) {
  /** null until the agent types: the open conversation's customer is offered meanwhile. */
  const typed = signal<string | null>(null);
  const address = computed(() => typed.value ?? offered.value ?? '');
  const mode = signal<EraseMode>('erase');
  const problem = signal<'empty' | 'invalid' | null>(null);
  const confirming = signal<EraseRequest | null>(null);
  const erasing = signal(false);
  const result = signal<(EraseRequest & EraseResult) | null>(null);
  const error = signal<AppError | null>(null);

  /** Checks the address and, when it is one, asks the agent to confirm. */
  function ask(): void {
    const customer = address.value.trim().toLowerCase();
    const invalid = customer === '' ? 'empty' : emailSchema.safeParse(customer).success ? null : 'invalid';
    batch(() => {
      problem.value = invalid;
      result.value = null;
      error.value = null;
      confirming.value = invalid ? null : { customer, mode: mode.value };
    });
  }

  async function confirm(): Promise<void> {
    const asked = confirming.value;
    if (!asked || erasing.value) return;
    erasing.value = true;
    const answer = await deps.request({ type: 'privacy/erase-customer', tabId: ticket.tabId, account: ticket.account, ...asked });
    if (!ticket.current()) return;
    batch(() => {
      erasing.value = false;
      confirming.value = null;
      if (answer.ok) result.value = { ...asked, ...answer.data };
      else error.value = answer.error;
    });
    if (answer.ok) onErased();
  }

  return {
    address,
    mode,
    problem,
    confirming,
    erasing,
    result,
    error,
    /** Changing the address or the choice withdraws a confirmation asked about the previous ones. */
    type: (text: string) =>
      batch(() => {
        typed.value = text;
        problem.value = null;
        confirming.value = null;
      }),
    choose: (next: EraseMode) =>
      batch(() => {
        mode.value = next;
        confirming.value = null;
      }),
    ask,
    confirm,
    cancel: () => (confirming.value = null),
  };
}

export type EraseState = ReturnType<typeof createEraseState>;
