/**
 * Gmail API quota. Costs follow the table for Cloud projects created since 2026-05-01 (a new
 * extension's project): dearer reads (messages.get 20, threads.get 40, drafts.get 20,
 * attachments.get 20), the rest from the classic table; and 6,000 units per user per minute
 * (notes/google-facts.md). The window slides over the fake's clock.
 */
export const QUOTA_UNITS: Readonly<Record<string, number>> = {
  'gmail.users.getProfile': 1,
  'gmail.users.labels.list': 1,
  'gmail.users.labels.get': 1,
  'gmail.users.labels.create': 5,
  'gmail.users.messages.list': 5,
  'gmail.users.messages.get': 20,
  'gmail.users.messages.modify': 5,
  'gmail.users.messages.attachments.get': 20,
  'gmail.users.messages.send': 100,
  'gmail.users.threads.list': 10,
  'gmail.users.threads.get': 40,
  'gmail.users.threads.modify': 10,
  'gmail.users.drafts.get': 20,
  'gmail.users.drafts.list': 5,
  'gmail.users.drafts.create': 10,
  'gmail.users.drafts.update': 15,
  'gmail.users.drafts.delete': 10,
  'gmail.users.history.list': 2,
};

export const USER_UNITS_PER_MINUTE = 6000;
const WINDOW_MS = 60_000;

export function unitsFor(apiMethod: string): number {
  return QUOTA_UNITS[apiMethod] ?? 5;
}

export class QuotaLimiter {
  private readonly spent = new Map<string, { at: number; units: number }[]>();

  constructor(private readonly now: () => number) {}

  private recent(account: string): { at: number; units: number }[] {
    const since = this.now() - WINDOW_MS;
    const entries = (this.spent.get(account) ?? []).filter((e) => e.at > since);
    this.spent.set(account, entries);
    return entries;
  }

  /** Charges the units, or answers how many seconds until they would fit. */
  charge(account: string, units: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const entries = this.recent(account);
    let used = entries.reduce((sum, e) => sum + e.units, 0);
    if (used + units <= USER_UNITS_PER_MINUTE) {
      entries.push({ at: this.now(), units });
      return { ok: true };
    }
    // The earliest moment enough old spending has left the window.
    for (const entry of entries) {
      used -= entry.units;
      if (used + units <= USER_UNITS_PER_MINUTE) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((entry.at + WINDOW_MS - this.now()) / 1000)) };
      }
    }
    return { ok: false, retryAfterSeconds: 60 };
  }

  reset(): void {
    this.spent.clear();
  }
}
