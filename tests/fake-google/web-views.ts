/**
 * The fake Gmail page's views, rendered as HTML fragments for `div[role="main"]`: thread lists
 * (rows `tr.zA` whose subject span carries `data-thread-id="#thread-f:<decimal>"` and
 * `data-legacy-thread-id="<hex>"`) and the conversation (`h2.hP` with
 * `data-thread-perm-id`/`data-legacy-thread-id`, messages `div.adn[data-message-id]` with
 * `span.gD[email][name]`), marked per the thread's `domMarkers` (notes/google-facts.md). User
 * labels shown in the message list (messageListVisibility ≠ hide) appear as chips `span.at[title]`
 * beside the row's subject and under the conversation's heading, like Gmail's. A draft in a
 * conversation comes after its messages, `div.draft[data-draft-id]` with a red "Draft" where a
 * message has its sender, so it carries no sender marker (`span.gD`, or `span.yP` in a list row).
 */
import { decodeEncodedWords, firstAddress } from './address.ts';
import { escapeHtml } from './http-types.ts';
import { hexToDecimal } from './ids.ts';
import type { Mailbox, StoredMessage, StoredThread } from './mailbox.ts';
import { bodyText, headerValue } from './mime-parse.ts';

function header(message: StoredMessage, name: string): string {
  return decodeEncodedWords(headerValue(message.entity.headers, name) ?? '');
}

function subjectOf(thread: StoredThread): string {
  const first = thread.messages[0];
  return first === undefined ? '' : header(first, 'Subject') || '(no subject)';
}

function attr(name: string, value: string): string {
  return ` ${name}="${escapeHtml(value)}"`;
}

function listThreadAttrs(thread: StoredThread): string {
  const perm = `#thread-f:${hexToDecimal(thread.id)}`;
  switch (thread.domMarkers) {
    case 'legacy-only': return attr('data-legacy-thread-id', thread.id);
    case 'perm-only': return attr('data-thread-id', perm);
    case 'perm-undefined': return attr('data-thread-id', '#thread-f:undefined') + attr('data-legacy-thread-id', thread.id);
    case 'unsynced': return attr('data-thread-id', `#thread-a:${thread.unsyncedId}`);
    case 'both': return attr('data-thread-id', perm) + attr('data-legacy-thread-id', thread.id);
  }
}

function subjectAttrs(thread: StoredThread): string {
  const perm = `thread-f:${hexToDecimal(thread.id)}`;
  switch (thread.domMarkers) {
    case 'legacy-only': return attr('data-legacy-thread-id', thread.id);
    case 'perm-only': return attr('data-thread-perm-id', perm);
    // Seen on some Workspace accounts: the perm id is the string "undefined" next to a valid legacy id.
    case 'perm-undefined': return attr('data-thread-perm-id', 'undefined') + attr('data-legacy-thread-id', thread.id);
    case 'unsynced': return attr('data-thread-perm-id', `thread-a:${thread.unsyncedId}`);
    case 'both': return attr('data-thread-perm-id', perm) + attr('data-legacy-thread-id', thread.id);
  }
}

function messageAttrs(thread: StoredThread, message: StoredMessage, index: number): string {
  if (thread.domMarkers === 'unsynced') return attr('data-message-id', `#msg-a:${thread.unsyncedId}${index}`);
  const perm = attr('data-message-id', `#msg-f:${hexToDecimal(message.id)}`);
  return thread.domMarkers === 'perm-only' ? perm : perm + attr('data-legacy-message-id', message.id);
}

function shortDate(ms: number): string {
  return new Date(ms).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

function longDate(ms: number): string {
  return new Date(ms).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
}

function sender(message: StoredMessage, mailbox: Mailbox): { name: string; email: string } {
  const from = firstAddress(headerValue(message.entity.headers, 'From'));
  const email = from?.address ?? '';
  const name = email === mailbox.email ? 'me' : from?.name || email;
  return { name, email };
}

/** The thread's user labels as Gmail's chips; outside the subject span and the h2, so their text stays clean. */
function labelChips(mailbox: Mailbox, thread: StoredThread): string {
  const chips = mailbox.threadLabelIds(thread).flatMap((id) => {
    const label = mailbox.labels.byId(id);
    if (label === undefined || label.type !== 'user' || label.messageListVisibility === 'hide') return [];
    return [`<span class="at"${attr('title', label.name)}${attr('data-label-id', label.id)}><span class="av">${escapeHtml(label.name)}</span></span>`];
  });
  return chips.length === 0 ? '' : `<span class="ar as">${chips.join('')}</span>`;
}

/** Which messages are drafts, each with its draft id. */
function draftIds(mailbox: Mailbox): Map<StoredMessage, string> {
  return new Map([...mailbox.drafts].map(([id, message]) => [message, id]));
}

const DRAFT_MARK = '<span class="draft-mark">Draft</span>';

const TOOLBAR = `<div class="toolbar" role="toolbar" aria-label="Toolbar"><button type="button" aria-label="Refresh">⟳</button><button type="button" aria-label="More">⋮</button></div>`;

export function listView(mailbox: Mailbox, threads: StoredThread[], folder: string, notice?: string): string {
  const drafts = draftIds(mailbox);
  const rows = threads
    .map((thread) => {
      const last = thread.messages.at(-1) as StoredMessage;
      const unread = thread.messages.some((m) => m.labelIds.includes('UNREAD'));
      // Senders and the count are of the mail; a draft only adds "Draft" after them.
      const mail = thread.messages.filter((m) => !drafts.has(m));
      const lastMail = mail.at(-1);
      const who = lastMail === undefined ? undefined : sender(lastMail, mailbox);
      const senderHtml = who === undefined ? '' : `<span class="yP"${attr('email', who.email)}${attr('name', who.name)}>${escapeHtml(who.name)}</span>`;
      const draftMark = mail.length === thread.messages.length ? '' : `${who === undefined ? '' : ', '}${DRAFT_MARK}`;
      const count = mail.length > 1 ? ` <span class="bx0">${mail.length}</span>` : '';
      return `<tr class="zA ${unread ? 'zE' : 'yO'}" role="row" tabindex="-1" data-href="#${folder}/${thread.webToken}">
<td class="yX xY">${senderHtml}${draftMark}${count}</td>
<td class="xY a4W">${labelChips(mailbox, thread)}<span class="bog"><span${listThreadAttrs(thread)}>${escapeHtml(subjectOf(thread))}</span></span><span class="y2"> - ${last.snippet}</span></td>
<td class="xW xY"><span${attr('title', longDate(last.internalDate))}>${escapeHtml(shortDate(last.internalDate))}</span></td>
</tr>`;
    })
    .join('\n');
  const empty = threads.length === 0 ? '<p class="empty">No conversations.</p>' : '';
  const banner = notice === undefined ? '' : `<div class="notice" role="alert">${escapeHtml(notice)}</div>`;
  return `${banner}${TOOLBAR}<table class="F cf zt" role="grid"><tbody>\n${rows}\n</tbody></table>${empty}`;
}

function bodyHtml(message: StoredMessage): string {
  const body = bodyText(message.entity);
  if (body === undefined) return '';
  // Mail HTML is never injected: the page shows its text, like a sanitiser that drops markup.
  const text = body.html ? body.text.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>/gi, '\n\n').replace(/<[^>]+>/g, '') : body.text;
  return escapeHtml(text.trim()).replace(/\n/g, '<br>');
}

function attachmentsHtml(message: StoredMessage): string {
  const files = message.entity.parts.filter((p) => p.filename !== '');
  if (files.length === 0) return '';
  const items = files.map((f) => `<span class="aZo" role="link">${escapeHtml(f.filename)} <small>${Math.ceil(f.body.length / 1024)} KB</small></span>`);
  return `<div class="aQH">${items.join('')}</div>`;
}

/** A draft as Gmail shows it in its conversation: "Draft" in red instead of a sender. */
function draftHtml(message: StoredMessage, draftId: string): string {
  return `<div class="draft" role="listitem"${attr('data-draft-id', draftId)}>
<div class="gs"><h3 class="iw">${DRAFT_MARK}</h3>
<div class="g2">to ${escapeHtml(header(message, 'To'))}</div><span class="g3"${attr('title', longDate(message.internalDate))}>${escapeHtml(longDate(message.internalDate))}</span>
<div class="a3s aiL">${bodyHtml(message)}</div>${attachmentsHtml(message)}</div></div>`;
}

export function conversationView(mailbox: Mailbox, thread: StoredThread, folder: string): string {
  const drafts = draftIds(mailbox);
  const messages = thread.messages
    .filter((message) => !drafts.has(message))
    .map((message, index) => {
      const who = sender(message, mailbox);
      const to = header(message, 'To');
      return `<div class="adn ads" role="listitem"${messageAttrs(thread, message, index)}>
<div class="gs"><h3 class="iw"><span class="gD"${attr('email', who.email)}${attr('name', who.name)}>${escapeHtml(who.name)}</span> <span class="go">&lt;${escapeHtml(who.email)}&gt;</span></h3>
<div class="g2">to ${escapeHtml(to)}</div><span class="g3"${attr('title', longDate(message.internalDate))}>${escapeHtml(longDate(message.internalDate))}</span>
<div class="a3s aiL">${bodyHtml(message)}</div>${attachmentsHtml(message)}</div></div>`;
    })
    .concat(thread.messages.flatMap((message) => {
      const draftId = drafts.get(message);
      return draftId === undefined ? [] : [draftHtml(message, draftId)];
    }))
    .join('\n');
  return `<div class="toolbar" role="toolbar" aria-label="Toolbar"><a class="back" href="#${folder}" aria-label="Back to ${folder === 'sent' ? 'Sent Mail' : folder === 'all' ? 'All Mail' : 'Inbox'}">←</a></div>
<div class="nH"><h2 class="hP" tabindex="-1"${subjectAttrs(thread)}>${escapeHtml(subjectOf(thread))}</h2>${labelChips(mailbox, thread)}
<div role="list" class="conversation">
${messages}
</div></div>`;
}

export { subjectOf };
