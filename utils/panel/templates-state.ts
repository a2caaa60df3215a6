/**
 * The templates section's state (F6, issue 5): the admin's templates (policy, read-only) and the
 * agent's own (storage.sync), searched as the agent types, edited and deleted, previewed with the
 * open conversation's values, and inserted into it as a reply draft.
 */
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import type { CaseStatus } from '../cases/labels';
import type { Conversation } from '../mail/types';
import { DRAFT_TEXT_MAX } from '../messaging/protocol';
import { renderTemplate, templateProblems } from '../templates/render';
import type { AdminTemplate, PersonalTemplate, TemplateStore } from '../templates/types';
import { type TemplateContext, templateValuesOf } from '../templates/variables';
import { createDraftState } from './draft-state';
import type { PanelStateDeps } from './state';
import { createTemplateEditor, messageOf } from './template-editor-state';
import { createTemplateLibrary } from './template-library';
import { matchesWords, searchWords, templateSearchKey } from './template-search';

/** Where templates come from, and what the section needs around them (main.tsx wires the real ones). */
export interface TemplateSources {
  store: TemplateStore;
  readAdminTemplates: () => Promise<readonly AdminTemplate[]>;
  /** Calls back when the admin's policy changes (storage.onChanged, area 'managed'). */
  watchAdmin: (onChange: () => void) => () => void;
  /** A case status in the agent's language, as the case controls show it. */
  statusText: (status: CaseStatus) => string;
  copyText: (text: string) => Promise<void>;
}

/** Whose values fill the preview: the signed-in agent and, when loaded, the open conversation. */
export interface TemplateSubject {
  tabId: number;
  agent: { email: string; name: string };
  conversation: Conversation | null;
  /** The tab shows a conversation still on its way. */
  loading: boolean;
  status: CaseStatus | null;
}

/** Why "Insert as draft" is not offered for the preview on screen. */
export type InsertBlock = 'no-conversation' | 'loading' | 'empty' | 'too-long' | 'unclosed-braces';

export function createTemplatesState(
  deps: Pick<PanelStateDeps, 'request'> & { templates: TemplateSources },
  subject: ReadonlySignal<TemplateSubject | null>,
) {
  const sources = deps.templates;
  const library = createTemplateLibrary(sources);
  const query = signal('');
  /** Admin ids are prefixed (admin.ts), so one id names one template among both kinds. */
  const selectedId = signal<string | null>(null);
  /** The template just saved: its sync problem, if any, is explained until the next action. */
  const saved = signal<PersonalTemplate | null>(null);
  const confirmingDelete = signal<string | null>(null);
  const removing = signal(false);
  const deleteError = signal<{ name: string; message: string } | null>(null);
  const copied = signal<'copied' | 'failed' | null>(null);
  const draft = createDraftState(deps);
  const editor = createTemplateEditor(
    (input) => sources.store.save(input),
    (template) =>
      batch(() => {
        library.put(template);
        saved.value = template;
        select(template.id);
      }),
  );

  const searchable = computed(() => library.all.value.map((template) => ({ template, key: templateSearchKey(template) })));
  const shown = computed(() => {
    const words = searchWords(query.value);
    return searchable.value.filter(({ key }) => matchesWords(key, words)).map(({ template }) => template);
  });
  const selected = computed(() => library.all.value.find((template) => template.id === selectedId.value) ?? null);
  const preview = computed(() => {
    const template = selected.value;
    const at = subject.value;
    return template && at ? renderTemplate(template.body, templateValuesOf(contextOf(at, sources.statusText))) : null;
  });
  const insertBlock = computed<InsertBlock | null>(() => {
    const at = subject.value;
    const text = preview.value?.text ?? '';
    if (!at?.conversation) return at?.loading ? 'loading' : 'no-conversation';
    if (text.trim() === '') return 'empty';
    // A "{{" with no "}}" stays in the text as typed: the customer would read raw braces.
    if (selected.value && templateProblems(selected.value.body).some((problem) => problem.kind === 'unclosed-braces')) return 'unclosed-braces';
    return text.length > DRAFT_TEXT_MAX ? 'too-long' : null;
  });

  function select(id: string): void {
    batch(() => {
      selectedId.value = id;
      copied.value = null;
      draft.reset();
    });
  }

  /** Opens the editor, on a personal template or a new one, closing what else was open. */
  function startEditing(template: PersonalTemplate | null): void {
    batch(() => {
      saved.value = null;
      confirmingDelete.value = null;
      deleteError.value = null;
      editor.start(template);
    });
  }

  /** Deletes the template awaiting confirmation; true once it is gone. */
  async function confirmDelete(): Promise<boolean> {
    const template = library.personal.value.find(({ id }) => id === confirmingDelete.value);
    if (!template || removing.value) return false;
    removing.value = true;
    try {
      await library.remove(template);
      return true;
    } catch (thrown) {
      deleteError.value = { name: template.name, message: messageOf(thrown) };
      return false;
    } finally {
      batch(() => {
        removing.value = false;
        confirmingDelete.value = null;
      });
    }
  }

  async function copy(): Promise<void> {
    const text = preview.value?.text;
    if (text === undefined) return;
    copied.value = await sources.copyText(text).then(
      () => 'copied' as const,
      () => 'failed' as const,
    );
  }

  function insert(): Promise<void> {
    const at = subject.value;
    const text = preview.value?.text;
    if (!at?.conversation || text === undefined || insertBlock.value !== null) return Promise.resolve();
    return draft.insert({ tabId: at.tabId, threadId: at.conversation.threadId, text });
  }

  return {
    all: library.all,
    damaged: library.damaged,
    loaded: library.loaded,
    loadError: library.loadError,
    open: library.open,
    reload: library.reload,
    shown,
    query,
    selected,
    subject,
    preview,
    insertBlock,
    saved,
    confirmingDelete,
    removing,
    deleteError,
    copied,
    editor,
    draft,
    search: (text: string) => (query.value = text),
    select,
    startNew: () => startEditing(null),
    edit: (template: PersonalTemplate) => startEditing(template),
    askDelete: (id: string) =>
      batch(() => {
        confirmingDelete.value = id;
        deleteError.value = null;
      }),
    cancelDelete: () => (confirmingDelete.value = null),
    confirmDelete,
    copy,
    insert,
    follow: draft.follow,
  };
}

function contextOf({ agent, conversation, status }: TemplateSubject, statusText: TemplateSources['statusText']): TemplateContext {
  const customer = conversation?.customer ?? null;
  return {
    customer: customer && { name: customer.name, email: customer.email },
    agent,
    subject: conversation?.subject ?? '',
    status: status === null ? null : statusText(status),
  };
}

export type TemplatesState = ReturnType<typeof createTemplatesState>;
