import { type RankedRow, rankQueue } from '@/utils/cases/queue-order';
import { formatCount, formatWhen, isSingular } from '@/utils/i18n/format';
import type { QueueState } from '@/utils/panel/queue-state';
import { slaShortText, statusText, waitingText } from './caseText';
import { errorText } from './errorText';
import { useLocale } from './i18n';
import { MailText } from './MailText';
import { Notice } from './Notice';
import { isPlainClick } from './plainClick';

interface Props {
  queue: QueueState;
  now: number;
  /** The Gmail address of a thread in the tab's account. */
  threadUrl: (threadId: string) => string;
  /** Opens the thread in the Gmail tab the panel follows (a plain click; modified clicks keep the browser's way). */
  onOpen: (threadId: string) => void;
}

/** F5: the account's open and pending conversations, most urgent first. */
export function QueueView({ queue, now, threadUrl, onOpen }: Props) {
  const { t, language } = useLocale();
  const view = queue.view.value;
  const error = queue.error.value;
  const loading = queue.loading.value;
  const state = error && !view ? 'error' : view || !loading ? 'ready' : 'loading';
  const ranked = view ? rankQueue(view.rows, view.slaHours, now) : [];
  const overdue = ranked.filter((entry) => entry.sla.state === 'overdue').length;
  return (
    <section class="queue" aria-labelledby="queue-heading" data-testid="queue" data-state={state} aria-busy={loading}>
      <div class="queue-head">
        <h2 id="queue-heading">{t('queueHeading')}</h2>
        {view && (
          <span class={overdue > 0 ? 'queue-overdue' : 'muted'} data-testid="queue-overdue" data-count={overdue}>
            {overdue > 0 ? t('queueOverdueCount', formatCount(overdue, language)) : t('queueOverdueNone')}
          </span>
        )}
        {/* Busy rather than disabled: the focus stays on it (refresh() ignores a second press). */}
        <button type="button" data-testid="queue-refresh" aria-disabled={loading} onClick={() => void queue.refresh()}>
          {t('queueRefresh')}
        </button>
      </div>
      {view?.syncedAt != null && (
        <p class="freshness muted" data-testid="queue-synced">
          {t('updatedAt', formatWhen(view.syncedAt, now, language))}
        </p>
      )}
      {error && (
        <Notice tone={view ? 'warning' : 'error'} testId="queue-error">
          {t('queueError', errorText(t, error))}{' '}
          <button type="button" class="link" onClick={() => void queue.refresh()}>
            {t('retry')}
          </button>
        </Notice>
      )}
      {view && view.unread > 0 && (
        <p class="muted" role="status" data-testid="queue-unread" data-count={view.unread}>
          {t(isSingular(view.unread, language) ? 'queueUnreadOne' : 'queueUnreadOther', formatCount(view.unread, language))}
        </p>
      )}
      {state === 'loading' && <p class="muted">{t('queueLoading')}</p>}
      {state === 'ready' && ranked.length === 0 && <p data-testid="queue-empty">{t('queueEmpty')}</p>}
      {ranked.length > 0 && (
        <ol class="queue-rows">
          {ranked.map((entry) => (
            <Row key={entry.row.threadId} entry={entry} now={now} href={threadUrl(entry.row.threadId)} onOpen={onOpen} />
          ))}
        </ol>
      )}
    </section>
  );
}

interface RowProps {
  entry: RankedRow;
  now: number;
  href: string;
  onOpen: (threadId: string) => void;
}

/** One case; all of it is the link to the conversation in Gmail, so a click anywhere opens it. */
function Row({ entry, now, href, onOpen }: RowProps) {
  const { t, language } = useLocale();
  const { row, sla, waitingSince } = entry;
  const customer = row.customer ? <MailText text={row.customer.name || row.customer.email} /> : t('queueUnknownCustomer');
  const slaText = slaShortText(t, sla, language);
  function open(event: MouseEvent) {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    onOpen(row.threadId);
  }
  return (
    <li
      data-testid="queue-row"
      data-thread-id={row.threadId}
      data-sla-state={sla.state}
      data-status={row.status}
      data-priority={row.priority ?? 'none'}
    >
      <a href={href} target="_blank" rel="noopener noreferrer" title={t('openInGmail')} onClick={open}>
        <span class="queue-customer">{customer}</span>
        <span class="queue-subject">{row.subject ? <MailText text={row.subject} /> : t('noSubject')}</span>
        <span class="queue-meta">
          {statusText(t, row.status)} · {row.priority ?? t('queueNoPriority')} · {waitingText(t, waitingSince, now, language)}
        </span>
        {slaText && <span class={`queue-sla sla-${sla.state}`}>{slaText}</span>}
      </a>
    </li>
  );
}
