/**
 * Admin templates (F6, issue 5): delivered by policy, storage.managed `templates`, as a list of
 * { id, name, body }, read-only for agents. A bad entry is skipped and explained to the admin;
 * the others still reach the agents.
 */
import * as z from 'zod/mini';
import { problem, type ProblemText } from '../policy/setting';
import { compareTemplates, templateBodySchema, templateNameSchema, templateTextSchema, type AdminTemplate } from './types';

export const MANAGED_TEMPLATES_KEY = 'templates';
/** Personal ids never contain ':', so an admin id can never take a personal template's place. */
export const ADMIN_ID_PREFIX = 'admin:';

const entrySchema = z.object(
  { id: templateTextSchema().check(z.minLength(1, 'must not be empty')), name: templateNameSchema, body: templateBodySchema },
  { error: 'must be an object with "id", "name" and "body"' },
);

/** One problem per refused field, told by zod's issue code (not its English message). */
function entryProblems(entry: number, item: unknown, issues: readonly z.core.$ZodIssue[]): ProblemText[] {
  return issues.map((issue) => {
    const field = issue.path[0];
    if (field === undefined) return problem('policyTemplatesEntryNotObject', entry);
    const name = String(field);
    if (issue.code === 'invalid_type') {
      const missing = (item as Record<string, unknown>)[name] === undefined;
      return problem(missing ? 'policyTemplatesFieldMissing' : 'policyTemplatesFieldNotText', entry, name);
    }
    if (issue.code === 'too_big') return problem('policyTemplatesFieldTooLong', entry, name, Number(issue.maximum));
    return problem('policyTemplatesFieldEmpty', entry, name);
  });
}

/** Entries are numbered from 1 in problems, as an admin counts them in their policy. */
export function adminTemplatesOf(value: unknown): { templates: AdminTemplate[]; problems: ProblemText[] } {
  if (value === undefined) return { templates: [], problems: [] };
  if (!Array.isArray(value)) return { templates: [], problems: [problem('policyTemplatesNotList')] };
  const templates: AdminTemplate[] = [];
  const problems: ProblemText[] = [];
  const entryOfId = new Map<string, number>();
  for (const [index, item] of (value as unknown[]).entries()) {
    const entry = index + 1;
    const parsed = entrySchema.safeParse(item);
    if (!parsed.success) {
      problems.push(...entryProblems(entry, item, parsed.error.issues));
      continue;
    }
    const { id, name, body } = parsed.data;
    const first = entryOfId.get(id);
    if (first !== undefined) {
      problems.push(problem('policyTemplatesDuplicateId', entry, id, first));
      continue;
    }
    entryOfId.set(id, entry);
    templates.push({ origin: 'admin', id: `${ADMIN_ID_PREFIX}${id}`, name, body });
  }
  return { templates: templates.sort(compareTemplates), problems };
}
