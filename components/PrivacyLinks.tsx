import type { DpoContact } from '@/utils/policy/links';
import { GOOGLE_PERMISSIONS_PAGE } from '@/utils/google/endpoints';
import { useLocale } from './i18n';

/** Where the privacy centre sends people: the organisation's policy (F9) or the extension's own. */
export interface PrivacyLinks {
  privacyPolicyUrl: string;
  dpoContact: DpoContact | null;
}

interface Props {
  links: PrivacyLinks;
  signedIn: boolean;
  onSignOut: () => void;
}

/** F7 › access to Google (sign out and revoke, Google's permissions page), the policy and the DPO. */
export function PrivacyAccess({ links, signedIn, onSignOut }: Props) {
  const { t } = useLocale();
  const dpo = links.dpoContact;
  return (
    <>
      <section class="privacy-section" aria-labelledby="privacy-access-heading" data-testid="privacy-access">
        <h3 id="privacy-access-heading">{t('accessHeading')}</h3>
        {signedIn ? (
          <>
            <p class="muted">{t('accessIntro')}</p>
            <button type="button" onClick={onSignOut}>
              {t('signOut')}
            </button>
          </>
        ) : (
          <p class="muted">{t('accessSignedOut')}</p>
        )}
        <p>
          <a href={GOOGLE_PERMISSIONS_PAGE} target="_blank" rel="noopener noreferrer">
            {t('managePermissions')}
          </a>
        </p>
      </section>
      <section class="privacy-section" aria-labelledby="privacy-contacts-heading" data-testid="privacy-contacts">
        <h3 id="privacy-contacts-heading">{t('contactsHeading')}</h3>
        <ul class="privacy-links">
          <li>
            <a href={links.privacyPolicyUrl} target="_blank" rel="noopener noreferrer">
              {t('privacyPolicy')}
            </a>
          </li>
          <li data-testid="dpo-contact">
            {dpo === null ? (
              t('dpoNone')
            ) : dpo.kind === 'email' ? (
              <>
                {/* A mail link opens the mail program: a new tab would only stay blank. */}
                <a href={`mailto:${dpo.address}`} rel="noopener noreferrer">
                  {t('dpoContact')}
                </a>{' '}
                <span class="muted">({dpo.address})</span>
              </>
            ) : (
              <a href={dpo.url} target="_blank" rel="noopener noreferrer">
                {t('dpoContact')}
              </a>
            )}
          </li>
        </ul>
      </section>
    </>
  );
}
