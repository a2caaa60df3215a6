import { useRef } from 'preact/hooks';
import { formatCount } from '@/utils/i18n/format';
import { DRAFT_TEXT_MAX } from '@/utils/messaging/protocol';
import type { TemplatesState } from '@/utils/panel/templates-state';
import { DraftStatus } from './DraftStatus';
import { useLocale } from './i18n';
import { Notice } from './Notice';
import { insertBlockText, variableToken } from './templateText';

interface Props {
  templates: TemplatesState;
}

const BLOCK_ID = 'template-insert-blocked';

/**
 * The selected template as it will be inserted: rendered with the open conversation's values and
 * shown as text (never as HTML), line breaks kept; what had no value is listed under it.
 */
export function TemplatePreview({ templates }: Props) {
  const { t, language } = useLocale();
  const insertButton = useRef<HTMLButtonElement>(null);
  const template = templates.selected.value;
  const rendered = templates.preview.value;
  if (!template || !rendered) return null;
  const block = templates.insertBlock.value;
  const draft = templates.draft;
  const copied = templates.copied.value;
  const noConversation = !templates.subject.value?.conversation;
  return (
    <section class="card template-preview-card" aria-labelledby="template-preview-heading" aria-busy={draft.busy.value}>
      <h3 id="template-preview-heading" class="eyebrow">
        {t('templatePreviewHeading')}
      </h3>
      <p class="template-preview-name">{template.name}</p>
      {noConversation && (
        <p class="muted" data-testid="template-preview-no-conversation">
          {t('previewNoConversation')}
        </p>
      )}
      {/* A long text scrolls in its box: focusable, so the keyboard can scroll it too (WCAG 2.1.1). */}
      <pre class="template-text" data-testid="template-preview" tabIndex={0} role="region" aria-label={t('templatePreviewTextLabel')}>
        {rendered.text}
      </pre>
      {rendered.missing.length + rendered.unknown.length > 0 && (
        <ul class="template-missing" data-testid="template-preview-missing">
          {rendered.missing.map((name) => (
            <li key={name} data-variable={name}>
              {t('previewMissing', variableToken(name))}
            </li>
          ))}
          {rendered.unknown.map((name) => (
            <li key={`unknown:${name}`} data-variable={name}>
              {t('templateProblemUnknown', variableToken(name))}
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button
          type="button"
          ref={insertButton}
          class="primary"
          data-testid="template-insert"
          disabled={block !== null}
          aria-disabled={draft.busy.value}
          aria-describedby={block ? BLOCK_ID : undefined}
          onClick={() => void templates.insert()}
        >
          {t('templateInsert')}
        </button>
        <button type="button" data-testid="template-copy" onClick={() => void templates.copy()}>
          {t('copy')}
        </button>
      </div>
      {block && (
        <p id={BLOCK_ID} class="muted" data-testid="template-insert-blocked" data-reason={block}>
          {insertBlockText(t, block, formatCount(DRAFT_TEXT_MAX, language))}
        </p>
      )}
      {copied && (
        <Notice tone={copied === 'copied' ? 'info' : 'warning'} testId="template-copied">
          {t(copied === 'copied' ? 'templateCopied' : 'templateCopyFailed')}
        </Notice>
      )}
      <DraftStatus draft={draft} onAnswer={() => insertButton.current?.focus()} />
    </section>
  );
}
