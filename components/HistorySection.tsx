import type { HistoryRow, HistoryView } from '@/utils/history/types';
import { formatCount, formatDay, isSingular } from '@/utils/i18n/format';
import type { HistoryState } from '@/utils/panel/history-state';
import { errorText } from './errorText';
import { useLocale } from './i18n';
import { MailText } from './MailText';
import { isPlainClick } from './plainClick';

interface Props {
  history: HistoryState;
  /** The Gmail address of a thread in the tab's account, e.g. `https://mail.google.com/mail/u/1/#all/<id>`. */
  threadUrl: (threadId: string) => string;
  /** Opens the thread in the Gmail tab the panel follows (a plain click; modified clicks keep the browser's way). */
  onOpen: (threadId: string) => void;
}

/** F3: the customer's earlier conversations with this mailbox. */
export function HistorySection({ history, threadUrl, onOpen }: Props) {
  const { t, language } = useLocale();
  const view = history.view.value;
  const error = history.error.value;
  const state = error && !view ? 'error' : view ? 'ready' : 'loading';
  return (
    <section class="card history" aria-labelledby="history-heading" data-testid="history" data-state={state} aria-busy={history.loading.value}>
      <h2 id="history-heading" class="eyebrow">
        {t('historyHeading')}
      </h2>
      {view ? <Summary view={view} /> : !error && <p class="muted">{t('historyLoading')}</p>}
      {view && view.rows.length > 0 && (
        <ol class="history-rows">
          {view.rows.map((row) => (
            <Row key={row.threadId} row={row} pending={history.loading.value} href={threadUrl(row.threadId)} onOpen={onOpen} />
          ))}
        </ol>
      )}
      {view && view.rows.length < view.total && (
        <p class="history-more">
          <span class="muted">{t('historyShowing', formatCount(view.rows.length, language), formatCount(view.total, language))}</span>{' '}
          <button
            type="button"
            data-testid="history-more"
            // Busy rather than disabled: the focus stays where the agent is reading.
            aria-disabled={history.loading.value}
            onClick={() => history.loading.value || void history.showMore()}
          >
            {t('historyShowMore')}
          </button>
        </p>
      )}
      {error && (
        <p role="alert" class="notice notice-warning">
          {t('historyError', errorText(t, error))}{' '}
          <button type="button" class="link" onClick={() => void history.retry()}>
            {t('retry')}
          </button>
        </p>
      )}
    </section>
  );
}

function Summary({ view }: { view: HistoryView }) {
  const { t, language } = useLocale();
  if (view.total === 0) {
    return <p data-testid="history-count" data-count="0">{t('historyNone')}</p>;
  }
  const count = formatCount(view.total, language);
  const countText = !view.complete
    ? t('historyCountAtLeast', count)
    : t(isSingular(view.total, language) ? 'historyCountOne' : 'historyCountOther', count);
  return (
    <>
      <p class="history-count" data-testid="history-count" data-count={view.total} data-complete={view.complete}>
        {countText}
      </p>
      <dl class="facts">
        {view.firstContactAt !== null && (
          <>
            <dt>{t('historyFirstContact')}</dt>
            <dd data-testid="history-first-contact">{formatDay(view.firstContactAt, language)}</dd>
          </>
        )}
        {view.lastContactAt !== null && (
          <>
            <dt>{t('historyLastContact')}</dt>
            <dd data-testid="history-last-contact">{formatDay(view.lastContactAt, language)}</dd>
          </>
        )}
      </dl>
    </>
  );
}

interface RowProps {
  row: HistoryRow;
  /** Details may still come: a row without them says "Loading…" rather than "unavailable". */
  pending: boolean;
  href: string;
  onOpen: (threadId: string) => void;
}

function Row({ row, pending, href, onOpen }: RowProps) {
  const { t, language } = useLocale();
  const { summary } = row;
  const title = !summary
    ? t(pending ? 'historyRowLoading' : 'historyRowUnavailable')
    : summary.subject
      ? <MailText text={summary.subject} />
      : t('noSubject');
  function open(event: MouseEvent) {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    onOpen(row.threadId);
  }
  return (
    <li data-testid="history-row" data-thread-id={row.threadId}>
      <a href={href} target="_blank" rel="noopener noreferrer" title={t('openInGmail')} onClick={open}>
        {title}
      </a>
      {summary && (
        <span class="muted history-meta">
          {formatDay(summary.lastMessageAt, language)} ·{' '}
          {t(isSingular(summary.messageCount, language) ? 'historyMessagesOne' : 'historyMessagesOther', formatCount(summary.messageCount, language))}
        </span>
      )}
    </li>
  );
}
