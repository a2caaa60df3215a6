import { describe, expect, it } from 'vitest';
import { gmailThreadUrl } from '../../../utils/google/endpoints';

describe('gmailThreadUrl', () => {
  it.each([
    ['/mail/u/0', 'https://mail.google.com/mail/u/0/#all/18c0a1b2c3d40000'],
    ['/mail/u/3', 'https://mail.google.com/mail/u/3/#all/18c0a1b2c3d40000'],
    ['/mail/b/ALGkd0wQ3rTz/u/0', 'https://mail.google.com/mail/b/ALGkd0wQ3rTz/u/0/#all/18c0a1b2c3d40000'],
  ])('opens the thread in the account at %s', (accountPath, url) => {
    expect(gmailThreadUrl(accountPath, '18c0a1b2c3d40000')).toBe(url);
  });
});
