import { useEffect, useRef } from 'preact/hooks';
import { formatCount, isSingular } from '@/utils/i18n/format';
import type { TemplatesState } from '@/utils/panel/templates-state';
import { searchWords } from '@/utils/panel/template-search';
import { useLocale } from './i18n';
import { Notice } from './Notice';
import { TemplateEditor } from './TemplateEditor';
import { TemplateList } from './TemplateList';
import { TemplatePreview } from './TemplatePreview';
import { unsyncedWarningText } from './templateText';

interface Props {
  templates: TemplatesState;
}

/**
 * F6: the admin's and the agent's reply templates. A click on a template's name shows its preview,
 * from which it is inserted as a draft or copied. The list stays in the page, hidden, while the
 * editor is open, so the button that opened the editor can take the focus back when it closes.
 */
export function TemplatesView({ templates }: Props) {
  const { t, language } = useLocale();
  const editing = templates.editor.editing.value !== null;
  const newButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (editing) return;
    opener.current?.focus();
    opener.current = null;
  }, [editing]);

  function openEditor(start: () => void) {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    start();
  }

  return (
    <section class="templates" aria-labelledby="templates-heading" data-testid="templates" data-state={templates.loaded.value ? 'ready' : 'loading'}>
      <div class="templates-head">
        <h2 id="templates-heading">{t('templatesHeading')}</h2>
        <button type="button" ref={newButton} data-testid="template-new" hidden={editing} onClick={() => openEditor(templates.startNew)}>
          {t('templateNew')}
        </button>
      </div>
      {editing && <TemplateEditor editor={templates.editor} />}
      <div hidden={editing}>
        <Notices templates={templates} />
        {/* A visible label: a hint inside the box would vanish as the agent types. */}
        <label class="template-search-label" for="template-search">
          {t('templateSearchLabel')}
        </label>
        <input
          type="search"
          id="template-search"
          class="template-search"
          data-testid="template-search"
          value={templates.query.value}
          onInput={(event) => templates.search(event.currentTarget.value)}
        />
        <p class="muted template-count" role="status" data-testid="template-count" data-count={templates.shown.value.length}>
          {countText()}
        </p>
        <TemplateList templates={templates} onEdit={(template) => openEditor(() => templates.edit(template))} onDeleted={() => newButton.current?.focus()} />
        {templates.preview.value && <TemplatePreview templates={templates} />}
      </div>
    </section>
  );

  function countText(): string {
    const total = templates.all.value.length;
    const found = templates.shown.value.length;
    if (!templates.loaded.value) return t('templatesLoading');
    if (total === 0) return t('templatesEmpty');
    if (searchWords(templates.query.value).length === 0) {
      return t(isSingular(total, language) ? 'templatesCountOne' : 'templatesCountOther', formatCount(total, language));
    }
    if (found === 0) return t('templatesNoMatch', templates.query.value.trim());
    return t(isSingular(found, language) ? 'templatesMatchOne' : 'templatesMatchOther', formatCount(found, language));
  }
}

/** What the last save, delete or read of the agent's templates has to say. */
function Notices({ templates }: Props) {
  const { t, language } = useLocale();
  const saved = templates.saved.value;
  const deleteError = templates.deleteError.value;
  const loadError = templates.loadError.value;
  const damaged = templates.damaged.value;
  return (
    <>
      {saved?.unsynced ? (
        <Notice tone="warning" testId="template-unsynced-warning">
          {unsyncedWarningText(t, saved.unsynced)}
        </Notice>
      ) : (
        saved && (
          <Notice tone="info" testId="template-saved">
            {t('templateSaved', saved.name)}
          </Notice>
        )
      )}
      {deleteError && (
        <Notice tone="error" testId="template-delete-error">
          {t('templateDeleteFailed', deleteError.name, deleteError.message)}
        </Notice>
      )}
      {loadError && (
        <Notice tone="error" testId="templates-load-error">
          {t('templatesLoadError', loadError)}{' '}
          <button type="button" class="link" onClick={() => void templates.reload()}>
            {t('retry')}
          </button>
        </Notice>
      )}
      {damaged > 0 && (
        <Notice tone="warning" testId="templates-damaged">
          {t(isSingular(damaged, language) ? 'templatesDamagedOne' : 'templatesDamagedOther', formatCount(damaged, language))}
        </Notice>
      )}
    </>
  );
}
