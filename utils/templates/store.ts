/**
 * The agent's reply templates (F6, issue 5): in storage.sync so they follow the agent, laid out by
 * sync-layout.ts. What sync refuses (quota, or sync failing) is kept whole in storage.local under
 * `tpl-local:<id>` with the reason, listed flagged, and moved to sync by resync() once there is room.
 */
import * as z from 'zod/mini';
import {
  SYNC_KEY_PREFIX,
  ownsKey,
  planSyncWrite,
  readSynced,
  templateIdSchema,
  type TemplateRecord,
} from './sync-layout';
import {
  compareTemplates,
  templateBodySchema,
  templateNameSchema,
  type PersonalTemplate,
  type SyncProblem,
  type TemplateInput,
  type TemplateStore,
} from './types';

export interface StorageAreaLike {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

type ChangeListener = (changes: Record<string, unknown>, areaName: string) => void;

export interface TemplateStoreDeps {
  /** browser.storage.sync */
  sync: StorageAreaLike;
  /** browser.storage.local */
  local: StorageAreaLike;
  /** browser.storage.onChanged */
  onChanged: { addListener(cb: ChangeListener): void; removeListener(cb: ChangeListener): void };
  now: () => number;
  /** An id matching templateIdSchema, e.g. crypto.randomUUID. */
  newId: () => string;
}

export const LOCAL_KEY_PREFIX = 'tpl-local:';
export const localKey = (id: string) => `${LOCAL_KEY_PREFIX}${id}`;

const WATCHED_PREFIXES = new Map([
  ['sync', SYNC_KEY_PREFIX],
  ['local', LOCAL_KEY_PREFIX],
]);

/**
 * Why the store refused a template, as data: the panel words it in the agent's language (F11).
 * A missing or non-text field is an empty one to the agent, who can only type text into it.
 */
export type TemplateInputIssue =
  | { field: 'name' | 'body'; problem: 'empty' }
  | { field: 'name' | 'body'; problem: 'too-long'; max: number }
  | { field: 'id'; problem: 'invalid' };

export class TemplateInputError extends Error {
  override readonly name = 'TemplateInputError';
  constructor(readonly issue: TemplateInputIssue) {
    // For developers' logs only; the panel reads `issue`.
    super(`Template ${issue.field} is ${issue.problem}${issue.problem === 'too-long' ? ` (at most ${issue.max} characters)` : ''}.`);
  }

  get field(): TemplateInputIssue['field'] {
    return this.issue.field;
  }
}

const inputSchema = z.object({ id: z.optional(templateIdSchema), name: templateNameSchema, body: templateBodySchema });

/** Told by zod's issue code, not its English message. */
function issueOf(issue: z.core.$ZodIssue | undefined): TemplateInputIssue {
  const field = issue?.path[0];
  if (field === 'id') return { field, problem: 'invalid' };
  const text = field === 'body' ? 'body' : 'name';
  return issue?.code === 'too_big' ? { field: text, problem: 'too-long', max: Number(issue.maximum) } : { field: text, problem: 'empty' };
}

function validInput(input: TemplateInput & { id?: string }): z.infer<typeof inputSchema> {
  const parsed = inputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new TemplateInputError(issueOf(parsed.error.issues[0]));
}

// Chrome names the quota in its message: "QUOTA_BYTES_PER_ITEM quota exceeded",
// "MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded"… PER_ITEM is tested before its prefix QUOTA_BYTES.
const QUOTA_PROBLEMS: ReadonlyArray<readonly [RegExp, SyncProblem]> = [
  [/QUOTA_BYTES_PER_ITEM/, 'quota-item'],
  [/QUOTA_BYTES/, 'quota-total'],
  [/MAX_ITEMS/, 'quota-count'],
  [/MAX_\w*WRITE_OPERATIONS/, 'quota-rate'],
];

export function syncProblemOf(error: unknown): SyncProblem {
  const message = error instanceof Error ? error.message : String(error);
  return QUOTA_PROBLEMS.find(([pattern]) => pattern.test(message))?.[1] ?? 'sync-failed';
}

const localSchema = z.object({
  v: z.literal(1),
  id: templateIdSchema,
  name: templateNameSchema,
  body: templateBodySchema,
  updatedAt: z.number().check(z.int(), z.nonnegative()),
  problem: z.enum(['quota-total', 'quota-item', 'quota-count', 'quota-rate', 'sync-failed']),
});

interface LocalCopy {
  record: TemplateRecord;
  problem: SyncProblem;
}

function readLocal(items: Record<string, unknown>): { copies: LocalCopy[]; damaged: string[] } {
  const copies: LocalCopy[] = [];
  const damaged: string[] = [];
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(LOCAL_KEY_PREFIX)) continue;
    const parsed = localSchema.safeParse(value);
    if (parsed.success && localKey(parsed.data.id) === key) {
      const { id, name, body, updatedAt, problem } = parsed.data;
      copies.push({ record: { id, name, body, updatedAt }, problem });
    } else damaged.push(key.slice(LOCAL_KEY_PREFIX.length));
  }
  return { copies, damaged };
}

export function createTemplateStore({ sync, local, onChanged, now, newId }: TemplateStoreDeps): TemplateStore {
  async function trySync(record: TemplateRecord): Promise<SyncProblem | null> {
    try {
      const plan = planSyncWrite(await sync.get(null), record);
      if (!plan.fits) return plan.problem;
      await sync.set(plan.items);
      // Synced. Chunks of an older, longer version only take room until this template's next
      // save or removal, which finds them again, so failing to remove them now fails nothing.
      if (plan.leftovers.length > 0) await sync.remove(plan.leftovers).catch(() => undefined);
      return null;
    } catch (error) {
      return syncProblemOf(error);
    }
  }

  /** Syncs `record`, or keeps it locally; `kept` is the problem it is already stored locally with. */
  async function put(record: TemplateRecord, kept: SyncProblem | null): Promise<PersonalTemplate> {
    const problem = await trySync(record);
    if (problem === null) await local.remove(localKey(record.id));
    // A copy already kept for the same reason is left alone: resync() may run after every change.
    else if (problem !== kept) await local.set({ [localKey(record.id)]: { v: 1, ...record, problem } });
    return { origin: 'personal', ...record, unsynced: problem };
  }

  return {
    async list() {
      const [synced, kept] = await Promise.all([sync.get(null), local.get(null)]);
      const fromSync = readSynced(synced);
      const fromLocal = readLocal(kept);
      const byId = new Map<string, PersonalTemplate>();
      for (const record of fromSync.templates) byId.set(record.id, { origin: 'personal', ...record, unsynced: null });
      // A local copy is what sync refused after the last edit on this computer: the newer version.
      for (const { record, problem } of fromLocal.copies) byId.set(record.id, { origin: 'personal', ...record, unsynced: problem });
      const damaged = new Set([...fromSync.damaged, ...fromLocal.damaged].filter((id) => !byId.has(id)));
      return { templates: [...byId.values()].sort(compareTemplates), damaged: damaged.size };
    },

    async save(input) {
      const { id = newId(), name, body } = validInput(input);
      return put({ id, name, body, updatedAt: now() }, null);
    },

    // Leaves resync() to the caller, which decides when retrying is worth write operations
    // (after a removal, at start-up, when another computer frees room) and shows what remains.
    async remove(id) {
      const keys = Object.keys(await sync.get(null)).filter((key) => ownsKey(id, key));
      if (keys.length > 0) await sync.remove(keys);
      await local.remove(localKey(id));
    },

    async resync() {
      const { copies } = readLocal(await local.get(null));
      copies.sort((a, b) => a.record.updatedAt - b.record.updatedAt || compareTemplates(a.record, b.record));
      const results: PersonalTemplate[] = [];
      // One after another: each template synced takes room the next one is measured against.
      for (const { record, problem } of copies) results.push(await put(record, problem));
      return results.filter((template) => template.unsynced !== null);
    },

    watch(onChange) {
      const listener: ChangeListener = (changes, areaName) => {
        const prefix = WATCHED_PREFIXES.get(areaName);
        if (prefix !== undefined && Object.keys(changes).some((key) => key.startsWith(prefix))) onChange();
      };
      onChanged.addListener(listener);
      return () => onChanged.removeListener(listener);
    },
  };
}
