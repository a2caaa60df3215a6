import { useEffect, useId, useRef } from 'preact/hooks';
import type { TemplatesState } from '@/utils/panel/templates-state';
import type { PersonalTemplate, Template } from '@/utils/templates/types';
import { useLocale } from './i18n';
import { syncReasonText } from './templateText';

interface Props {
  templates: TemplatesState;
  onEdit: (template: PersonalTemplate) => void;
  /** A template was deleted: its row, and the focus with it, are gone. */
  onDeleted: () => void;
}

/** The templates matching the search: the admin's first (read-only), then the agent's own. */
export function TemplateList({ templates, onEdit, onDeleted }: Props) {
  const shown = templates.shown.value;
  if (shown.length === 0) return null;
  const selected = templates.selected.value;
  return (
    <ul class="template-rows" aria-labelledby="templates-heading">
      {shown.map((template) => (
        <Row
          key={template.id}
          template={template}
          selected={selected?.id === template.id}
          templates={templates}
          onEdit={onEdit}
          onDeleted={onDeleted}
        />
      ))}
    </ul>
  );
}

interface RowProps extends Props {
  template: Template;
  selected: boolean;
}

/** The name is the button that previews the template; badges say where it comes from and whether it synced. */
function Row({ template, selected, templates, onEdit, onDeleted }: RowProps) {
  const { t } = useLocale();
  const noteId = useId();
  const personal = template.origin === 'personal' ? template : null;
  const unsynced = personal?.unsynced ?? null;
  const note = personal ? unsynced && syncReasonText(t, unsynced) : t('templateAdminNote');
  return (
    <li
      data-testid="template-row"
      data-template-id={template.id}
      data-origin={template.origin}
      data-unsynced={unsynced ?? undefined}
      class={selected ? 'template-row selected' : 'template-row'}
    >
      <div class="template-row-line">
        <button
          type="button"
          class="template-name"
          aria-current={selected ? 'true' : undefined}
          aria-describedby={note ? noteId : undefined}
          onClick={() => templates.select(template.id)}
        >
          {template.name}
        </button>
        {!personal && (
          <span class="badge" title={note ?? undefined}>
            {t('templateAdminBadge')}
          </span>
        )}
        {unsynced && (
          <span class="badge badge-warning" title={note ?? undefined} aria-describedby={noteId} data-testid="template-unsynced-badge">
            {t('templateUnsyncedBadge')}
          </span>
        )}
        {note && (
          <span id={noteId} hidden>
            {note}
          </span>
        )}
        {personal && <Actions template={personal} templates={templates} onEdit={onEdit} onDeleted={onDeleted} />}
      </div>
    </li>
  );
}

interface ActionsProps extends Omit<Props, 'templates'> {
  template: PersonalTemplate;
  templates: TemplatesState;
}

/** Edit and Delete; deleting asks first, in the row, and the focus follows what happens. */
function Actions({ template, templates, onEdit, onDeleted }: ActionsProps) {
  const { t } = useLocale();
  const deleteButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const confirming = templates.confirmingDelete.value === template.id;
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
  }, [confirming]);

  async function confirm() {
    if (await templates.confirmDelete()) onDeleted();
    else deleteButton.current?.focus();
  }
  function cancel() {
    templates.cancelDelete();
    deleteButton.current?.focus();
  }

  return (
    <>
      <span class="template-row-actions">
        <button type="button" data-testid="template-edit" aria-label={t('templateEditLabel', template.name)} onClick={() => onEdit(template)}>
          {t('edit')}
        </button>
        <button
          type="button"
          ref={deleteButton}
          data-testid="template-delete"
          aria-label={t('templateDeleteLabel', template.name)}
          onClick={() => templates.askDelete(template.id)}
        >
          {t('delete')}
        </button>
      </span>
      {confirming && (
        <div class="template-confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId}>{t('templateDeleteQuestion', template.name)}</p>
          <div class="actions">
            <button type="button" class="danger" data-testid="template-delete-confirm" disabled={templates.removing.value} onClick={() => void confirm()}>
              {t('delete')}
            </button>
            <button type="button" ref={keepButton} onClick={cancel} disabled={templates.removing.value}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
