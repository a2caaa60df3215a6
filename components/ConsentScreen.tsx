import type { AppError, TabState } from '@/utils/messaging/protocol';
import { GOOGLE_PERMISSIONS_PAGE } from '@/utils/google/endpoints';
import { errorText } from './errorText';
import { useLocale } from './i18n';
import { Notice } from './Notice';

interface Props {
  account: string | null;
  signedOutReason: TabState['signedOutReason'];
  signingIn: boolean;
  error: AppError | null;
  dismissed: boolean;
  privacyPolicyUrl: string;
  /** How long cached data is kept: the admin's policy, or 30 days. */
  retentionDays: number;
  onSignIn: () => void;
  onNotNow: () => void;
  /** Opens the privacy centre (F7): what is kept for this account, even before signing in. */
  onPrivacy: (() => void) | null;
}

/** F1: prior, free and informed consent — what is read, what for, where, how long, how to stop. */
export function ConsentScreen(props: Props) {
  const { t } = useLocale();
  const { account, error } = props;
  return (
    <section class="consent" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('consentTitle')}</h2>
      {props.signedOutReason === 'revoked' && <Notice tone="warning">{t('signedOutRevoked', account ?? '')}</Notice>}
      {props.signedOutReason === 'policy' && <Notice tone="warning">{t('signedOutPolicy', account ?? '')}</Notice>}
      {props.signedOutReason === 'signed-out' && <Notice tone="info">{t('signedOutByUser')}</Notice>}
      {error?.code === 'account-mismatch' ? (
        <Notice tone="error">{t('accountMismatch', error.detail ?? '', account ?? '')}</Notice>
      ) : (
        error && <Notice tone={error.code === 'sign-in-cancelled' ? 'info' : 'error'}>{errorText(t, error)}</Notice>
      )}
      {props.dismissed && <Notice tone="info">{t('notNowBody')}</Notice>}
      <p>{t('consentIntro')}</p>
      <dl class="consent-terms">
        <dt>{t('consentReadsTitle')}</dt>
        <dd>
          <ul>
            <li>{t('consentReadsProfile')}</li>
            <li>{t('consentReadsMail')}</li>
          </ul>
        </dd>
        <dt>{t('consentWhyTitle')}</dt>
        <dd>{t('consentWhy')}</dd>
        <dt>{t('consentWhereTitle')}</dt>
        <dd>{t('consentWhere', String(props.retentionDays))}</dd>
        <dt>{t('consentRevokeTitle')}</dt>
        <dd>{t('consentRevoke')}</dd>
      </dl>
      {account && <p class="consent-account">{t('consentAccount', account)}</p>}
      <div class="actions">
        {/* Busy, not disabled, while Google's window is open: the focus stays on the button. */}
        <button type="button" class="primary" data-focus-home onClick={props.signingIn ? undefined : props.onSignIn} aria-disabled={props.signingIn}>
          {t('signIn')}
        </button>
        {!props.dismissed && (
          <button type="button" onClick={props.signingIn ? undefined : props.onNotNow} aria-disabled={props.signingIn}>
            {t('notNow')}
          </button>
        )}
      </div>
      {props.signingIn && <p role="status">{t('signingIn')}</p>}
      <p class="links">
        <a href={props.privacyPolicyUrl} target="_blank" rel="noopener noreferrer">
          {t('privacyPolicy')}
        </a>
        {' · '}
        <a href={GOOGLE_PERMISSIONS_PAGE} target="_blank" rel="noopener noreferrer">
          {t('managePermissions')}
        </a>
        {props.onPrivacy && (
          <>
            {' · '}
            <button type="button" class="link" data-privacy-opener onClick={props.onPrivacy}>
              {t('privacyCentreTitle')}
            </button>
          </>
        )}
      </p>
    </section>
  );
}
