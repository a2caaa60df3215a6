import fc from 'fast-check';
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

describe('gmailThreadUrl, given what it should never get (issue 7)', () => {
  it.each([
    ['a path that moves the host', '@evil.example', '18c0a1b2c3d40000'],
    ['a protocol-relative path', '//evil.example/mail/u/0', '18c0a1b2c3d40000'],
    ['a path with a query', '/mail/u/0?x=1', '18c0a1b2c3d40000'],
    ['a thread id with a script', '/mail/u/0', 'javascript:alert(1)'],
    ['a thread id that leaves the hash', '/mail/u/0', '18c0/../../x'],
    ['an empty thread id', '/mail/u/0', ''],
  ])('%s gives Gmail’s start page', (_, accountPath, threadId) => {
    expect(gmailThreadUrl(accountPath, threadId)).toBe('https://mail.google.com/mail/');
  });

  it('always gives https on mail.google.com, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (accountPath, threadId) => {
        const url = new URL(gmailThreadUrl(accountPath, threadId));
        expect([url.protocol, url.host, url.username, url.password]).toEqual(['https:', 'mail.google.com', '', '']);
      }),
    );
  });
});
