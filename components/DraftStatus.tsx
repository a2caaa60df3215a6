import { useEffect, useRef } from 'preact/hooks';
import type { DraftState } from '@/utils/panel/draft-state';
import { ScopeConsent } from './ScopeConsent';
import { useLocale } from './i18n';
import { Notice } from './Notice';
import { draftErrorText } from './templateText';

interface Props {
  draft: DraftState;
  /**
   * Called as the agent answers the explanation or the offer: the buttons pressed go away or are
   * disabled, so the focus is handed back (to "Insert as draft") rather than lost.
   */
  onAnswer: () => void;
}

/** Where inserting the draft stands: on its way, the permission asked, done, or why not. */
export function DraftStatus({ draft, onAnswer }: Props) {
  const { t } = useLocale();
  const status = draft.status.value;
  const answer = (action: () => unknown) => () => {
    onAnswer();
    void action();
  };
  switch (status.step) {
    case 'idle':
      return null;
    case 'inserting':
      return <p role="status">{t('draftInserting')}</p>;
    case 'consent':
    case 'granting':
      return <ScopeConsent feature="drafts" granting={status.step === 'granting'} onAllow={answer(draft.allow)} onNotNow={answer(draft.dismiss)} />;
    case 'declined':
      return (
        <Notice tone="info" testId="draft-consent-declined">
          {t('draftDeclined')}
        </Notice>
      );
    case 'exists':
      return <DraftExists edited={status.edited} onReplace={answer(draft.replace)} onAdd={answer(draft.keepBoth)} onCancel={answer(draft.dismiss)} />;
    case 'done':
      return (
        <Notice tone={status.elsewhere ? 'warning' : 'info'} testId="draft-done">
          {t(status.elsewhere ? 'draftElsewhere' : status.outcome === 'replaced' ? 'draftReplaced' : 'draftDone')}
        </Notice>
      );
    case 'error':
      return (
        <Notice tone="error" testId="draft-error">
          {draftErrorText(t, status.error)}
        </Notice>
      );
  }
}

interface ExistsProps {
  edited: boolean;
  onReplace: () => void;
  onAdd: () => void;
  onCancel: () => void;
}

/** A draft of ours is already in the conversation: the agent decides, nothing is overwritten unasked. */
function DraftExists({ edited, onReplace, onAdd, onCancel }: ExistsProps) {
  const { t } = useLocale();
  const region = useRef<HTMLElement>(null);
  useEffect(() => region.current?.focus(), []);
  return (
    <section ref={region} tabIndex={-1} class="case-consent" aria-labelledby="draft-exists-text" data-testid="draft-exists" data-edited={edited}>
      <p id="draft-exists-text">
        {t('draftExists')}
        {edited && ` ${t('draftExistsEdited')}`}
      </p>
      <div class="actions">
        <button type="button" data-testid="draft-replace" onClick={onReplace}>
          {t('draftReplace')}
        </button>
        <button type="button" data-testid="draft-add" onClick={onAdd}>
          {t('draftKeepBoth')}
        </button>
        <button type="button" data-testid="draft-cancel" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}
