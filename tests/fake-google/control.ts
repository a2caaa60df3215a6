/**
 * The in-process control surface (the same operations the HTTP control API offers): seeding,
 * revocation and expiry, consent mode, faults, latency, the clock, and read-outs of the request
 * log, grants, revocations and mailboxes.
 */
import { fullThread } from './resources.ts';
import type { FakeState } from './state.ts';
import type { FakeGoogleControl, Seed } from './types.ts';

export function createControl(state: FakeState, defaultSeed: () => Seed | undefined): FakeGoogleControl {
  return {
    reset: (seed?: Seed) => state.reset(seed ?? defaultSeed()),
    addThread: (accountEmail, thread) => state.mailbox(accountEmail).addThread(thread),
    addMessage: (accountEmail, threadId, message) => state.mailbox(accountEmail).addMessage(threadId, message),
    revokeGrant: (accountEmail) => state.auth.revokeGrant(accountEmail),
    expireTokens: (accountEmail) => state.auth.expireTokens(accountEmail),
    setConsentMode: (mode) => {
      state.consentMode = mode;
    },
    addFault: (fault) => state.faults.add(fault),
    clearFaults: () => state.faults.clear(),
    setLatency: (ms) => {
      state.latencyMs = Math.max(0, ms);
    },
    setNow: (epochMs) => state.clock.set(epochMs),
    requests: () => state.log.map((entry) => ({ ...entry, query: { ...entry.query }, scopes: [...entry.scopes] })),
    clearRequests: () => {
      state.log = [];
    },
    grants: () => state.auth.allGrants().map((g) => ({ accountEmail: g.accountEmail, scopes: g.scopes })),
    revocations: () => state.revocations.map((r) => ({ ...r })),
    mailbox: (accountEmail) => {
      const mailbox = state.mailbox(accountEmail);
      return {
        threads: [...mailbox.threads.values()].map((t) => fullThread(mailbox, t)),
        labels: mailbox.labels.all(),
      };
    },
  };
}
