/**
 * "Anonymise" (F7, the data subject's rights): a cached record about one customer keeps what a
 * team counts — case status and priority (label ids), SLA times, dates, message counts — and loses
 * who the customer is and what was written:
 * - the customer becomes ANONYMOUS_CUSTOMER, in a reserved domain (`.invalid`, RFC 2606) that no
 *   real mailbox can have;
 * - subjects go, as they often name the customer, an order or a complaint;
 * - the other participants go too: the customer's colleagues in copy name the organisation, and
 *   no statistic needs them; the anonymous customer stays the one participant;
 * - attachments go: file names are content.
 */
import type { CaseEntry } from '../cases/entry';
import type { CaseRecord, MailboxRecord, SummaryRecord, ThreadRecord } from '../db/schema';
import type { Customer } from '../mail/types';
import type { MentionTest } from './mentions';

export const ANONYMOUS_DOMAIN = 'anonymised.invalid';
export const ANONYMOUS_CUSTOMER: Readonly<Customer> = {
  name: 'Anonymised customer',
  email: `anonymised@${ANONYMOUS_DOMAIN}`,
  domain: ANONYMOUS_DOMAIN,
};

export function anonymiseThread(record: ThreadRecord): ThreadRecord {
  const { name, email, domain } = ANONYMOUS_CUSTOMER;
  return {
    ...record,
    conversation: {
      ...record.conversation,
      subject: '',
      customer: { name, email, domain },
      participants: [{ name, email }],
      attachments: [],
    },
  };
}

export function anonymiseCase(record: CaseRecord): CaseRecord {
  const { name, email } = ANONYMOUS_CUSTOMER;
  const entry: CaseEntry = { ...record.entry, subject: '', customer: { name, email } };
  return { ...record, entry };
}

/** A history row keeps its dates, message count and labels; only the subject names anything. */
export function anonymiseSummary(record: SummaryRecord): SummaryRecord {
  return { ...record, summary: { ...record.summary, subject: '' } };
}

/**
 * The mailbox record is the queue's sync cursor: it mentions a customer only in a label they are
 * named in, never a case label. Dropping it keeps the cursor; the queue lists labels again when a
 * thread carries one it does not know.
 */
export function withoutMentioningLabels(record: MailboxRecord, mentions: MentionTest): MailboxRecord {
  return { ...record, labels: record.labels.filter((label) => !mentions(label)) };
}
