/**
 * What the extension may ask Chrome for (issue 7 › 2): least privilege, no remote code, Chrome's
 * default MV3 CSP. Shared by the unit test (wxt.config.ts, before any build) and the e2e check of
 * the built extension (what Chrome actually loads, with what WXT adds).
 */

/** Sign-in, the side panel, session/local/sync storage, and the queue's sync job. */
export const ALLOWED_PERMISSIONS = ['alarms', 'identity', 'sidePanel', 'storage'] as const;

/** The Google hosts the background calls, and Gmail for the content script. */
export const ALLOWED_HOST_PERMISSIONS = [
  'https://gmail.googleapis.com/*',
  'https://mail.google.com/*',
  'https://oauth2.googleapis.com/*',
  'https://www.googleapis.com/*',
] as const;

export const CONTENT_SCRIPT_MATCHES = ['https://mail.google.com/*'] as const;

/**
 * Keys that would open the extension up: pages readable by any site, messages from web pages or
 * other extensions, a weaker CSP, permissions granted later without a manifest review, pages
 * allowed to run eval.
 */
export const FORBIDDEN_MANIFEST_KEYS = [
  'web_accessible_resources',
  'externally_connectable',
  'content_security_policy',
  'optional_permissions',
  'optional_host_permissions',
  'sandbox',
] as const;

const sorted = (values: readonly string[] | undefined) => [...(values ?? [])].sort();
const same = (a: readonly string[], b: readonly string[]) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/** Every way `manifest` departs from the allow-list; [] when it keeps to it. */
export function manifestProblems(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const permissions = manifest['permissions'] as string[] | undefined;
  const hosts = manifest['host_permissions'] as string[] | undefined;
  if (!same(permissions ?? [], ALLOWED_PERMISSIONS)) problems.push(`permissions ${JSON.stringify(sorted(permissions))}`);
  if (!same(hosts ?? [], ALLOWED_HOST_PERMISSIONS)) problems.push(`host_permissions ${JSON.stringify(sorted(hosts))}`);
  for (const key of FORBIDDEN_MANIFEST_KEYS) if (key in manifest) problems.push(`has ${key}`);
  return problems;
}

export interface ContentScriptEntry {
  matches?: string[];
  all_frames?: boolean;
  match_about_blank?: boolean;
  match_origin_as_fallback?: boolean;
  world?: string;
}

/**
 * The Gmail content script only, in top frames only (the router also refuses iframes), in its
 * isolated world: the page's own scripts never share its `chrome.runtime`.
 */
export function contentScriptProblems(entries: readonly ContentScriptEntry[]): string[] {
  const problems: string[] = [];
  if (entries.length !== 1) problems.push(`${entries.length} content script entries`);
  for (const entry of entries) {
    if (!same(entry.matches ?? [], CONTENT_SCRIPT_MATCHES)) problems.push(`matches ${JSON.stringify(entry.matches)}`);
    if (entry.all_frames) problems.push('all_frames');
    if (entry.match_about_blank || entry.match_origin_as_fallback) problems.push('runs in about:blank or opaque frames');
    if (entry.world !== undefined && entry.world !== 'ISOLATED') problems.push(`world ${entry.world}`);
  }
  return problems;
}

/**
 * Code that would run something not shipped in the package. Our build contains none of these; the
 * one near miss, `Function.call.bind` in webextension-polyfill, does not match (no call of Function).
 */
const REMOTE_OR_DYNAMIC_CODE: readonly [string, RegExp][] = [
  ['eval', /\beval\s*\(/],
  ['Function constructor', /\bFunction\s*\(/],
  ['importScripts', /\bimportScripts\s*\(/],
  ['remote import', /\b(?:import\s*\(|from)\s*["'`](?:https?:)?\/\//],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
];

/** Script or style loaded from the network by a page of the extension. */
const REMOTE_PAGE_RESOURCE = /<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i;
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>/i;

/** What in one built file would run remote or generated code; [] for a clean file. */
export function codeProblems(fileName: string, text: string): string[] {
  if (fileName.endsWith('.js')) return REMOTE_OR_DYNAMIC_CODE.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
  if (fileName.endsWith('.html')) {
    return [
      ...(REMOTE_PAGE_RESOURCE.test(text) ? ['remote script or stylesheet'] : []),
      ...(INLINE_SCRIPT.test(text) ? ['inline script'] : []),
    ];
  }
  if (fileName.endsWith('.css')) return /@import|url\(\s*["']?(?:https?:)?\/\//i.test(text) ? ['stylesheet import or remote url'] : [];
  return [];
}
