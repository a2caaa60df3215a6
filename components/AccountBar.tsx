import { useLocale } from './i18n';

interface Props {
  email: string;
  onSignOut: () => void;
}

/** Who is signed in for this tab, and the way out (F1, F8). */
export function AccountBar({ email, onSignOut }: Props) {
  const { t } = useLocale();
  return (
    <header class="account-bar">
      <span class="brand">{t('appName')}</span>
      <span class="muted account" data-testid="signed-in-account">
        {t('signedInAs', email)}
      </span>
      <button type="button" class="link" onClick={onSignOut}>
        {t('signOut')}
      </button>
    </header>
  );
}
