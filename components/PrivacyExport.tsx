import type { PrivacyState } from '@/utils/panel/privacy-state';
import { errorText } from './errorText';
import { useLocale } from './i18n';
import { Notice } from './Notice';

interface Props {
  privacy: PrivacyState;
  account: string;
}

/** F7 › Export my data (portability): one JSON file, saved like any download from a web page. */
export function PrivacyExport({ privacy, account }: Props) {
  const { t } = useLocale();
  const exporting = privacy.exporting.value;
  const exported = privacy.exported.value;
  const error = privacy.exportError.value;
  return (
    <section class="privacy-section" aria-labelledby="privacy-export-heading" data-testid="privacy-export">
      <h3 id="privacy-export-heading">{t('exportHeading')}</h3>
      <p class="muted">{t('exportIntro', account)}</p>
      <button type="button" disabled={exporting} onClick={() => void privacy.exportData()}>
        {t('exportButton')}
      </button>
      {exporting && <p role="status">{t('exportWorking')}</p>}
      {exported && (
        <Notice tone="info" testId="export-done">
          {t('exportDone', exported)}
        </Notice>
      )}
      {error && (
        <Notice tone="error" testId="export-error">
          {t('exportFailed', errorText(t, error))}
        </Notice>
      )}
    </section>
  );
}
