import type { AppError } from '@/utils/messaging/protocol';
import type { Translate } from '@/utils/i18n/messages';

/** The words for an error: what happened and what to do, with Gmail's reason where it helps. */
export function errorText(t: Translate, error: AppError): string {
  const detail = error.detail ?? '';
  switch (error.code) {
    case 'offline':
      return t('errorOffline');
    case 'timeout':
      return t('errorTimeout');
    case 'rate-limited':
      return t('errorRateLimited');
    case 'gmail-unavailable':
      return t('errorGmailUnavailable', detail);
    case 'not-found':
      return t('errorNotFound');
    case 'bad-response':
      return t('errorBadResponse', detail);
    case 'gmail-error':
    case 'bad-request':
      return t('errorGmail', detail);
    case 'not-signed-in':
    case 'access-revoked':
      return t('errorNotSignedIn');
    case 'sign-in-cancelled':
      return t('signInCancelled');
    case 'sign-in-failed':
      return t('signInFailed', detail);
    case 'scope-required':
      return t('errorScopeRequired');
    case 'account-not-allowed':
      return detail ? t('accountNotAllowed', detail) : t('accountNotAllowedNone');
    case 'feature-disabled':
      return t('featureDisabled');
    case 'not-gmail-tab':
      return t('notGmailBody');
    case 'no-conversation':
      return t('noConversationBody');
    case 'account-mismatch':
    case 'internal':
      return t('errorInternal', detail || error.code);
  }
}
