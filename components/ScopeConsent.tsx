import { useEffect, useRef } from 'preact/hooks';
import type { ScopedFeature } from '@/utils/google/scopes';
import type { MessageKey } from '@/utils/i18n/messages';
import { useLocale } from './i18n';

/** Each feature's explanation; test ids start with `prefix`. */
const WORDS = {
  cases: { prefix: 'case', title: 'caseConsentTitle', body: 'caseConsentBody' },
  drafts: { prefix: 'draft', title: 'draftConsentTitle', body: 'draftConsentBody' },
} as const satisfies Record<ScopedFeature, { prefix: string; title: MessageKey; body: MessageKey }>;

interface Props {
  feature: ScopedFeature;
  granting: boolean;
  onAllow: () => void;
  onNotNow: () => void;
}

/**
 * Incremental consent (issues 4 and 5): why iCustomer asks Google for more than reading, asked
 * only when the agent first uses the feature, and that saying no costs nothing else.
 */
export function ScopeConsent({ feature, granting, onAllow, onNotNow }: Props) {
  const { t } = useLocale();
  const { prefix, title, body } = WORDS[feature];
  const region = useRef<HTMLElement>(null);
  const opener = useRef<Element | null>(null);
  // The explanation appears below the button just pressed: bring it to the agent's attention.
  useEffect(() => {
    opener.current = document.activeElement;
    region.current?.focus();
  }, []);
  /** Answered, the explanation goes away: the focus goes back to the button that asked for it. */
  const answer = (action: () => void) => () => {
    if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    action();
  };
  return (
    <section ref={region} tabIndex={-1} class="case-consent" aria-labelledby={`${prefix}-consent-title`} data-testid={`${prefix}-consent`}>
      <h3 id={`${prefix}-consent-title`}>{t(title)}</h3>
      <p>{t(body)}</p>
      <p>{t('caseConsentOptional')}</p>
      <div class="actions">
        <button type="button" class="primary" data-testid={`${prefix}-consent-allow`} onClick={answer(onAllow)} disabled={granting}>
          {t('caseConsentAllow')}
        </button>
        <button type="button" data-testid={`${prefix}-consent-not-now`} onClick={answer(onNotNow)} disabled={granting}>
          {t('notNow')}
        </button>
      </div>
      {granting && <p role="status">{t('signingIn')}</p>}
    </section>
  );
}
