import { useLocale } from './i18n';

interface Props {
  email: string;
  onSignOut: () => void;
  onPrivacy: () => void;
}

/** Who is signed in for this tab, the privacy centre (F7), and the way out (F1, F8). */
export function AccountBar({ email, onSignOut, onPrivacy }: Props) {
  const { t } = useLocale();
  return (
    <header class="account-bar">
      <span class="brand">{t('appName')}</span>
      <span class="muted account" data-testid="signed-in-account">
        {t('signedInAs', email)}
      </span>
      <span class="account-actions">
        <button type="button" class="link" data-privacy-opener onClick={onPrivacy}>
          {t('privacyOpen')}
        </button>
        <button type="button" class="link" onClick={onSignOut}>
          {t('signOut')}
        </button>
      </span>
    </header>
  );
}
