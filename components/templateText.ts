/** The words of the templates section (F6), as functions so they are unit-tested. */
import { formatCount } from '@/utils/i18n/format';
import type { MessageKey, Translate } from '@/utils/i18n/messages';
import type { AppError } from '@/utils/messaging/protocol';
import type { EditorProblem, SaveError } from '@/utils/panel/template-editor-state';
import type { InsertBlock } from '@/utils/panel/templates-state';
import type { SyncProblem } from '@/utils/templates/types';
import type { TemplateVariable } from '@/utils/templates/variables';
import { errorText } from './errorText';

/** `{{customer.firstName}}`: a variable as the agent types it. */
export const variableToken = (name: string) => `{{${name}}}`;

const VARIABLE_KEYS = {
  'customer.name': 'variableCustomerName',
  'customer.firstName': 'variableCustomerFirstName',
  'customer.email': 'variableCustomerEmail',
  'agent.name': 'variableAgentName',
  'agent.email': 'variableAgentEmail',
  'thread.subject': 'variableThreadSubject',
  'case.status': 'variableCaseStatus',
} as const satisfies Record<TemplateVariable, MessageKey>;

export function variableText(t: Translate, variable: TemplateVariable): string {
  return t(VARIABLE_KEYS[variable]);
}

/** Short, for the "Not synced" badge's description. */
const SYNC_REASON_KEYS = {
  'quota-total': 'syncReasonQuotaTotal',
  'quota-item': 'syncReasonQuotaItem',
  'quota-count': 'syncReasonQuotaCount',
  'quota-rate': 'syncReasonQuotaRate',
  'sync-failed': 'syncReasonFailed',
} as const satisfies Record<SyncProblem, MessageKey>;

/** Complete, right after saving: what happened, why, and what to do. */
const UNSYNCED_WARNING_KEYS = {
  'quota-total': 'unsyncedQuotaTotal',
  'quota-item': 'unsyncedQuotaItem',
  'quota-count': 'unsyncedQuotaCount',
  'quota-rate': 'unsyncedQuotaRate',
  'sync-failed': 'unsyncedFailed',
} as const satisfies Record<SyncProblem, MessageKey>;

export const syncReasonText = (t: Translate, problem: SyncProblem) => t(SYNC_REASON_KEYS[problem]);
export const unsyncedWarningText = (t: Translate, problem: SyncProblem) => t(UNSYNCED_WARNING_KEYS[problem]);

export function problemText(t: Translate, problem: EditorProblem): string {
  return problem.kind === 'unknown-variable'
    ? t('templateProblemUnknown', variableToken(problem.name ?? ''))
    : t('templateProblemUnclosed', String(problem.line));
}

/** Why a save was refused: what to change, in the agent's words; or storage's own reason. */
export function saveErrorText(t: Translate, error: SaveError, locale: string): string {
  if (error.kind === 'failed') return t('templateSaveFailed', error.message);
  switch (error.problem) {
    case 'empty':
      return t(error.field === 'name' ? 'templateNameEmpty' : 'templateBodyEmpty');
    case 'too-long':
      return t(error.field === 'name' ? 'templateNameTooLong' : 'templateBodyTooLong', formatCount(error.max, locale));
    case 'invalid':
      return t('templateIdInvalid');
  }
}

export function insertBlockText(t: Translate, block: InsertBlock, maxLength: string): string {
  switch (block) {
    case 'no-conversation':
      return t('insertBlockedNoConversation');
    case 'loading':
      return t('insertBlockedLoading');
    case 'empty':
      return t('insertBlockedEmpty');
    case 'too-long':
      return t('insertBlockedTooLong', maxLength);
    case 'unclosed-braces':
      return t('insertBlockedUnclosed');
  }
}

/**
 * A draft that failed. A timeout or Gmail's trouble may come after Gmail created it: the agent
 * must look before trying again, or the customer could get two replies.
 */
export function draftErrorText(t: Translate, error: AppError): string {
  return error.code === 'timeout' || error.code === 'gmail-unavailable' ? t('draftUnconfirmed') : t('draftNotCreated', errorText(t, error));
}
