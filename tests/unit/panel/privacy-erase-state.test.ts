import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { createEraseState, type Ticket } from '../../../utils/panel/privacy-erase-state';
import { controlledRequest } from './controlled-request';

function setup(offered: string | null = 'bob@customer.example') {
  const control = controlledRequest();
  const customer = signal(offered);
  let current = true;
  const ticket: Ticket = { tabId: 7, account: 'agent@acme.com', current: () => current };
  const onErased = vi.fn();
  const erase = createEraseState({ request: control.request }, customer, ticket, onErased);
  return { ...control, customer, erase, onErased, leave: () => (current = false) };
}

describe('erasing one customer', () => {
  it('offers the open conversation’s customer until the agent types another address', () => {
    const { erase, customer } = setup();
    expect(erase.address.value).toBe('bob@customer.example');
    customer.value = 'eve@other.example';
    expect(erase.address.value).toBe('eve@other.example');
    erase.type('');
    customer.value = 'bob@customer.example';
    expect(erase.address.value).toBe('');
  });

  it.each([
    ['nothing typed', '   ', 'empty'],
    ['no domain', 'bob@', 'invalid'],
    ['two addresses', 'bob@a.example, eve@b.example', 'invalid'],
  ] as const)('asks for a real address: %s', (_, typed, problem) => {
    const { erase, pending } = setup(null);
    erase.type(typed);
    erase.ask();
    expect(erase.problem.value).toBe(problem);
    expect(erase.confirming.value).toBeNull();
    expect(pending).toEqual([]);
  });

  it('confirms first, then asks the background with the chosen mode and shows what changed', async () => {
    const { erase, answer, pending, onErased } = setup();
    erase.type('  Bob@Customer.example ');
    erase.choose('anonymise');
    erase.ask();
    expect(erase.confirming.value).toEqual({ customer: 'bob@customer.example', mode: 'anonymise' });
    expect(pending).toEqual([]);
    void erase.confirm();
    expect(erase.erasing.value).toBe(true);
    await answer(
      { type: 'privacy/erase-customer', tabId: 7, customer: 'bob@customer.example', mode: 'anonymise' },
      { ok: true, data: { deleted: 2, anonymised: 3 } },
    );
    expect(erase.result.value).toEqual({ customer: 'bob@customer.example', mode: 'anonymise', deleted: 2, anonymised: 3 });
    expect(erase.confirming.value).toBeNull();
    expect(onErased).toHaveBeenCalledOnce();
  });

  it('withdraws the confirmation when the address or the choice changes', () => {
    const { erase } = setup();
    erase.ask();
    erase.choose('anonymise');
    expect(erase.confirming.value).toBeNull();
    erase.ask();
    erase.type('eve@other.example');
    expect(erase.confirming.value).toBeNull();
  });

  it('keeps the address and the choice when the background fails', async () => {
    const { erase, answer, onErased } = setup(null);
    erase.type('eve@other.example');
    erase.choose('anonymise');
    erase.ask();
    void erase.confirm();
    await answer({ type: 'privacy/erase-customer' }, { ok: false, error: { code: 'internal', detail: 'IndexedDB is closed' } });
    expect(erase.error.value).toEqual({ code: 'internal', detail: 'IndexedDB is closed' });
    expect(erase.address.value).toBe('eve@other.example');
    expect(erase.mode.value).toBe('anonymise');
    expect(onErased).not.toHaveBeenCalled();
  });

  it('drops an answer about an account the tab no longer shows', async () => {
    const { erase, answer, leave } = setup();
    erase.ask();
    void erase.confirm();
    leave();
    await answer({ type: 'privacy/erase-customer' }, { ok: true, data: { deleted: 1, anonymised: 0 } });
    expect(erase.result.value).toBeNull();
  });
});
