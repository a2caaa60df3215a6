/**
 * The Gmail REST methods the fake serves, with the scopes each accepts (from the discovery
 * document) and the internal method name Google's errors carry. Resolving a route is separate
 * from running it so the request log and faults know the API method of every request.
 */
import { SCOPES } from './scopes.ts';

const READ = [SCOPES.mail, SCOPES.modify, SCOPES.readonly, SCOPES.metadata] as const;

export type GmailRouteName =
  | 'getProfile' | 'labels.list' | 'labels.get' | 'threads.list' | 'threads.get'
  | 'messages.list' | 'messages.get' | 'messages.attachments.get' | 'history.list';

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
  'threads.list': { rpc: 'ListThreads', scopes: READ },
  'threads.get': { rpc: 'GetThread', scopes: READ },
  'messages.list': { rpc: 'ListMessages', scopes: READ },
  'messages.get': { rpc: 'GetMessage', scopes: READ },
  // Attachment bytes are message content: the metadata scope does not reach them.
  'messages.attachments.get': { rpc: 'GetAttachment', scopes: [SCOPES.mail, SCOPES.modify, SCOPES.readonly] },
  'history.list': { rpc: 'ListHistory', scopes: READ },
};

export interface ResolvedRoute {
  route: GmailRoute;
  userId: string;
  params: string[];
}

const PATTERNS: [RegExp, GmailRouteName][] = [
  [/^profile$/, 'getProfile'],
  [/^labels$/, 'labels.list'],
  [/^labels\/([^/]+)$/, 'labels.get'],
  [/^threads$/, 'threads.list'],
  [/^threads\/([^/]+)$/, 'threads.get'],
  [/^messages$/, 'messages.list'],
  [/^messages\/([^/]+)$/, 'messages.get'],
  [/^messages\/([^/]+)\/attachments\/([^/]+)$/, 'messages.attachments.get'],
  [/^history$/, 'history.list'],
];

export function resolveGmailRoute(method: string, path: string): ResolvedRoute | undefined {
  if (method !== 'GET') return undefined;
  const match = /^\/gmail\/v1\/users\/([^/]+)\/(.+)$/.exec(path);
  if (match === null) return undefined;
  const [, userId = '', rest = ''] = match;
  for (const [pattern, name] of PATTERNS) {
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
