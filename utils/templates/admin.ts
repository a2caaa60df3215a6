/**
 * Admin templates (F6, issue 5): delivered by policy, storage.managed `templates`, as a list of
 * { id, name, body }, read-only for agents. A bad entry is skipped and explained to the admin;
 * the others still reach the agents.
 */
import * as z from 'zod/mini';
import { compareTemplates, templateBodySchema, templateNameSchema, templateTextSchema, type AdminTemplate } from './types';

export const MANAGED_TEMPLATES_KEY = 'templates';
/** Personal ids never contain ':', so an admin id can never take a personal template's place. */
export const ADMIN_ID_PREFIX = 'admin:';

const POLICY = `Policy "${MANAGED_TEMPLATES_KEY}"`;

const entrySchema = z.object(
  { id: templateTextSchema().check(z.minLength(1, 'must not be empty')), name: templateNameSchema, body: templateBodySchema },
  { error: 'must be an object with "id", "name" and "body"' },
);

function entryProblem(entry: number, issues: readonly z.core.$ZodIssue[]): string {
  const details = issues.map((issue) => (issue.path.length > 0 ? `"${String(issue.path[0])}" ${issue.message}` : issue.message));
  return `${POLICY}, entry ${entry}: ${details.join('; ')}.`;
}

/** Entries are numbered from 1 in problems, as an admin counts them in their policy. */
export function adminTemplatesOf(value: unknown): { templates: AdminTemplate[]; problems: string[] } {
  if (value === undefined) return { templates: [], problems: [] };
  if (!Array.isArray(value)) return { templates: [], problems: [`${POLICY} must be a list of { "id", "name", "body" } entries.`] };
  const templates: AdminTemplate[] = [];
  const problems: string[] = [];
  const entryOfId = new Map<string, number>();
  for (const [index, item] of (value as unknown[]).entries()) {
    const entry = index + 1;
    const parsed = entrySchema.safeParse(item);
    if (!parsed.success) {
      problems.push(entryProblem(entry, parsed.error.issues));
      continue;
    }
    const { id, name, body } = parsed.data;
    const first = entryOfId.get(id);
    if (first !== undefined) {
      problems.push(`${POLICY}, entry ${entry}: "id" "${id}" is already used by entry ${first}.`);
      continue;
    }
    entryOfId.set(id, entry);
    templates.push({ origin: 'admin', id: `${ADMIN_ID_PREFIX}${id}`, name, body });
  }
  return { templates: templates.sort(compareTemplates), problems };
}
