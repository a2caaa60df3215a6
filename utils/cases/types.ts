/**
 * The case model as it crosses from the background to the panel (F4, F5). Plain JSON. The SLA is
 * not computed here: the panel computes it from `timeline` with its own clock, so "time left"
 * keeps ticking without asking the background again.
 */
import type { Person } from '../mail/types';
import type { CasePriority, CaseStatus } from './labels';
import type { SlaHours, SlaMessage } from './sla';

/** The open conversation's case: what its labels say, and whether the agent may change it. */
export interface CaseView {
  status: CaseStatus | null;
  /** null when the thread carries no priority label; the SLA then counts as UNSET_PRIORITY_SLA. */
  priority: CasePriority | null;
  /** false until the agent has granted Gmail's modify scope (asked the first time they set one). */
  editable: boolean;
  slaHours: SlaHours;
}

/** A conversation of the queue: an Open or Pending case of the account's mailbox. */
export interface QueueRow {
  threadId: string;
  subject: string;
  customer: Person | null;
  status: 'Open' | 'Pending';
  priority: CasePriority | null;
  /** The messages that decide the SLA and waiting time (slaTimeline), oldest first. */
  timeline: SlaMessage[];
}

export interface QueueView {
  rows: QueueRow[];
  /** Cases listed but not read yet: Gmail's per-minute quota spreads a large first sync out. */
  unread: number;
  /** When the queue was last brought up to date with Gmail; null before the first sync. */
  syncedAt: number | null;
  slaHours: SlaHours;
}

/** A case without a priority label is timed as the most lenient priority: urgency is never invented. */
export const UNSET_PRIORITY_SLA: CasePriority = 'P3';
