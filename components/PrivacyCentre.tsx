import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { PrivacyDoor, PrivacySubject } from '@/utils/panel/privacy-door';
import { createPrivacyState } from '@/utils/panel/privacy-state';
import { useLocale } from './i18n';
import { PrivacyAccessLog } from './PrivacyAccessLog';
import { PrivacyDeleteAll } from './PrivacyDeleteAll';
import { PrivacyErase } from './PrivacyErase';
import { PrivacyExport } from './PrivacyExport';
import { PrivacyAccess, type PrivacyLinks } from './PrivacyLinks';
import { PrivacyStored } from './PrivacyStored';

interface Props {
  door: PrivacyDoor;
  links: PrivacyLinks;
  now: number;
  onBack: () => void;
  onSignOut: () => void;
}

/**
 * F7: the privacy centre, about the account the tab shows (F10), signed in or not. Another account
 * is another centre, with its own state, read afresh. Opening it moves the focus to its heading;
 * leaving it moves the focus back to the button that opened it.
 */
export function PrivacyCentre(props: Props) {
  const subject = props.door.subject.value;
  useEffect(
    () => () => {
      // The next screen renders after this one unmounts: focus its opener (the header's or the
      // consent screen's button, both marked data-privacy-opener) once it is there.
      setTimeout(() => {
        if (document.activeElement === null || document.activeElement === document.body) {
          document.querySelector<HTMLElement>('[data-privacy-opener]')?.focus();
        }
      }, 0);
    },
    [],
  );
  return subject && <AccountCentre key={`${subject.tabId} ${subject.account}`} subject={subject} {...props} />;
}

function AccountCentre({ door, subject, links, now, onBack, onSignOut }: Props & { subject: PrivacySubject }) {
  const { t } = useLocale();
  const privacy = useMemo(() => createPrivacyState(door, subject), []);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    void privacy.load();
  }, []);
  return (
    <section class="privacy" aria-labelledby="privacy-heading" data-testid="privacy-centre">
      <div class="privacy-head">
        <button type="button" class="back" onClick={onBack}>
          <span aria-hidden="true">← </span>
          {t('privacyBack')}
        </button>
        <h2 id="privacy-heading" ref={heading} tabIndex={-1}>
          {t('privacyCentreTitle')}
        </h2>
      </div>
      <p class="privacy-account">{t('privacyIntro', subject.account)}</p>
      <PrivacyStored privacy={privacy} />
      <PrivacyAccessLog privacy={privacy} now={now} />
      <PrivacyExport privacy={privacy} account={subject.account} />
      <PrivacyErase erase={privacy.erase} />
      <PrivacyDeleteAll privacy={privacy} />
      <PrivacyAccess links={links} signedIn={door.subject.value?.signedIn ?? false} onSignOut={onSignOut} />
    </section>
  );
}
