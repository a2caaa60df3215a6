/**
 * Case state (F4, issue 4) stored as Gmail labels, so it lives in the mailbox, is shared by
 * everyone who works in it and survives a reinstall. Naming, under a prefix (default `iCustomer/`):
 *   `<prefix>Status/Open`, `<prefix>Status/Pending`, `<prefix>Status/Solved`
 *   `<prefix>Priority/P1`, `<prefix>Priority/P2`, `<prefix>Priority/P3`
 * Gmail treats label names case-insensitively (it refuses to create `icustomer/status/open` beside
 * `iCustomer/Status/Open`), so every comparison here ignores case and an existing label is reused
 * whatever its case — never duplicated.
 */
import * as z from 'zod/mini';
import type { LabelPrefix } from './label-prefix';

/** Most urgent first, in both lists: readCase keeps the first one present when a thread has several. */
export const CASE_STATUSES = ['Open', 'Pending', 'Solved'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_PRIORITIES = ['P1', 'P2', 'P3'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

export type CaseLabel = { kind: 'status'; value: CaseStatus } | { kind: 'priority'; value: CasePriority };
export type CaseLabelKind = CaseLabel['kind'];

/** An item of users.labels.list; the other fields Gmail sends are not needed here and are stripped. */
export const gmailLabelSchema = z.object({ id: z.string().check(z.minLength(1)), name: z.string() });
export type GmailLabel = z.infer<typeof gmailLabelSchema>;
/** users.labels.list: Gmail omits `labels` when the mailbox has none. */
export const gmailLabelListSchema = z.object({ labels: z.optional(z.array(gmailLabelSchema)) });

export interface LabelModifyRequest {
  addLabelIds: string[];
  removeLabelIds: string[];
}

const KIND_SEGMENT = { status: 'Status', priority: 'Priority' } as const;

const ALL_CASE_LABELS: readonly CaseLabel[] = [
  ...CASE_STATUSES.map((value) => ({ kind: 'status', value }) as const),
  ...CASE_PRIORITIES.map((value) => ({ kind: 'priority', value }) as const),
];

export function caseLabelName(prefix: LabelPrefix, label: CaseLabel): string {
  return `${prefix}${KIND_SEGMENT[label.kind]}/${label.value}`;
}

/** The case label a Gmail label name stands for, ignoring case; null for any other label. */
export function parseCaseLabelName(prefix: LabelPrefix, name: string): CaseLabel | null {
  const key = name.toLowerCase();
  return ALL_CASE_LABELS.find((label) => caseLabelName(prefix, label).toLowerCase() === key) ?? null;
}

export type LabelLookup = { state: 'exists'; label: GmailLabel } | { state: 'missing'; name: string };

/**
 * The mailbox's label called `name` in any case, to be reused; otherwise `name` must be created.
 * Should the list hold several (Gmail prevents it, a stale list might not), the choice is stable.
 */
export function findLabel(labels: readonly GmailLabel[], name: string): LabelLookup {
  const key = name.toLowerCase();
  const label = preferredLabel(
    labels.filter((candidate) => candidate.name.toLowerCase() === key),
    name,
  );
  return label ? { state: 'exists', label } : { state: 'missing', name };
}

export interface CaseReading {
  status: CaseStatus | null;
  priority: CasePriority | null;
  /**
   * Case labels on the thread beyond the one kept for each kind — a second status applied by
   * another client, or a case variant of the kept label. Remove them to make the thread
   * consistent; empty when it already is.
   */
  surplusLabelIds: string[];
}

/**
 * The case of a thread from its label ids (the union of its messages' labelIds) and the
 * mailbox's labels. When several values of a kind are present, the most urgent wins (Open over
 * Pending over Solved, P1 over P3): a conflict must never drop a case out of the queue unseen.
 * Label ids missing from `labels` are ignored.
 */
export function readCase(prefix: LabelPrefix, labels: readonly GmailLabel[], threadLabelIds: readonly string[]): CaseReading {
  const onThread = new Set(threadLabelIds);
  const found = labels.flatMap((label) => {
    const caseLabel = onThread.has(label.id) ? parseCaseLabelName(prefix, label.name) : null;
    return caseLabel ? [{ label, caseLabel }] : [];
  });
  const variantsOf = (caseLabel: CaseLabel): GmailLabel[] =>
    found.filter((f) => sameCaseLabel(f.caseLabel, caseLabel)).map((f) => f.label);
  const status = CASE_STATUSES.find((value) => variantsOf({ kind: 'status', value }).length > 0) ?? null;
  const priority = CASE_PRIORITIES.find((value) => variantsOf({ kind: 'priority', value }).length > 0) ?? null;
  const winners: CaseLabel[] = [
    ...(status ? [{ kind: 'status', value: status } as const] : []),
    ...(priority ? [{ kind: 'priority', value: priority } as const] : []),
  ];
  const keptIds = new Set(winners.map((winner) => preferredLabel(variantsOf(winner), caseLabelName(prefix, winner))?.id));
  const surplus = found.map((f) => f.label.id).filter((id) => !keptIds.has(id));
  return { status, priority, surplusLabelIds: [...new Set(surplus)] };
}

export type CaseChangePlan = { state: 'ready'; request: LabelModifyRequest } | { state: 'create-label'; name: string };

/**
 * The threads.modify request that gives a thread `target` and removes every other label of the
 * same kind under the prefix, whatever its case, so a thread never keeps two statuses. Removal is
 * computed from the mailbox's labels, not the thread's, so a label someone else applied since
 * the thread was read is removed too (Gmail ignores removing a label a thread does not carry).
 * When the target label does not exist yet: create `name`, add it to `labels`, plan again.
 */
export function planCaseChange(prefix: LabelPrefix, labels: readonly GmailLabel[], target: CaseLabel): CaseChangePlan {
  const lookup = findLabel(labels, caseLabelName(prefix, target));
  if (lookup.state === 'missing') return { state: 'create-label', name: lookup.name };
  const removeLabelIds = labels
    .filter((label) => label.id !== lookup.label.id && parseCaseLabelName(prefix, label.name)?.kind === target.kind)
    .map((label) => label.id);
  return { state: 'ready', request: { addLabelIds: [lookup.label.id], removeLabelIds: [...new Set(removeLabelIds)] } };
}

function sameCaseLabel(a: CaseLabel, b: CaseLabel): boolean {
  return a.kind === b.kind && a.value === b.value;
}

/** Among labels naming the same thing: the exact spelling first, then the smallest id — stable. */
function preferredLabel(candidates: readonly GmailLabel[], canonicalName: string): GmailLabel | undefined {
  const rank = (label: GmailLabel): number => (label.name === canonicalName ? 0 : 1);
  return [...candidates].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
}
