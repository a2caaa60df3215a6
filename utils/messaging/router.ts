/**
 * The background's front door (Dark Reader's habit, STYLE.md): every runtime message is checked
 * for who sent it and parsed with zod before any handler sees it. Content messages are accepted
 * only from this extension's content script in a top-level mail.google.com frame; panel requests
 * only from this extension's own pages.
 */
import type { Browser } from 'wxt/browser';
import { GMAIL_WEB_ORIGIN } from '../google/endpoints';
import {
  type GmailContext,
  type PanelRequest,
  type Result,
  contentMessageSchema,
  panelRequestSchema,
} from './protocol';

export interface RouterDeps {
  extensionId: string;
  /** `chrome-extension://<id>/` */
  extensionBaseUrl: string;
  onGmailContext: (tabId: number, context: GmailContext) => Promise<void>;
  onPanelRequest: (request: PanelRequest) => Promise<Result<unknown>>;
  log: (message: string, details: Record<string, unknown>) => void;
}

export function isFromGmailTopFrame(sender: Browser.runtime.MessageSender): boolean {
  return sender.tab?.id !== undefined && sender.frameId === 0 && originOf(sender.url) === GMAIL_WEB_ORIGIN;
}

/** `extensionBaseUrl` is runtime.getURL('/'): `chrome-extension://<id>/`. */
export function isFromExtensionPage(sender: Browser.runtime.MessageSender, extensionBaseUrl: string): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(extensionBaseUrl);
}

/**
 * A `panel` port receives a tab's state (account, customer): only this extension's own pages may
 * open one. Chrome already routes other extensions to onConnectExternal, which we never listen to;
 * the id is checked anyway, as the router does, so that a listener added there one day stays safe.
 */
export function isTrustedPanelPort(
  sender: Browser.runtime.MessageSender | undefined,
  extensionId: string,
  extensionBaseUrl: string,
): boolean {
  return sender?.id === extensionId && isFromExtensionPage(sender, extensionBaseUrl);
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function createRouter(deps: RouterDeps) {
  function reject(reason: string, sender: Browser.runtime.MessageSender): Result<never> {
    deps.log('rejected message', { reason, senderId: sender.id, senderUrl: sender.url });
    return { ok: false, error: { code: 'bad-request', detail: reason } };
  }

  return async function route(message: unknown, sender: Browser.runtime.MessageSender): Promise<Result<unknown>> {
    if (sender.id !== deps.extensionId) return reject('sender is not this extension', sender);

    const content = contentMessageSchema.safeParse(message);
    if (content.success) {
      if (!isFromGmailTopFrame(sender)) return reject('Gmail context from outside a Gmail tab', sender);
      await deps.onGmailContext(sender.tab!.id!, content.data.context);
      return { ok: true, data: null };
    }

    const request = panelRequestSchema.safeParse(message);
    if (request.success) {
      if (!isFromExtensionPage(sender, deps.extensionBaseUrl)) return reject('panel request from a web page', sender);
      return deps.onPanelRequest(request.data);
    }
    return reject('malformed message', sender);
  };
}
