import { describe, expect, it, vi } from 'vitest';
import { badgeText, createBadges } from '../../../utils/background/badges';

describe('badgeText', () => {
  it.each([
    [null, ''],
    [0, ''],
    [1, '1'],
    [999, '999'],
    [1000, '999+'],
  ])('shows %s overdue as "%s"', (overdue, text) => {
    expect(badgeText(overdue)).toBe(text);
  });
});

function setup(tabs: { tabId: number; account: string | null }[], overdue: Record<string, number | null>) {
  const deps = {
    contexts: { all: vi.fn(async () => tabs) },
    overdueOf: vi.fn(async (account: string) => overdue[account] ?? null),
    setBadge: vi.fn(async (_tabId: number, _text: string) => {}),
    log: vi.fn((_message: string, _details: Record<string, unknown>) => {}),
  };
  return { badges: createBadges(deps), deps };
}

describe('refresh', () => {
  it('shows each Gmail tab the overdue count of its own account, counting each account once', async () => {
    const { badges, deps } = setup(
      [
        { tabId: 1, account: 'a@acme.com' },
        { tabId: 2, account: 'b@acme.com' },
        { tabId: 3, account: 'a@acme.com' },
      ],
      { 'a@acme.com': 3, 'b@acme.com': 1200 },
    );
    await badges.refresh();
    expect(deps.setBadge.mock.calls).toEqual([
      [1, '3'],
      [2, '999+'],
      [3, '3'],
    ]);
    expect(deps.overdueOf.mock.calls).toEqual([['a@acme.com'], ['b@acme.com']]);
  });

  it('clears the badge of a tab whose account is unknown or signed out, asking no count for the unknown one', async () => {
    const { badges, deps } = setup(
      [
        { tabId: 1, account: null },
        { tabId: 2, account: 'gone@acme.com' },
      ],
      { 'gone@acme.com': null },
    );
    await badges.refresh();
    expect(deps.setBadge.mock.calls).toEqual([
      [1, ''],
      [2, ''],
    ]);
    expect(deps.overdueOf.mock.calls).toEqual([['gone@acme.com']]);
  });

  it('logs a tab that refuses its badge and still sets the others', async () => {
    const { badges, deps } = setup(
      [
        { tabId: 1, account: 'a@acme.com' },
        { tabId: 2, account: 'a@acme.com' },
      ],
      { 'a@acme.com': 2 },
    );
    deps.setBadge.mockRejectedValueOnce(new Error('No tab with id: 1.'));
    await badges.refresh();
    expect(deps.setBadge).toHaveBeenLastCalledWith(2, '2');
    expect(deps.log).toHaveBeenCalledWith('badge not set', { tabId: 1, error: 'Error: No tab with id: 1.' });
  });

  it('shows no badge for an account whose count failed, and still serves the other accounts', async () => {
    const { badges, deps } = setup(
      [
        { tabId: 1, account: 'broken@acme.com' },
        { tabId: 2, account: 'b@acme.com' },
      ],
      { 'b@acme.com': 2 },
    );
    deps.overdueOf.mockRejectedValueOnce(new Error('database closed'));
    await badges.refresh();
    expect(deps.setBadge.mock.calls).toEqual([
      [1, ''],
      [2, '2'],
    ]);
    expect(deps.log).toHaveBeenCalledWith('overdue count failed', { error: 'Error: database closed' });
  });
});

describe('refresh of some tabs', () => {
  it('counts only for the tabs asked about: a Gmail tab reporting a new view costs its account only', async () => {
    const { badges, deps } = setup(
      [
        { tabId: 1, account: 'a@acme.com' },
        { tabId: 2, account: 'b@acme.com' },
      ],
      { 'a@acme.com': 1, 'b@acme.com': 4 },
    );
    await badges.refresh([2]);
    expect(deps.setBadge.mock.calls).toEqual([[2, '4']]);
    expect(deps.overdueOf.mock.calls).toEqual([['b@acme.com']]);
  });
});
