import { useEffect, useRef } from 'preact/hooks';
import { useLocale } from './i18n';

interface Props {
  granting: boolean;
  onAllow: () => void;
  onNotNow: () => void;
}

/**
 * Issue 5 › incremental consent: why iCustomer asks to manage drafts, asked only when the agent
 * first inserts one; Google's words for that permission include sending, which iCustomer never does.
 */
export function DraftConsent({ granting, onAllow, onNotNow }: Props) {
  const { t } = useLocale();
  const region = useRef<HTMLElement>(null);
  // The explanation appears below the button just pressed: bring it to the agent's attention.
  useEffect(() => region.current?.focus(), []);
  return (
    <section ref={region} tabIndex={-1} class="case-consent" aria-labelledby="draft-consent-title" data-testid="draft-consent">
      <h3 id="draft-consent-title">{t('draftConsentTitle')}</h3>
      <p>{t('draftConsentBody')}</p>
      <p>{t('caseConsentOptional')}</p>
      <div class="actions">
        <button type="button" class="primary" data-testid="draft-consent-allow" onClick={onAllow} disabled={granting}>
          {t('caseConsentAllow')}
        </button>
        <button type="button" data-testid="draft-consent-not-now" onClick={onNotNow} disabled={granting}>
          {t('notNow')}
        </button>
      </div>
      {granting && <p role="status">{t('signingIn')}</p>}
    </section>
  );
}
