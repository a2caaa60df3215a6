/** Schema-valid conversations and tab states for the panel and cache tests. */
import { DEFAULT_SLA_HOURS } from '../../../utils/cases/sla';
import type { ConversationView, TabState } from '../../../utils/messaging/protocol';
import type { Conversation } from '../../../utils/mail/types';

export const THREAD_A = '18c0a1b2c3d40000';
export const THREAD_B = '18c0a1b2c3d4ffff';

export function conversation(threadId: string, subject = 'Refund for order 1234'): Conversation {
  return {
    threadId,
    historyId: '4242',
    subject,
    messageCount: 2,
    customer: { name: 'Bob Buyer', email: 'bob@customer.example', domain: 'customer.example' },
    participants: [
      { name: 'Bob Buyer', email: 'bob@customer.example' },
      { name: 'Ana Agent', email: 'agent@acme.com' },
    ],
    attachments: [{ filename: 'invoice.pdf', mimeType: 'application/pdf', size: 12_345, messageId: '18c0a1b2c3d50001' }],
    waiting: { state: 'waiting', since: 1_700_000_000_000 },
    lastMessageAt: 1_700_000_000_000,
    labelIds: ['INBOX'],
    timeline: [{ at: 1_700_000_000_000, fromCustomer: true }],
  };
}

export function view(threadId: string, source: ConversationView['source'], subject?: string): ConversationView {
  return {
    conversation: conversation(threadId, subject),
    case: { status: null, priority: null, editable: false, slaHours: { ...DEFAULT_SLA_HOURS } },
    source,
    fetchedAt: 1_700_000_100_000,
  };
}

export function tabState(overrides: Partial<TabState> & { threadId?: string | null } = {}): TabState {
  const { threadId = THREAD_A, ...rest } = overrides;
  return {
    tabId: 7,
    context: { accountPath: '/mail/u/0', accountEmail: 'agent@acme.com', view: 'thread', threadId, senders: [] },
    session: { email: 'agent@acme.com', name: 'Ana Agent' },
    signedOutReason: null,
    customerHint: null,
    queueRevision: null,
    ...rest,
  };
}
