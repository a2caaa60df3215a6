/** Template sources for the panel tests: a store in memory whose saves the test can make fail or stay unsynced. */
import { vi } from 'vitest';
import { statusText } from '../../../components/caseText';
import type { TemplateSources } from '../../../utils/panel/templates-state';
import {
  type AdminTemplate,
  compareTemplates,
  type PersonalTemplate,
  type SyncProblem,
  type TemplateInput,
  type TemplateStore,
} from '../../../utils/templates/types';
import { t } from './english';

export const personalTemplate = (id: string, name: string, body: string, unsynced: SyncProblem | null = null): PersonalTemplate => ({
  origin: 'personal',
  id,
  name,
  body,
  updatedAt: 1,
  unsynced,
});

export const adminTemplate = (id: string, name: string, body: string): AdminTemplate => ({ origin: 'admin', id: `admin:${id}`, name, body });

export function fakeTemplates(personal: PersonalTemplate[] = [], policy: { templates: AdminTemplate[] } = { templates: [] }) {
  const saved = new Map(personal.map((template) => [template.id, template]));
  const storeWatchers = new Set<() => void>();
  const adminWatchers = new Set<() => void>();
  let ids = 0;
  /** What the next save does: throw this, or keep the template on this computer with this problem. */
  const next: { error: Error | null; unsynced: SyncProblem | null } = { error: null, unsynced: null };

  const store = {
    list: vi.fn(async () => ({ templates: [...saved.values()].sort(compareTemplates), damaged: 0 })),
    save: vi.fn(async (input: TemplateInput & { id?: string }) => {
      if (next.error) throw next.error;
      const template = personalTemplate(input.id ?? `p-${++ids}`, input.name.trim(), input.body, next.unsynced);
      saved.set(template.id, template);
      return template;
    }),
    remove: vi.fn(async (id: string) => {
      if (next.error) throw next.error;
      saved.delete(id);
    }),
    resync: vi.fn(async () => [...saved.values()].filter((template) => template.unsynced !== null)),
    watch: (onChange: () => void) => {
      storeWatchers.add(onChange);
      return () => storeWatchers.delete(onChange);
    },
  } satisfies TemplateStore;

  const sources = {
    store,
    readAdminTemplates: vi.fn(async () => policy.templates),
    watchAdmin: (onChange: () => void) => {
      adminWatchers.add(onChange);
      return () => adminWatchers.delete(onChange);
    },
    statusText: (status) => statusText(t, status),
    copyText: vi.fn(async (_text: string) => undefined),
  } satisfies TemplateSources;

  return {
    sources,
    store,
    saved,
    next,
    policy,
    /** Another computer (or this one) changed the templates in storage. */
    storeChanged: () => storeWatchers.forEach((notify) => notify()),
    /** The admin changed the policy. */
    policyChanged: () => adminWatchers.forEach((notify) => notify()),
  };
}
