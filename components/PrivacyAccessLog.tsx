import { formatCount, formatWhen } from '@/utils/i18n/format';
import type { PrivacyState } from '@/utils/panel/privacy-state';
import { errorText } from './errorText';
import { useLocale } from './i18n';
import { Notice } from './Notice';
import { ACCESS_CATEGORY_TEXT, accessResultText, FEATURE_TEXT } from './privacyText';

interface Props {
  privacy: PrivacyState;
  now: number;
}

/**
 * F7 › Access log: every call to Google for this account, newest first — when, for which feature,
 * which kind of data, how many items; never content. A narrow panel scrolls the table sideways, so
 * the scrolling region takes the keyboard focus.
 */
export function PrivacyAccessLog({ privacy, now }: Props) {
  const { t, language } = useLocale();
  const log = privacy.log.value;
  const error = privacy.logError.value;
  const loading = privacy.logLoading.value;
  const entries = log?.entries ?? [];
  return (
    <section class="privacy-section" aria-labelledby="privacy-log-heading" data-testid="privacy-access-log">
      <h3 id="privacy-log-heading">{t('accessLogHeading')}</h3>
      <p class="muted">{t('accessLogIntro')}</p>
      {log && entries.length === 0 && <p data-testid="access-log-empty">{t('accessLogEmpty')}</p>}
      {entries.length > 0 && (
        <div class="table-scroll" role="region" aria-label={t('accessLogEntriesLabel')} tabIndex={0}>
          <table class="privacy-table" data-testid="access-log-table">
            <thead>
              <tr>
                <th scope="col">{t('accessLogWhen')}</th>
                <th scope="col">{t('accessLogFeature')}</th>
                <th scope="col">{t('privacyData')}</th>
                <th scope="col">{t('accessLogMethod')}</th>
                <th scope="col" class="number">{t('privacyItems')}</th>
                <th scope="col">{t('accessLogResult')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={`${entry.at}-${index}`} data-testid="access-log-row">
                  <td>
                    <time dateTime={new Date(entry.at).toISOString()}>{formatWhen(entry.at, now, language)}</time>
                  </td>
                  <td>{t(FEATURE_TEXT[entry.feature])}</td>
                  <td>{t(ACCESS_CATEGORY_TEXT[entry.category])}</td>
                  <td>
                    <code>{entry.method}</code>
                  </td>
                  <td class="number">{formatCount(entry.items, language)}</td>
                  <td class={entry.ok ? undefined : 'failed'}>{accessResultText(t, entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loading && <p class="muted" role="status">{t('accessLogLoading')}</p>}
      {error && (
        <Notice tone="error" testId="access-log-error">
          {t('accessLogError', errorText(t, error))}{' '}
          <button type="button" class="link" onClick={() => void (log ? privacy.showMore() : privacy.retryLog())}>
            {t('retry')}
          </button>
        </Notice>
      )}
      {log?.more && !loading && (
        <button type="button" data-testid="access-log-more" onClick={() => void privacy.showMore()}>
          {t('accessLogShowMore')}
        </button>
      )}
    </section>
  );
}
