import { useEffect, useRef } from 'preact/hooks';
import { useLocale } from './i18n';

interface Props {
  granting: boolean;
  onAllow: () => void;
  onNotNow: () => void;
}

/**
 * Issue 4 › incremental consent: why iCustomer asks to manage labels, asked only when the agent
 * first sets a status, and that saying no costs nothing else.
 */
export function CaseConsent({ granting, onAllow, onNotNow }: Props) {
  const { t } = useLocale();
  const region = useRef<HTMLElement>(null);
  // The explanation appears below the buttons just pressed: bring it to the agent's attention.
  useEffect(() => region.current?.focus(), []);
  return (
    <section ref={region} tabIndex={-1} class="case-consent" aria-labelledby="case-consent-title" data-testid="case-consent">
      <h3 id="case-consent-title">{t('caseConsentTitle')}</h3>
      <p>{t('caseConsentBody')}</p>
      <p>{t('caseConsentOptional')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={onAllow} disabled={granting}>
          {t('caseConsentAllow')}
        </button>
        <button type="button" onClick={onNotNow} disabled={granting}>
          {t('notNow')}
        </button>
      </div>
      {granting && <p role="status">{t('signingIn')}</p>}
    </section>
  );
}
