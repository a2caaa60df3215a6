/**
 * The templates section's state (F6), made the first time the section is shown: its code is a
 * chunk of its own, so the panel's first paint does not wait for it (F12, the panel's bundle
 * budget). A chunk that could not be read is asked for again the next time the section is shown.
 */
import { type ReadonlySignal, signal } from '@preact/signals';
import type { PanelStateDeps } from './state';
import type { TemplateSources, TemplatesState, TemplateSubject } from './templates-state';

type DraftSubject = Parameters<TemplatesState['follow']>[0];

export function createTemplatesLoader(
  deps: Pick<PanelStateDeps, 'request'> & { templates: TemplateSources },
  subject: ReadonlySignal<TemplateSubject | null>,
) {
  const state = signal<TemplatesState | null>(null);
  let making: Promise<TemplatesState> | null = null;
  /** The conversation the tab shows, for a state made later to start from. */
  let followed: DraftSubject = null;

  return {
    /** null until the section has been shown and its code read. */
    state: state as ReadonlySignal<TemplatesState | null>,
    /** The section is shown: reads its templates, making its state first if need be. */
    open(): void {
      making ??= import('./templates-state').then(({ createTemplatesState }) => {
        const made = createTemplatesState(deps, subject);
        made.follow(followed);
        state.value = made;
        return made;
      });
      making.then(
        (made) => made.open(),
        () => {
          making = null;
        },
      );
    },
    /** The tab moved to another conversation (or none): a draft on its way for the previous one is dropped. */
    follow(next: DraftSubject): void {
      followed = next;
      state.peek()?.follow(next);
    },
  };
}

export type TemplatesLoader = ReturnType<typeof createTemplatesLoader>;
