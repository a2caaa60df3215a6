/**
 * The Gmail REST methods the fake serves, with the scopes each accepts (from the discovery
 * document) and the internal method name Google's errors carry. Resolving a route is separate
 * from running it so the request log and faults know the API method of every request.
 */
import { SCOPES } from './scopes.ts';

const READ = [SCOPES.mail, SCOPES.modify, SCOPES.readonly, SCOPES.metadata] as const;
/** users.threads.modify and users.messages.modify: "https://mail.google.com/" or gmail.modify only. */
const MODIFY = [SCOPES.mail, SCOPES.modify] as const;
/** users.drafts.create/update/delete: compose (also as an add-on's compose action) or broader; not readonly. */
const DRAFT_WRITE = [SCOPES.mail, SCOPES.addonsCompose, SCOPES.compose, SCOPES.modify] as const;
/** users.drafts.get/list: the read scopes without gmail.metadata, plus compose (drafts are its own). */
const DRAFT_READ = [SCOPES.mail, SCOPES.compose, SCOPES.modify, SCOPES.readonly] as const;

export type GmailRouteName =
  | 'getProfile' | 'labels.list' | 'labels.get' | 'labels.create' | 'threads.list' | 'threads.get' | 'threads.modify'
  | 'messages.list' | 'messages.get' | 'messages.modify' | 'messages.attachments.get' | 'history.list'
  | 'drafts.create' | 'drafts.update' | 'drafts.get' | 'drafts.list' | 'drafts.delete';

export interface GmailRoute {
  name: GmailRouteName;
  apiMethod: string;
  /** Google's internal RPC name, as it appears in ErrorInfo details. */
  rpc: string;
  scopes: readonly string[];
}

const ROUTES: Record<GmailRouteName, Omit<GmailRoute, 'name' | 'apiMethod'>> = {
  getProfile: { rpc: 'GetProfile', scopes: [...READ, SCOPES.compose] },
  'labels.list': { rpc: 'ListLabels', scopes: [...READ, SCOPES.labels] },
  'labels.get': { rpc: 'GetLabel', scopes: [...READ, SCOPES.labels] },
  'labels.create': { rpc: 'CreateLabel', scopes: [SCOPES.mail, SCOPES.modify, SCOPES.labels] },
  'threads.list': { rpc: 'ListThreads', scopes: READ },
  'threads.get': { rpc: 'GetThread', scopes: READ },
  'threads.modify': { rpc: 'ModifyThread', scopes: MODIFY },
  'messages.list': { rpc: 'ListMessages', scopes: READ },
  'messages.get': { rpc: 'GetMessage', scopes: READ },
  'messages.modify': { rpc: 'ModifyMessage', scopes: MODIFY },
  // Attachment bytes are message content: the metadata scope does not reach them.
  'messages.attachments.get': { rpc: 'GetAttachment', scopes: [SCOPES.mail, SCOPES.modify, SCOPES.readonly] },
  'history.list': { rpc: 'ListHistory', scopes: READ },
  'drafts.create': { rpc: 'CreateDraft', scopes: DRAFT_WRITE },
  'drafts.update': { rpc: 'UpdateDraft', scopes: DRAFT_WRITE },
  'drafts.get': { rpc: 'GetDraft', scopes: DRAFT_READ },
  'drafts.list': { rpc: 'ListDrafts', scopes: DRAFT_READ },
  'drafts.delete': { rpc: 'DeleteDraft', scopes: DRAFT_WRITE },
};

export interface ResolvedRoute {
  route: GmailRoute;
  userId: string;
  params: string[];
}

const PATTERNS: [string, RegExp, GmailRouteName][] = [
  ['GET', /^profile$/, 'getProfile'],
  ['GET', /^labels$/, 'labels.list'],
  ['POST', /^labels$/, 'labels.create'],
  ['GET', /^labels\/([^/]+)$/, 'labels.get'],
  ['GET', /^threads$/, 'threads.list'],
  ['GET', /^threads\/([^/]+)$/, 'threads.get'],
  ['POST', /^threads\/([^/]+)\/modify$/, 'threads.modify'],
  ['GET', /^messages$/, 'messages.list'],
  ['GET', /^messages\/([^/]+)$/, 'messages.get'],
  ['POST', /^messages\/([^/]+)\/modify$/, 'messages.modify'],
  ['GET', /^messages\/([^/]+)\/attachments\/([^/]+)$/, 'messages.attachments.get'],
  ['GET', /^history$/, 'history.list'],
  ['POST', /^drafts$/, 'drafts.create'],
  ['GET', /^drafts$/, 'drafts.list'],
  ['GET', /^drafts\/([^/]+)$/, 'drafts.get'],
  ['PUT', /^drafts\/([^/]+)$/, 'drafts.update'],
  ['DELETE', /^drafts\/([^/]+)$/, 'drafts.delete'],
];

export function resolveGmailRoute(method: string, path: string): ResolvedRoute | undefined {
  const match = /^\/gmail\/v1\/users\/([^/]+)\/(.+)$/.exec(path);
  if (match === null) return undefined;
  const [, userId = '', rest = ''] = match;
  for (const [verb, pattern, name] of PATTERNS) {
    if (verb !== method) continue;
    const found = pattern.exec(rest);
    if (found === null) continue;
    const route = { name, apiMethod: `gmail.users.${name}`, ...ROUTES[name] };
    return { route, userId: decodeURIComponent(userId), params: found.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return undefined;
}

export const GMAIL_SERVICE = 'gmail.googleapis.com';
export function rpcName(route: GmailRoute): string {
  return `caribou.api.proto.MailboxService.${route.rpc}`;
}
