/**
 * mail.google.com: a Gmail-like single-page app per account (`/mail/u/<N>/`,
 * `/mail/b/<id>/u/<N>/`). The shell loads one same-origin script that fetches each view as an
 * HTML fragment on hashchange; titles read `<view or subject> - <account> - Gmail`.
 */
import { readFileSync } from 'node:fs';
import { emptyMeta, escapeHtml, htmlResponse, jsonResponse, redirect, type FakeRequest, type FakeResponse, type HandledResponse } from './http-types.ts';
import { HEX_ID } from './ids.ts';
import type { Mailbox, StoredThread } from './mailbox.ts';
import { compileQuery } from './search.ts';
import type { FakeState } from './state.ts';
import { conversationView, listView, subjectOf } from './web-views.ts';

const APP_JS = readFileSync(new URL('./web/app.js', import.meta.url), 'utf8');
const APP_CSS = readFileSync(new URL('./web/app.css', import.meta.url), 'utf8');

/** Gmail's page is locked down with CSP and Trusted Types; the fake keeps that constraint. */
const CSP = "script-src 'self'; object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'; trusted-types fake-gmail";

const FOLDERS: Record<string, { label: string | null; title: string }> = {
  inbox: { label: 'INBOX', title: 'Inbox' },
  sent: { label: 'SENT', title: 'Sent Mail' },
  all: { label: null, title: 'All Mail' },
};

export interface WebView {
  kind: 'list' | 'conversation';
  folder: string;
  title: string;
  html: string;
  unread: number;
}

function threadsIn(mailbox: Mailbox, label: string | null): StoredThread[] {
  return [...mailbox.threads.values()]
    .filter((t) => t.messages.some((m) => (label === null ? !m.labelIds.includes('SPAM') && !m.labelIds.includes('TRASH') : m.labelIds.includes(label))))
    .sort((a, b) => mailbox.lastDate(b) - mailbox.lastDate(a));
}

function inboxUnread(mailbox: Mailbox): number {
  return threadsIn(mailbox, 'INBOX').filter((t) => t.messages.some((m) => m.labelIds.includes('UNREAD'))).length;
}

export function renderView(state: FakeState, mailbox: Mailbox, hash: string): WebView {
  const unread = inboxUnread(mailbox);
  const suffix = ` - ${mailbox.email} - Gmail`;
  const [first = 'inbox', ...rest] = hash === '' ? ['inbox'] : hash.split('/');
  if (first === 'search') {
    const query = decodeURIComponent((rest[0] ?? '').replace(/\+/g, ' '));
    const matches = compileQuery(query, mailbox.labels, state.now());
    const threads = threadsIn(mailbox, null).filter((t) => t.messages.some(matches));
    return { kind: 'list', folder: 'search', title: `Search results${suffix}`, html: listView(mailbox, threads, `search/${rest[0] ?? ''}`), unread };
  }
  const folder = FOLDERS[first] ?? FOLDERS['inbox'];
  // All Mail's label is null (every thread but spam and trash): `??` would turn it into INBOX.
  const label = folder === undefined ? 'INBOX' : folder.label;
  const folderName = first in FOLDERS ? first : 'inbox';
  const listTitle = `${folder?.title ?? 'Inbox'}${folderName === 'inbox' && unread > 0 ? ` (${unread})` : ''}${suffix}`;
  const key = rest[0];
  if (key !== undefined && key !== '') {
    // Gmail opens a conversation from its opaque token, and also from a hex thread id.
    const thread = mailbox.threadByToken(key) ?? (HEX_ID.test(key) ? mailbox.threads.get(key) : undefined);
    if (thread !== undefined) {
      return { kind: 'conversation', folder: folderName, title: `${subjectOf(thread)}${suffix}`, html: conversationView(mailbox, thread, folderName), unread };
    }
    const html = listView(mailbox, threadsIn(mailbox, label), folderName, 'The conversation that you requested could not be loaded.');
    return { kind: 'list', folder: folderName, title: listTitle, html, unread };
  }
  return { kind: 'list', folder: folderName, title: listTitle, html: listView(mailbox, threadsIn(mailbox, label), folderName), unread };
}

function shell(mailbox: Mailbox, view: WebView): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(view.title)}</title>
<link rel="stylesheet" href="/__fake/app.css"><script src="/__fake/app.js" defer></script></head>
<body data-account-path="${escapeHtml(mailbox.accountPath)}" data-view="${view.kind}">
<div class="app">
<header class="gb" role="banner"><div class="logo">Gmail</div>
<form class="search" role="search"><input name="q" aria-label="Search mail" placeholder="Search mail" autocomplete="off"></form>
<a class="gb_A" href="#" aria-label="Google Account: ${escapeHtml(mailbox.name)} (${escapeHtml(mailbox.email)})">${escapeHtml(mailbox.name.slice(0, 1))}</a></header>
<div class="wrap">
<nav class="nav" role="navigation" aria-label="Mailboxes">
<a href="#inbox" data-view="inbox" class="active">Inbox <span class="bsU">${view.unread > 0 ? view.unread : ''}</span></a>
<a href="#sent" data-view="sent">Sent</a>
<a href="#all" data-view="all">All Mail</a>
</nav>
<div class="main" role="main">${view.html}</div>
</div></div>
</body></html>
`;
}

function mailboxForPath(state: FakeState, path: string): { mailbox: Mailbox; rest: string } | undefined {
  for (const mailbox of state.mailboxes.values()) {
    if (path === mailbox.accountPath || path.startsWith(`${mailbox.accountPath}/`)) {
      return { mailbox, rest: path.slice(mailbox.accountPath.length) };
    }
  }
  return undefined;
}

function staticFile(body: string, contentType: string): FakeResponse {
  return { status: 200, headers: { 'content-type': contentType, 'cache-control': 'no-cache' }, body };
}

export function handleMailWeb(state: FakeState, request: FakeRequest): HandledResponse {
  const meta = emptyMeta();
  const answer = (response: FakeResponse): HandledResponse => ({ response, meta });
  const { path } = request;
  if (path === '/' || path === '/mail' || path === '/mail/') return answer(redirect('/mail/u/0/'));
  if (path === '/__fake/app.js') return answer(staticFile(APP_JS, 'text/javascript; charset=utf-8'));
  if (path === '/__fake/app.css') return answer(staticFile(APP_CSS, 'text/css; charset=utf-8'));
  if (path === '/favicon.ico') return answer({ status: 204, headers: {}, body: '' });
  const found = mailboxForPath(state, path);
  if (found === undefined) {
    // Gmail sends an unknown /mail/u/<N>/ to the first signed-in account.
    return answer(/^\/mail\/(b\/[^/]+\/)?u\/\d+/.test(path) ? redirect('/mail/u/0/') : htmlResponse(404, '<!DOCTYPE html><title>Error 404 (Not Found)!!1</title><p>404. That’s an error.'));
  }
  const { mailbox, rest } = found;
  meta.account = mailbox.email;
  if (rest === '') return answer(redirect(`${mailbox.accountPath}/`));
  if (rest === '/__fake/view') return answer(jsonResponse(200, renderView(state, mailbox, request.query.get('hash') ?? '')));
  if (rest === '/') {
    const view = renderView(state, mailbox, 'inbox');
    return answer(htmlResponse(200, shell(mailbox, view), { 'content-security-policy': CSP, 'x-frame-options': 'SAMEORIGIN' }));
  }
  return answer(htmlResponse(404, '<!DOCTYPE html><title>Error 404 (Not Found)!!1</title><p>404. That’s an error.'));
}
