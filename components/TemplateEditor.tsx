import { useEffect, useRef } from 'preact/hooks';
import type { TemplateEditorState } from '@/utils/panel/template-editor-state';
import { TEMPLATE_BODY_MAX, TEMPLATE_NAME_MAX } from '@/utils/templates/types';
import type { TemplateVariable } from '@/utils/templates/variables';
import { useLocale } from './i18n';
import { TemplateVariables } from './TemplateVariables';
import { problemText, saveErrorText } from './templateText';

interface Props {
  editor: TemplateEditorState;
}

const PROBLEMS_ID = 'template-problems';
const ERROR_ID = 'template-error';
const HINT_ID = 'template-body-hint';

/**
 * New template / Edit: the body's problems are listed as the agent types and tied to the field
 * (aria-describedby); Escape or Cancel closes, asking first only when something would be lost.
 */
export function TemplateEditor({ editor }: Props) {
  const { t, language } = useLocale();
  const nameField = useRef<HTMLInputElement>(null);
  const bodyField = useRef<HTMLTextAreaElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => nameField.current?.focus(), []);
  const problems = editor.problems.value;
  const error = editor.error.value;
  const isNew = editor.editing.value?.id === null;
  /** The field the store refused, if it said which; a storage failure belongs to no field. */
  const invalid = error?.kind === 'invalid' ? (error.field === 'body' ? 'body' : 'name') : null;

  function insert(variable: TemplateVariable) {
    const field = bodyField.current;
    if (!field) return;
    const caret = editor.insertVariable(variable, field.selectionStart, field.selectionEnd);
    // Written to the field at once, so the caret can be put after the variable before Preact renders the same value.
    field.value = editor.body.value;
    field.focus();
    field.setSelectionRange(caret, caret);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    editor.cancel();
  }

  return (
    <form
      class="card template-editor"
      aria-labelledby="template-editor-title"
      data-testid="template-editor"
      aria-busy={editor.saving.value}
      onSubmit={(event) => {
        event.preventDefault();
        void editor.submit();
      }}
      onKeyDown={onKeyDown}
    >
      <h3 id="template-editor-title">{isNew ? t('templateNew') : t('templateEditTitle')}</h3>
      <label for="template-name">{t('templateNameLabel')}</label>
      <input
        id="template-name"
        ref={nameField}
        data-testid="template-name"
        value={editor.name.value}
        maxLength={TEMPLATE_NAME_MAX}
        required
        autoComplete="off"
        aria-invalid={invalid === 'name'}
        aria-describedby={invalid === 'name' ? ERROR_ID : undefined}
        onInput={(event) => (editor.name.value = event.currentTarget.value)}
      />
      <label for="template-body">{t('templateBodyLabel')}</label>
      <textarea
        id="template-body"
        ref={bodyField}
        data-testid="template-body"
        rows={8}
        value={editor.body.value}
        maxLength={TEMPLATE_BODY_MAX}
        required
        aria-invalid={invalid === 'body'}
        aria-describedby={[HINT_ID, problems.length > 0 && PROBLEMS_ID, invalid === 'body' && ERROR_ID].filter(Boolean).join(' ')}
        onInput={(event) => (editor.body.value = event.currentTarget.value)}
      />
      <p id={HINT_ID} class="muted template-hint">
        {t('templateBodyHint')}
      </p>
      {problems.length > 0 && (
        <ul id={PROBLEMS_ID} class="template-problems" data-testid="template-problems">
          {problems.map((problem) => (
            <li key={`${problem.kind}:${problem.start}`} data-kind={problem.kind} data-name={problem.name}>
              {problemText(t, problem)}
            </li>
          ))}
        </ul>
      )}
      <TemplateVariables onInsert={insert} />
      {error && (
        <p id={ERROR_ID} class="notice notice-error" role="alert" data-testid="template-error">
          {saveErrorText(t, error, language)}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" data-testid="template-save" disabled={!editor.canSave.value}>
          {editor.saving.value ? t('templateSaving') : t('save')}
        </button>
        <button type="button" ref={cancelButton} data-testid="template-cancel" onClick={editor.cancel}>
          {t('cancel')}
        </button>
      </div>
      {editor.confirmingDiscard.value && (
        <DiscardConfirm
          onDiscard={editor.discard}
          onKeepEditing={() => {
            editor.keepEditing();
            cancelButton.current?.focus();
          }}
        />
      )}
    </form>
  );
}

function DiscardConfirm({ onDiscard, onKeepEditing }: { onDiscard: () => void; onKeepEditing: () => void }) {
  const { t } = useLocale();
  const keepButton = useRef<HTMLButtonElement>(null);
  // The least destructive choice takes the focus: Enter pressed by habit loses nothing.
  useEffect(() => keepButton.current?.focus(), []);
  return (
    <div class="template-confirm" role="group" aria-labelledby="template-discard-question">
      <p id="template-discard-question">{t('templateDiscardQuestion')}</p>
      <div class="actions">
        <button type="button" class="danger" data-testid="template-discard" onClick={onDiscard}>
          {t('templateDiscard')}
        </button>
        <button type="button" ref={keepButton} data-testid="template-keep-editing" onClick={onKeepEditing}>
          {t('templateKeepEditing')}
        </button>
      </div>
    </div>
  );
}
