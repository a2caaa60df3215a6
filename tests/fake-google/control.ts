/**
 * The in-process control surface (the same operations the HTTP control API offers): seeding,
 * revocation and expiry, consent mode, faults, latency, the clock, read-outs of the request log,
 * grants, issued tokens, revocations, mailboxes and drafts, label changes made "by a colleague" in the same
 * mailbox, and draft edits made by the agent in Gmail's web UI.
 */
import { draftsNewestFirst, editDraftInGmail } from './drafts.ts';
import { NOT_APPLICABLE } from './labels.ts';
import type { Mailbox, StoredMessage } from './mailbox.ts';
import { fullThread } from './resources.ts';
import type { FakeState } from './state.ts';
import type { DraftSummary, FakeGoogleControl, LabelChange, MailboxLabels, Seed } from './types.ts';

/** A label named by id (exact) or by user-label name (case-insensitive), as a person would name it. */
function labelIdFor(mailbox: Mailbox, idOrName: string): string {
  if (mailbox.labels.has(idOrName)) return idOrName;
  const named = mailbox.labels.userLabelNamed(idOrName);
  if (named !== undefined) return named.id;
  const known = mailbox.labels.userLabels().map((l) => `${l.id} (${l.name})`).join(', ') || 'none';
  throw new Error(`no label ${JSON.stringify(idOrName)} in ${mailbox.email}; user labels: ${known}`);
}

function labelsOf(mailbox: Mailbox): MailboxLabels {
  return {
    labels: mailbox.labels.all(),
    threads: [...mailbox.threads.values()].map((t) => ({
      id: t.id,
      labelIds: mailbox.threadLabelIds(t),
      messages: t.messages.map((m) => ({ id: m.id, labelIds: [...m.labelIds] })),
    })),
  };
}

function draftSummary(id: string, message: StoredMessage): DraftSummary {
  return { id, messageId: message.id, threadId: message.threadId, labelIds: [...message.labelIds], raw: Buffer.from(message.raw, 'utf8').toString('base64') };
}

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
    issuedTokens: () => state.auth.issuedTokens().map(({ token, accountEmail, scopes }) => ({ token, accountEmail, scopes })),
    revocations: () => state.revocations.map((r) => ({ ...r })),
    mailbox: (accountEmail) => {
      const mailbox = state.mailbox(accountEmail);
      return {
        threads: [...mailbox.threads.values()].map((t) => fullThread(mailbox, t)),
        labels: mailbox.labels.all(),
      };
    },
    createLabel: (accountEmail, name, options) => {
      const mailbox = state.mailbox(accountEmail);
      const created = mailbox.labels.create(name, options);
      if (!created.ok) throw new Error(`cannot create label ${JSON.stringify(name)} in ${mailbox.email}: ${created.message}`);
      return created.label;
    },
    modifyThread: (accountEmail, threadId, change: LabelChange) => {
      const mailbox = state.mailbox(accountEmail);
      const thread = mailbox.threads.get(threadId);
      if (thread === undefined) throw new Error(`no thread ${threadId} in ${mailbox.email}`);
      const add = (change.add ?? []).map((l) => labelIdFor(mailbox, l));
      const remove = (change.remove ?? []).map((l) => labelIdFor(mailbox, l));
      const fixed = [...add, ...remove].find((id) => NOT_APPLICABLE.has(id));
      if (fixed !== undefined) throw new Error(`${fixed} cannot be added or removed, in Gmail as in the API`);
      mailbox.modifyLabels(thread.messages, { add, remove });
      return fullThread(mailbox, thread);
    },
    labels: (accountEmail) => labelsOf(state.mailbox(accountEmail)),
    drafts: (accountEmail) => draftsNewestFirst(state.mailbox(accountEmail)).map(([id, message]) => draftSummary(id, message)),
    editDraftInGmail: (accountEmail, draftId, text) => draftSummary(draftId, editDraftInGmail(state.mailbox(accountEmail), draftId, text)),
  };
}
