import type { AccessCategory, AccessFeature } from '@/utils/privacy/access-kinds';
import type { MessageKey, Translate } from '@/utils/i18n/messages';
import { formatCount, isSingular } from '@/utils/i18n/format';
import type { AccessLogEntry, StoredCategory } from '@/utils/privacy/schemas';

/** What the agent sees stored, named as they think of it (F7). */
export const STORED_CATEGORY_TEXT: Record<StoredCategory, MessageKey> = {
  account: 'storedAccount',
  conversations: 'storedConversations',
  history: 'storedHistory',
  queue: 'storedQueue',
  drafts: 'storedDrafts',
  'access-log': 'storedAccessLog',
};

/** The feature that read Google, as the panel's own sections call it. */
export const FEATURE_TEXT: Record<AccessFeature, MessageKey> = {
  'sign-in': 'featureSignIn',
  conversation: 'featureConversation',
  history: 'featureHistory',
  cases: 'featureCases',
  queue: 'featureQueue',
  drafts: 'featureDrafts',
};

/** What kind of Google data a call read or wrote. */
export const ACCESS_CATEGORY_TEXT: Record<AccessCategory, MessageKey> = {
  profile: 'categoryProfile',
  'message-metadata': 'categoryMessageMetadata',
  labels: 'categoryLabels',
  drafts: 'categoryDrafts',
  'mailbox-changes': 'categoryMailboxChanges',
};

/** How long a category is kept: the access log six months (F7), Google data the admin's N days. */
export function retentionText(t: Translate, category: StoredCategory, days: number, language: string): string {
  if (category === 'access-log') return t('storedAccessLogKept');
  // The sign-in record is the session itself, not cached mail: retention never expires it.
  if (category === 'account') return t('storedAccountKept');
  return t(isSingular(days, language) ? 'storedRemovedAfterOne' : 'storedRemovedAfterOther', formatCount(days, language));
}

/** "Done", or why not: Google's HTTP status, or no answer at all (offline, timed out). */
export function accessResultText(t: Translate, entry: Pick<AccessLogEntry, 'ok' | 'status'>): string {
  if (entry.ok) return t('accessLogOk');
  return entry.status > 0 ? t('accessLogFailed', String(entry.status)) : t('accessLogNoAnswer');
}
