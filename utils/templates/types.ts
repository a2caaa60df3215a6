/**
 * Reply templates (F6): the agent's own, kept in storage.sync so they follow them to every
 * computer, and the admin's, delivered by policy and read-only.
 */
import * as z from 'zod/mini';

/** Limits the editor enforces: a reply template is a few paragraphs, never a document. */
export const TEMPLATE_NAME_MAX = 100;
export const TEMPLATE_BODY_MAX = 20_000;

/** What the agent types in the editor. */
export interface TemplateInput {
  name: string;
  body: string;
}

/**
 * Why a personal template is on this computer only: storage.sync refused it. Each names the
 * quota Chrome enforces (chrome.storage.sync: QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, MAX_ITEMS,
 * MAX_WRITE_OPERATIONS_PER_MINUTE/HOUR), or sync failing for another reason.
 */
export type SyncProblem = 'quota-total' | 'quota-item' | 'quota-count' | 'quota-rate' | 'sync-failed';

export interface PersonalTemplate extends TemplateInput {
  origin: 'personal';
  id: string;
  /** Epoch ms of the last save. */
  updatedAt: number;
  /** null when synced; otherwise kept in storage.local and flagged, never lost. */
  unsynced: SyncProblem | null;
}

export interface AdminTemplate extends TemplateInput {
  origin: 'admin';
  id: string;
}

export type Template = PersonalTemplate | AdminTemplate;

/** The agent's templates: storage.sync first, storage.local for what sync refused (store.ts). */
export interface TemplateStore {
  /** Synced and local-only templates, by name; records that fail validation are counted, not shown. */
  list(): Promise<{ templates: PersonalTemplate[]; damaged: number }>;
  /**
   * Saves a new template (no id) or a change. Never loses it: when storage.sync refuses, it is
   * kept in storage.local and comes back with `unsynced` set. Throws only on invalid input or when
   * even storage.local fails.
   */
  save(input: TemplateInput & { id?: string }): Promise<PersonalTemplate>;
  /** Removes it from sync and this computer. Room it frees is not used until the caller calls resync(). */
  remove(id: string): Promise<void>;
  /** Tries again to sync templates kept on this computer only; returns those still unsynced. */
  resync(): Promise<PersonalTemplate[]>;
  /** Calls back when templates change here or on another computer (storage.onChanged). */
  watch(onChange: () => void): () => void;
}

// zod's messages are for developers only: the editor (TemplateInputError) and the policy's problems
// (admin.ts) are told by zod's issue codes and worded by the panel, in the agent's language.
export const templateTextSchema = () =>
  z.string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be text') });
const atMost = (max: number) => z.maxLength(max, `must be text of at most ${max} characters`);

/** A template's name as stored and shown: trimmed, so "Refund " and "Refund" are one name. */
export const templateNameSchema = templateTextSchema().check(z.trim(), z.minLength(1, 'must not be empty'), atMost(TEMPLATE_NAME_MAX));
export const templateBodySchema = templateTextSchema().check(z.minLength(1, 'must not be empty'), atMost(TEMPLATE_BODY_MAX));

const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

/** By name as people read it (accents and case aside), then by id so that the order is stable. */
export function compareTemplates(a: Pick<Template, 'id' | 'name'>, b: Pick<Template, 'id' | 'name'>): number {
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
