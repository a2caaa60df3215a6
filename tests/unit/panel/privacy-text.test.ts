import { describe, expect, it } from 'vitest';
import { accessResultText, retentionText } from '../../../components/privacyText';
import { t } from './english';

describe('privacy centre words', () => {
  it.each([
    ['cached Google data, the admin’s days', 'conversations', 30, 'Removed after 30 days'],
    ['a single day', 'history', 1, 'Removed after 1 day'],
    ['the access log, six months whatever the policy', 'access-log', 30, 'Kept for 6 months'],
    ['the sign-in record, which retention never expires', 'account', 30, 'Kept while you are signed in'],
  ] as const)('retention: %s', (_, category, days, text) => {
    expect(retentionText(t, category, days, 'en')).toBe(text);
  });

  it.each([
    ['done', { ok: true, status: 200 }, 'Done'],
    ['refused by Google, with its status', { ok: false, status: 403 }, 'Failed (403)'],
    ['never answered (offline, timed out)', { ok: false, status: 0 }, 'Failed (no answer)'],
  ])('access log result: %s', (_, entry, text) => {
    expect(accessResultText(t, entry)).toBe(text);
  });
});
