/**
 * Everything the fake remembers, in one place so `reset` can wipe it: mailboxes, grants and
 * tokens, faults, quota spending, latency, consent mode, the request log and the clock.
 */
import { AuthStore } from './auth-store.ts';
import { Clock } from './clock.ts';
import { FaultQueue } from './faults.ts';
import { Mailbox } from './mailbox.ts';
import { QuotaLimiter } from './quota.ts';
import type { PendingConsent } from './oauth-authorize.ts';
import type { ConsentMode, RequestLogEntry, RevocationEntry, Seed } from './types.ts';

export class FakeState {
  readonly clock = new Clock();
  readonly now = (): number => this.clock.now();
  mailboxes = new Map<string, Mailbox>();
  auth = new AuthStore(this.now);
  faults = new FaultQueue();
  quota = new QuotaLimiter(this.now);
  latencyMs = 0;
  consentMode: ConsentMode = 'page';
  log: RequestLogEntry[] = [];
  revocations: RevocationEntry[] = [];
  pendingConsents = new Map<string, PendingConsent>();

  constructor(seed?: Seed) {
    this.reset(seed);
  }

  reset(seed: Seed = { accounts: [] }): void {
    this.clock.set(null);
    this.auth = new AuthStore(this.now);
    this.faults = new FaultQueue();
    this.quota = new QuotaLimiter(this.now);
    this.latencyMs = 0;
    this.consentMode = 'page';
    this.log = [];
    this.revocations = [];
    this.pendingConsents = new Map();
    this.mailboxes = new Map();
    let userIndex = 0;
    for (const account of seed.accounts) {
      const path = (account.accountPath ?? `/mail/u/${userIndex++}`).replace(/\/+$/, '');
      const mailbox = new Mailbox(account, path, this.now);
      this.mailboxes.set(mailbox.email, mailbox);
    }
  }

  mailbox(email: string): Mailbox {
    const mailbox = this.mailboxes.get(email.toLowerCase());
    if (mailbox === undefined) throw new Error(`no account ${email} in the fake`);
    return mailbox;
  }

  /** The index Google uses for `authuser` (order of sign-in = order in the seed). */
  authUserIndex(email: string): number {
    return [...this.mailboxes.keys()].indexOf(email.toLowerCase());
  }
}
