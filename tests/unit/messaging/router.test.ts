import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { MAX_SENDERS } from '../../../utils/gmail-ui/read-context';
import { ACCESS_LOG_PAGE_MAX } from '../../../utils/privacy/schemas';
import { DRAFT_TEXT_MAX, type GmailContext, type PanelRequest, type Result } from '../../../utils/messaging/protocol';
import { createRouter } from '../../../utils/messaging/router';

type Sender = Browser.runtime.MessageSender;

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}`;

const gmailTab: Sender = {
  id: EXTENSION_ID,
  tab: { id: 7 } as Browser.tabs.Tab,
  frameId: 0,
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMHvdrKlDfLpRRnCXhnqTxMj',
  origin: 'https://mail.google.com',
};
const panelPage: Sender = { id: EXTENSION_ID, url: `${ORIGIN}/sidepanel.html?tab=7`, origin: ORIGIN };

const context: GmailContext = {
  accountPath: '/mail/u/0',
  accountEmail: 'agent@acme.com',
  view: 'thread',
  threadId: '18c0a1b2c3d40000',
  senders: ['maria@acme.example'],
};
const contextMessage = { type: 'gmail/context', context };

function setup() {
  const onGmailContext = vi.fn(async (_tabId: number, _context: GmailContext) => {});
  const onPanelRequest = vi.fn(async (_request: PanelRequest): Promise<Result<unknown>> => ({ ok: true, data: 'handled' }));
  const log = vi.fn();
  const route = createRouter({ extensionId: EXTENSION_ID, extensionBaseUrl: `${ORIGIN}/`, onGmailContext, onPanelRequest, log });
  return { route, onGmailContext, onPanelRequest, log };
}

afterEach(() => vi.unstubAllGlobals());

const withContext = (patch: Record<string, unknown>) => ({ type: 'gmail/context', context: { ...context, ...patch } });

describe('router accepts', () => {
  it('a Gmail context from the top frame of a mail.google.com tab, lowercasing the email', async () => {
    const { route, onGmailContext } = setup();
    const result = await route(withContext({ accountEmail: 'Agent@ACME.com' }), gmailTab);
    expect(result).toEqual({ ok: true, data: null });
    expect(onGmailContext).toHaveBeenCalledWith(7, { ...context, accountEmail: 'agent@acme.com' });
  });

  it.each([
    ['a delegated mailbox path', withContext({ accountPath: '/mail/b/abc_123-X/u/1' })],
    ['no account email', withContext({ accountEmail: null })],
    ['a list view', withContext({ view: 'list', threadId: null })],
  ])('a Gmail context with %s', async (_, message) => {
    const { route, onGmailContext } = setup();
    expect(await route(message, gmailTab)).toEqual({ ok: true, data: null });
    expect(onGmailContext).toHaveBeenCalledTimes(1);
  });

  it.each<PanelRequest>([
    { type: 'auth/sign-in', tabId: 7 },
    { type: 'auth/sign-out', tabId: 0 },
    { type: 'conversation/get', tabId: 7, source: 'cache' },
    { type: 'conversation/get', tabId: 7, source: 'network' },
  ])('a panel request %j from an extension page and returns its answer', async (request) => {
    const { route, onPanelRequest } = setup();
    expect(await route(request, panelPage)).toEqual({ ok: true, data: 'handled' });
    expect(onPanelRequest).toHaveBeenCalledWith(request);
  });

  it('drops fields the protocol does not name', async () => {
    const { route, onPanelRequest } = setup();
    await route({ type: 'auth/sign-in', tabId: 7, extra: '<script>' }, panelPage);
    expect(onPanelRequest).toHaveBeenCalledWith({ type: 'auth/sign-in', tabId: 7 });
  });

  it('drops fields the protocol does not name from a Gmail context', async () => {
    const { route, onGmailContext } = setup();
    await route({ ...withContext({ accessToken: 'ya29.stolen' }), tabId: 99 }, gmailTab);
    expect(onGmailContext).toHaveBeenCalledWith(7, context);
  });
});

describe('router rejects', () => {
  const long = 'a'.repeat(400);
  it.each<[string, unknown, Sender]>([
    ['a message from another extension', contextMessage, { ...gmailTab, id: 'otherextensionidotherextensionid' }],
    ['a message with no sender id', contextMessage, { ...gmailTab, id: undefined }],
    ['a Gmail context from an iframe', contextMessage, { ...gmailTab, frameId: 3 }],
    ['a Gmail context with no tab', contextMessage, { ...gmailTab, tab: undefined }],
    ['a Gmail context from a look-alike host', contextMessage, { ...gmailTab, url: 'https://mail.google.com.evil.example/mail/u/0/' }],
    ['a Gmail context from another site', contextMessage, { ...gmailTab, url: 'https://evil.example/' }],
    ['a Gmail context over http', contextMessage, { ...gmailTab, url: 'http://mail.google.com/mail/u/0/' }],
    ['a Gmail context with no URL', contextMessage, { ...gmailTab, url: undefined }],
    ['a Gmail context from an extension page', contextMessage, panelPage],
    ['a panel request from the content script', { type: 'auth/sign-in', tabId: 7 }, gmailTab],
    ['a panel request from a web page', { type: 'auth/sign-out', tabId: 7 }, { ...panelPage, url: 'https://evil.example/' }],
    ['a panel request from another extension origin', { type: 'auth/sign-in', tabId: 7 }, { ...panelPage, url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' }],
    ['a panel request from another extension', { type: 'auth/sign-in', tabId: 7 }, { ...panelPage, id: 'otherextensionidotherextensionid' }],
    ['a panel request from an origin that starts with ours', { type: 'auth/sign-in', tabId: 7 }, { ...panelPage, url: `${ORIGIN}x/sidepanel.html` }],
    ['a panel request from a Gmail iframe', { type: 'auth/sign-in', tabId: 7 }, { ...gmailTab, frameId: 2 }],
    ['a web page without a tab', contextMessage, { url: 'https://evil.example/', origin: 'https://evil.example' }],
    ['a web page in a tab', { type: 'auth/sign-out', tabId: 7 }, { url: 'https://evil.example/', origin: 'https://evil.example', tab: { id: 9 } as Browser.tabs.Tab, frameId: 0 }],
    ['a web page claiming our id', contextMessage, { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 9 } as Browser.tabs.Tab, frameId: 0 }],
    ['a Gmail iframe inside another site', contextMessage, { ...gmailTab, tab: { id: 9, url: 'https://evil.example/' } as Browser.tabs.Tab, frameId: 5 }],
    ['a Gmail context with no frame id', contextMessage, { ...gmailTab, frameId: undefined }],
    ['a Gmail context from about:blank in Gmail', contextMessage, { ...gmailTab, url: 'about:blank' }],
    ['a Gmail context from a Google subdomain', contextMessage, { ...gmailTab, url: 'https://accounts.google.com/' }],
    ['a Gmail context on another port', contextMessage, { ...gmailTab, url: 'https://mail.google.com:8443/mail/u/0/' }],
    ['undefined', undefined, panelPage],
    ['a number', 42, panelPage],
    ['an array of messages', [{ type: 'auth/sign-in', tabId: 7 }], panelPage],
    ['a message with no type', { tabId: 7 }, panelPage],
    ['a type that is not a string', { type: ['auth/sign-in'], tabId: 7 }, panelPage],
    ['a tab id given as text', { type: 'conversation/get', tabId: 'x', source: 'cache' }, panelPage],
    ['a tab id that is not finite', { type: 'auth/sign-in', tabId: Number.POSITIVE_INFINITY }, panelPage],
    ['a draft longer than any template can render', { type: 'draft/insert', tabId: 7, threadId: '18c0a1b2c3d40000', text: 'x'.repeat(DRAFT_TEXT_MAX + 1), mode: 'new' }, panelPage],
    ['an empty draft', { type: 'draft/insert', tabId: 7, threadId: '18c0a1b2c3d40000', text: '', mode: 'new' }, panelPage],
    ['an access log page too large', { type: 'privacy/access-log', tabId: 7, before: null, limit: ACCESS_LOG_PAGE_MAX + 1 }, panelPage],
    ['a history of an address that is not one', { type: 'history/get', tabId: 7, source: 'cache', customer: 'maria', rows: 10 }, panelPage],
    ['an erase for an extra-long address', { type: 'privacy/erase-customer', tabId: 7, account: 'agent@acme.com', customer: `${long}@acme.com`, mode: 'erase' }, panelPage],
    ['a Gmail context listing too many senders', withContext({ senders: Array.from({ length: MAX_SENDERS + 1 }, (_, i) => `s${i}@acme.example`) }), gmailTab],
    ['a Gmail context whose sender is not an address', withContext({ senders: ['<img src=x onerror=alert(1)>'] }), gmailTab],
    ['null', null, panelPage],
    ['a string', 'auth/sign-in', panelPage],
    ['an unknown type', { type: 'auth/steal-token', tabId: 7 }, panelPage],
    ['a tab id that is a string', { type: 'auth/sign-in', tabId: '7' }, panelPage],
    ['a negative tab id', { type: 'auth/sign-in', tabId: -1 }, panelPage],
    ['a fractional tab id', { type: 'auth/sign-in', tabId: 1.5 }, panelPage],
    ['an unknown conversation source', { type: 'conversation/get', tabId: 7, source: 'disk' }, panelPage],
    ['a context without a context', { type: 'gmail/context' }, gmailTab],
    ['an email without @', withContext({ accountEmail: 'agent.acme.com' }), gmailTab],
    ['an extra-long email', withContext({ accountEmail: `${long}@acme.com` }), gmailTab],
    ['an uppercase hex thread id', withContext({ threadId: '18C0A1B2C3D40000' }), gmailTab],
    ['a URL token as thread id', withContext({ threadId: 'FMfcgzQZTMHvdrKlDfLpRRnCXhnqTxMj' }), gmailTab],
    ['an extra-long thread id', withContext({ threadId: 'f'.repeat(33) }), gmailTab],
    ['an empty thread id', withContext({ threadId: '' }), gmailTab],
    ['an unknown view', withContext({ view: 'compose' }), gmailTab],
    ['an account path outside /mail', withContext({ accountPath: '/calendar/u/0' }), gmailTab],
    ['an extra-long account path', withContext({ accountPath: `/mail/b/${long}/u/0` }), gmailTab],
  ])('%s', async (_, message, sender) => {
    const { route, onGmailContext, onPanelRequest, log } = setup();
    const result = await route(message, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(onGmailContext).not.toHaveBeenCalled();
    expect(onPanelRequest).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('rejected message', expect.objectContaining({ senderId: sender.id }));
  });
});
