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
  onSignIn: () => void;
  onNotNow: () => void;
}

/** F1: prior, free and informed consent — what is read, what for, where, how long, how to stop. */
export function ConsentScreen(props: Props) {
  const { t } = useLocale();
  const { account, error } = props;
  return (
    <section class="consent" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('consentTitle')}</h2>
      {props.signedOutReason === 'revoked' && <Notice tone="warning">{t('signedOutRevoked', account ?? '')}</Notice>}
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
        <dd>{t('consentWhere')}</dd>
        <dt>{t('consentRevokeTitle')}</dt>
        <dd>{t('consentRevoke')}</dd>
      </dl>
      {account && <p class="consent-account">{t('consentAccount', account)}</p>}
      <div class="actions">
        <button type="button" class="primary" onClick={props.onSignIn} disabled={props.signingIn}>
          {t('signIn')}
        </button>
        {!props.dismissed && (
          <button type="button" onClick={props.onNotNow} disabled={props.signingIn}>
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
      </p>
    </section>
  );
}
