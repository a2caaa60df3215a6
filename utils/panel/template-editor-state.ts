/**
 * The template editor (F6, issue 5): name and body as the agent types them, the body's problems
 * flagged live, variables inserted at the cursor, and a save that says why it was refused.
 */
import { batch, computed, signal } from '@preact/signals';
import { templateProblems, type TemplateProblem } from '../templates/render';
import { TemplateInputError, type TemplateInputIssue } from '../templates/store';
import type { PersonalTemplate, TemplateInput, TemplateStore } from '../templates/types';
import type { TemplateVariable } from '../templates/variables';

/** A problem of the body, with the line it is on (1-based) for the agent to find it. */
export type EditorProblem = TemplateProblem & { line: number };

/** Why the last save did not happen: the store refused a field, or storage failed. */
export type SaveError = ({ kind: 'invalid' } & TemplateInputIssue) | { kind: 'failed'; message: string };

interface Editing {
  /** null for a new template. */
  id: string | null;
  original: TemplateInput;
}

export function createTemplateEditor(save: TemplateStore['save'], onSaved: (template: PersonalTemplate) => void) {
  const editing = signal<Editing | null>(null);
  const name = signal('');
  const body = signal('');
  const saving = signal(false);
  const error = signal<SaveError | null>(null);
  /** Cancel was pressed with changes: the panel asks before throwing them away. */
  const confirmingDiscard = signal(false);

  const problems = computed(() => problemsOf(body.value));
  const dirty = computed(() => {
    const original = editing.value?.original;
    return original !== undefined && (name.value !== original.name || body.value !== original.body);
  });
  const canSave = computed(() => name.value.trim() !== '' && body.value.trim() !== '' && !saving.value);

  function start(template: PersonalTemplate | null): void {
    const original = { name: template?.name ?? '', body: template?.body ?? '' };
    batch(() => {
      editing.value = { id: template?.id ?? null, original };
      name.value = original.name;
      body.value = original.body;
      error.value = null;
      confirmingDiscard.value = false;
    });
  }

  function close(): void {
    batch(() => {
      editing.value = null;
      confirmingDiscard.value = false;
      error.value = null;
    });
  }

  async function submit(): Promise<void> {
    const current = editing.value;
    if (!current || !canSave.value) return;
    batch(() => {
      saving.value = true;
      error.value = null;
      confirmingDiscard.value = false;
    });
    try {
      const saved = await save({ ...(current.id !== null && { id: current.id }), name: name.value, body: body.value });
      close();
      onSaved(saved);
    } catch (thrown) {
      error.value =
        thrown instanceof TemplateInputError
          ? { kind: 'invalid', ...thrown.issue }
          : { kind: 'failed', message: messageOf(thrown) };
    } finally {
      saving.value = false;
    }
  }

  /** Puts `{{variable}}` in place of the body's selection; returns where the cursor goes after it. */
  function insertVariable(variable: TemplateVariable, selectionStart: number, selectionEnd: number): number {
    const text = `{{${variable}}}`;
    const current = body.value;
    const start = Math.min(Math.max(0, selectionStart), current.length);
    const end = Math.min(Math.max(start, selectionEnd), current.length);
    body.value = current.slice(0, start) + text + current.slice(end);
    return start + text.length;
  }

  return {
    editing,
    name,
    body,
    saving,
    error,
    confirmingDiscard,
    problems,
    dirty,
    canSave,
    start,
    submit,
    insertVariable,
    /** Closes at once when nothing changed; otherwise asks first (no prompt for nothing to lose). */
    cancel(): void {
      if (saving.value) return;
      if (dirty.value) confirmingDiscard.value = true;
      else close();
    },
    discard: close,
    keepEditing: () => (confirmingDiscard.value = false),
  };
}

function problemsOf(body: string): EditorProblem[] {
  const seen = new Set<string>();
  return templateProblems(body).flatMap((problem) => {
    // A misspelt name used twice is one mistake to fix, not two.
    if (problem.kind === 'unknown-variable') {
      if (seen.has(problem.name ?? '')) return [];
      seen.add(problem.name ?? '');
    }
    return [{ ...problem, line: body.slice(0, problem.start).split('\n').length }];
  });
}

/** What a thrown error says, for the agent (storage errors carry Chrome's reason). */
export function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

export type TemplateEditorState = ReturnType<typeof createTemplateEditor>;
