import { formatCount, formatSize } from '@/utils/i18n/format';
import type { PrivacyState } from '@/utils/panel/privacy-state';
import { errorText } from './errorText';
import { useLocale } from './i18n';
import { Notice } from './Notice';
import { retentionText, STORED_CATEGORY_TEXT } from './privacyText';

interface Props {
  privacy: PrivacyState;
}

/** F7 › What is stored: per category, how many records, about how much, and for how long. */
export function PrivacyStored({ privacy }: Props) {
  const { t, language } = useLocale();
  const summary = privacy.summary.value;
  const error = privacy.summaryError.value;
  return (
    <section class="privacy-section" aria-labelledby="privacy-stored-heading" data-testid="privacy-stored">
      <h3 id="privacy-stored-heading">{t('storedHeading')}</h3>
      {error && (
        <Notice tone="error" testId="privacy-stored-error">
          {t('storedError', errorText(t, error))}{' '}
          <button type="button" class="link" onClick={() => void privacy.retrySummary()}>
            {t('retry')}
          </button>
        </Notice>
      )}
      {!summary && !error && <p class="muted" role="status">{t('storedLoading')}</p>}
      {summary && (
        <table class="privacy-table">
          <thead>
            <tr>
              <th scope="col">{t('privacyData')}</th>
              <th scope="col" class="number">{t('privacyItems')}</th>
              <th scope="col" class="number">{t('storedSize')}</th>
              <th scope="col">{t('storedRetention')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.categories.map(({ category, count, bytes }) => (
              <tr key={category} data-testid="stored-row" data-category={category} data-count={count}>
                <th scope="row">{t(STORED_CATEGORY_TEXT[category])}</th>
                <td class="number">{formatCount(count, language)}</td>
                <td class="number">{formatSize(bytes, language)}</td>
                <td>{retentionText(t, category, summary.retentionDays, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
