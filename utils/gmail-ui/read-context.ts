/**
 * Reads, from Gmail's page, which account the tab shows and which conversation is open. Pure:
 * takes the pieces of the page it needs. Only attribute and text reads — nothing that forces layout.
 */
import type { GmailContext } from '../messaging/protocol';
import { LEGACY_THREAD_ID_ATTR, MESSAGE_SENDER, OPEN_THREAD_SUBJECT, PERM_THREAD_ID_ATTR, SENDER_EMAIL_ATTR } from './selectors';
import { normalizeThreadId } from './thread-id';

export interface GmailPage {
  pathname: string;
  hash: string;
  title: string;
  querySelectorAll: (selector: string) => ArrayLike<Element>;
}

const ACCOUNT_PATH = /^(\/mail(?:\/b\/[A-Za-z0-9_-]{1,64})?\/u\/\d{1,2})(?:\/|$)/;
/**
 * The addresses the background accepts (gmailContextSchema: zod's z.email(), at most 320 characters).
 * The content script stays free of zod, so this is zod's pattern, copied; a property test
 * (read-context.property.test.ts) fails if the two part. Any other address — a bounce address with
 * '=', an internationalised one — would make the background refuse the whole context and leave the
 * panel on the previous conversation (issue 7), so it is left out: senders are only a hint, and the
 * account email may be unknown.
 */
const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
const MAX_EMAIL_LENGTH = 320;
const isEmail = (text: string): boolean => text.length <= MAX_EMAIL_LENGTH && EMAIL.test(text);

/** `/mail/u/1/…` → `/mail/u/1`; Gmail's bare `/mail/` is account 0. */
export function accountPathOf(pathname: string): string | null {
  const match = ACCOUNT_PATH.exec(pathname);
  if (match?.[1]) return match[1];
  return /^\/mail\/?$/.test(pathname) ? '/mail/u/0' : null;
}

/**
 * The title reads `<view or subject> - <account email> - Gmail` (Workspace: the org's name last).
 * The subject may itself contain " - " and addresses, so the account is the second segment from
 * the end, and only if it looks like an address.
 */
export function accountEmailOf(title: string): string | null {
  const segments = title.split(' - ');
  const candidate = segments.length >= 3 ? segments[segments.length - 2]?.trim() : undefined;
  return candidate && isEmail(candidate) ? candidate.toLowerCase() : null;
}

/** Lists named by two segments: `#label/<name>`, `#search/<query>`, `#category/<name>`. */
const TWO_SEGMENT_LISTS = new Set(['label', 'search', 'category', 'advanced-search', 'section_query']);
/** Thread tokens (`FMfcgz…`) and hex ids are long; `#inbox/p2` (page 2) is not a thread. */
const THREAD_TOKEN = /^[A-Za-z0-9_-]{10,}$/;

/**
 * The view from the hash: a conversation is a thread token after the list it was opened from
 * (`#inbox/FMfcg…`, `#label/Support/FMfcg…`, `#search/foo/FMfcg…`); settings are 'other'.
 */
export function viewOf(hash: string): GmailContext['view'] {
  // Gmail appends `?compose=new` or `?projector=1` while a compose window or preview is open.
  const route = hash.replace(/^#/, '').split('?')[0] ?? '';
  const segments = route.split('/').filter(Boolean);
  const first = segments[0] ?? 'inbox';
  if (first === 'settings') return 'other';
  const listDepth = TWO_SEGMENT_LISTS.has(first) ? 2 : 1;
  const last = segments[segments.length - 1] ?? '';
  return segments.length > listDepth && THREAD_TOKEN.test(last) ? 'thread' : 'list';
}

/** Gmail keeps earlier views in the DOM, hidden: skip headings inside a hidden container. */
function isHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    if (/display:\s*none/.test(node.getAttribute('style') ?? '')) return true;
  }
  return false;
}

export function openThreadIdOf(page: Pick<GmailPage, 'querySelectorAll'>): string | null {
  const headings = Array.from(page.querySelectorAll(OPEN_THREAD_SUBJECT)).filter((h) => !isHidden(h));
  const heading = headings[headings.length - 1];
  if (!heading) return null;
  return normalizeThreadId(heading.getAttribute(LEGACY_THREAD_ID_ATTR), heading.getAttribute(PERM_THREAD_ID_ATTR));
}

/** Enough senders to find the customer among colleagues; a long thread repeats the same few. */
export const MAX_SENDERS = 20;

/**
 * The senders Gmail shows in the open conversation, in page order, each once. Only a hint: it lets
 * the background look up the customer's history while the thread itself is still being fetched.
 */
export function sendersOf(page: Pick<GmailPage, 'querySelectorAll'>): string[] {
  const senders = new Set<string>();
  for (const element of Array.from(page.querySelectorAll(MESSAGE_SENDER))) {
    const email = element.getAttribute(SENDER_EMAIL_ATTR)?.trim().toLowerCase() ?? '';
    if (isEmail(email) && !isHidden(element)) senders.add(email);
    if (senders.size === MAX_SENDERS) break;
  }
  return [...senders];
}

export function readGmailContext(page: GmailPage): GmailContext | null {
  const accountPath = accountPathOf(page.pathname);
  if (!accountPath) return null;
  const view = viewOf(page.hash);
  return {
    accountPath,
    accountEmail: accountEmailOf(page.title),
    view,
    threadId: view === 'thread' ? openThreadIdOf(page) : null,
    senders: view === 'thread' ? sendersOf(page) : [],
  };
}
