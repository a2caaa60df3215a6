import { useRef } from 'preact/hooks';
import type { PrivacyState } from '@/utils/panel/privacy-state';
import { errorText } from './errorText';
import { useLocale } from './i18n';
import { Notice } from './Notice';
import { useConfirmFocus } from './useConfirmFocus';

interface Props {
  privacy: PrivacyState;
}

/**
 * F7 › Delete all local data, for every account on this computer. The confirmation says what goes
 * and what stays before anything is deleted; afterwards every account is signed out.
 */
export function PrivacyDeleteAll({ privacy }: Props) {
  const { t } = useLocale();
  const confirming = privacy.confirmingDeleteAll.value;
  const deleting = privacy.deletingAll.value;
  const error = privacy.deleteAllError.value;
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useConfirmFocus(confirming, question, opener);
  return (
    <section class="privacy-section" aria-labelledby="privacy-delete-heading" data-testid="privacy-delete-all">
      <h3 id="privacy-delete-heading">{t('deleteAllHeading')}</h3>
      <p class="muted">{t('deleteAllIntro')}</p>
      <button type="button" ref={opener} hidden={confirming} onClick={privacy.askDeleteAll}>
        {t('deleteAllButton')}
      </button>
      {confirming && (
        <div class="confirm" role="group" aria-labelledby="delete-all-question" data-testid="delete-all-confirm">
          <p id="delete-all-question" ref={question} tabIndex={-1}>
            {t('deleteAllQuestion')}
          </p>
          <p class="confirm-list-title">{t('deleteAllGoes')}</p>
          <ul>
            <li>{t('deleteAllGoesCache')}</li>
            <li>{t('deleteAllGoesLog')}</li>
            <li>{t('deleteAllGoesLocal')}</li>
          </ul>
          <p class="confirm-list-title">{t('deleteAllStays')}</p>
          <ul>
            <li>{t('deleteAllStaysSynced')}</li>
            <li>{t('deleteAllStaysGmail')}</li>
          </ul>
          <p>{t('deleteAllSignsOut')}</p>
          <div class="actions">
            <button type="button" class="danger" disabled={deleting} onClick={() => void privacy.confirmDeleteAll()}>
              {t('deleteAllConfirm')}
            </button>
            <button type="button" disabled={deleting} onClick={privacy.cancelDeleteAll}>
              {t('cancel')}
            </button>
          </div>
          {deleting && <p role="status">{t('deleteAllWorking')}</p>}
        </div>
      )}
      {error && (
        <Notice tone="error" testId="delete-all-error">
          {t('deleteAllFailed', errorText(t, error))}
        </Notice>
      )}
    </section>
  );
}
