import type { Conversation } from '@/utils/mail/types';
import { formatBytes } from '@/utils/mail/display';
import { useLocale } from './i18n';
import { MailText } from './MailText';

interface Props {
  conversation: Conversation;
}

/** F2: subject, message count, participants and attachments of the open conversation. */
export function ConversationDetails({ conversation }: Props) {
  const { t, language } = useLocale();
  return (
    <section class="card" aria-labelledby="conversation-heading">
      <h2 id="conversation-heading" class="eyebrow">
        {t('conversationHeading')}
      </h2>
      <dl class="facts">
        <dt>{t('subjectLabel')}</dt>
        <dd data-testid="subject">{conversation.subject ? <MailText text={conversation.subject} /> : t('noSubject')}</dd>
        <dt>{t('messagesLabel')}</dt>
        <dd data-testid="message-count">{conversation.messageCount}</dd>
      </dl>
      <h3>{t('participantsLabel')}</h3>
      <ul class="people" data-testid="participants">
        {conversation.participants.map((person) => (
          <li key={person.email}>
            {person.name ? (
              <>
                <MailText text={person.name} />{' '}
                <span class="muted">
                  <MailText text={person.email} />
                </span>
              </>
            ) : (
              <MailText text={person.email} />
            )}
          </li>
        ))}
      </ul>
      {conversation.attachments.length > 0 && (
        <>
          <h3>{t('attachmentsLabel')}</h3>
          <ul class="attachments" data-testid="attachments">
            {conversation.attachments.map((file) => (
              <li key={`${file.messageId}/${file.filename}`}>
                <MailText text={file.filename} /> <span class="muted">{formatBytes(file.size, language)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
