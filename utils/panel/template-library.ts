/**
 * The templates the section lists (F6, issue 5): the admin's, from policy, and the agent's own,
 * from the store; read when the section is first shown, then again whenever either changes.
 */
import { batch, computed, signal } from '@preact/signals';
import { type AdminTemplate, compareTemplates, type PersonalTemplate, type Template } from '../templates/types';
import { messageOf } from './template-editor-state';
import type { TemplateSources } from './templates-state';

export function createTemplateLibrary(sources: Pick<TemplateSources, 'store' | 'readAdminTemplates' | 'watchAdmin'>) {
  const { store } = sources;
  const personal = signal<PersonalTemplate[]>([]);
  const admin = signal<AdminTemplate[]>([]);
  /** Saved templates the store could not read back (counted, not shown). */
  const damaged = signal(0);
  const loaded = signal(false);
  const loadError = signal<string | null>(null);
  let watching = false;

  /** Read-only first: the admin's templates are the team's, the agent's own follow. */
  const all = computed<Template[]>(() => [...admin.value, ...personal.value]);

  const loadPersonal = newestOnly(
    () => store.list(),
    (answer) =>
      batch(() => {
        loaded.value = true;
        loadError.value = answer.ok ? null : messageOf(answer.error);
        if (!answer.ok) return;
        personal.value = answer.value.templates;
        damaged.value = answer.value.damaged;
      }),
  );
  const loadAdmin = newestOnly(
    () => sources.readAdminTemplates(),
    // The policy's own problems are named by the panel's policy notice, for every setting at once.
    (answer) => {
      admin.value = answer.ok ? [...answer.value] : [];
    },
  );

  /**
   * Templates kept on this computer only are offered to sync again where room may have been made:
   * at start-up and after a deletion. What syncs is written, so the store's watch reloads the list;
   * what still does not keeps its flag, so a failure here has nothing more to say.
   */
  async function resync(): Promise<void> {
    await store.resync().catch(() => undefined);
  }

  return {
    all,
    personal,
    damaged,
    loaded,
    loadError,
    /** The section is shown: read both sources the first time, and follow their changes from then on. */
    open(): void {
      if (watching) return;
      watching = true;
      store.watch(() => void loadPersonal());
      sources.watchAdmin(() => void loadAdmin());
      void loadPersonal();
      void loadAdmin();
      void resync();
    },
    reload: () => Promise.all([loadPersonal(), loadAdmin()]),
    /** Shows a template just saved at once; the store's change event brings the same a moment later. */
    put(template: PersonalTemplate): void {
      personal.value = [...personal.value.filter(({ id }) => id !== template.id), template].sort(compareTemplates);
    },
    async remove(template: PersonalTemplate): Promise<void> {
      await store.remove(template.id);
      personal.value = personal.value.filter(({ id }) => id !== template.id);
      void resync();
    },
  };
}

type Answer<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A read whose answers are applied newest first only: a slow old read never hides a newer one. */
function newestOnly<T>(read: () => Promise<T>, apply: (answer: Answer<T>) => void): () => Promise<void> {
  let sequence = 0;
  return async () => {
    const mine = ++sequence;
    const answer = await read().then(
      (value): Answer<T> => ({ ok: true, value }),
      (error: unknown): Answer<T> => ({ ok: false, error }),
    );
    if (mine === sequence) apply(answer);
  };
}

export type TemplateLibrary = ReturnType<typeof createTemplateLibrary>;
