import type { Conversation } from '@/utils/mail/types';
import { formatDuration, formatWhen } from '@/utils/i18n/format';
import { useLocale } from './i18n';
import { MailText } from './MailText';

interface Props {
  conversation: Conversation;
  now: number;
}

/** F2: who the customer is and how long they have been waiting. */
export function CustomerCard({ conversation, now }: Props) {
  const { t, language } = useLocale();
  const { customer, waiting } = conversation;
  return (
    <section class="card customer" aria-labelledby="customer-heading">
      <h2 id="customer-heading" class="eyebrow">
        {t('customerHeading')}
      </h2>
      {customer ? (
        <>
          <p class="customer-name" data-testid="customer-name">
            <MailText text={customer.name || customer.email} />
          </p>
          <p class="customer-email" data-testid="customer-email">
            <MailText text={customer.email} />
          </p>
          <p class="customer-domain" data-testid="customer-domain">
            <MailText text={customer.domain} />
          </p>
        </>
      ) : (
        <p data-testid="customer-none">{t('noCustomer')}</p>
      )}
      <p class={`waiting waiting-${waiting.state}`} data-testid="waiting-state">
        {waiting.state === 'waiting' && (
          <>
            <strong>{t('waitingSince', formatWhen(waiting.since, now, language))}</strong>
            <span class="muted"> · {formatDuration(now - waiting.since, language)}</span>
          </>
        )}
        {waiting.state === 'answered' && (
          <>
            <strong>{t('answered')}</strong>
            <span class="muted"> · {t('answeredAt', formatWhen(waiting.at, now, language))}</span>
          </>
        )}
        {waiting.state === 'none' && t('noCustomerMessage')}
      </p>
    </section>
  );
}
