/**
 * One Chromium with the built extension, the fake Gmail in one tab and the side panel bound to it
 * in another, signed in through Google's consent popup like an agent. Latency is switched on only
 * after sign-in: the bench measures reading mail, not signing in.
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, CDPSession } from '@playwright/test';
import { GmailPage } from '../../tests/e2e/pages/gmail-page';
import { PanelPage } from '../../tests/e2e/pages/panel-page';
import { type FakeGoogle, startFakeGoogle } from '../../tests/fake-google/index';
import { browserCdpSession, extensionWorker, launchWithExtension, newProfileDir } from '../../tests/support/launch';
import { allowTsxFunctions } from './in-page';
import { type BenchMailbox, benchMailbox, benchSeed, threadIdsBySubject } from './seed';

export interface BenchSession {
  fake: FakeGoogle;
  context: BrowserContext;
  /** Browser-level CDP, for the targets Playwright does not hand out (the service worker). */
  cdp: CDPSession;
  gmail: GmailPage;
  panel: PanelPage;
  mailbox: BenchMailbox;
  threadId: (subject: string) => string;
  latency: number;
  runs: number;
  close: () => Promise<void>;
}

const NO_CONVERSATION = 'No conversation open';

export async function openSession(options: { latency: number; runs: number }): Promise<BenchSession> {
  const fake = await startFakeGoogle();
  const userDataDir = newProfileDir();
  let context: BrowserContext | null = null;
  const close = async () => {
    await context?.close();
    await fake.close();
    // The profile holds the IndexedDB scenario's 50,000 records.
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const mailbox = benchMailbox(options.runs);
    fake.control.reset(benchSeed(mailbox));
    context = await launchWithExtension({ fakeGoogleArgs: fake.chromiumArgs(), headless: true, userDataDir });
    const worker = await extensionWorker(context);
    const gmail = await GmailPage.open(context);
    const panel = await PanelPage.open(context, await gmail.tabId(worker));
    await panel.signIn();
    await panel.heading(NO_CONVERSATION).waitFor();
    await Promise.all([allowTsxFunctions(gmail.page), allowTsxFunctions(panel.page)]);
    fake.control.setLatency(options.latency);
    return {
      fake,
      context,
      cdp: await browserCdpSession(userDataDir),
      gmail,
      panel,
      mailbox,
      threadId: threadIdsBySubject(fake.control),
      ...options,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Opens a conversation as Gmail does (a hash change); answers Date.now() in the tab just before. */
export async function openConversation(session: BenchSession, subject: string): Promise<number> {
  return session.gmail.page.evaluate((hash) => {
    const startedAt = Date.now();
    location.hash = hash;
    return startedAt;
  }, `#inbox/${session.threadId(subject)}`);
}

/** Back to the inbox, and the panel back to its "no conversation" state, so runs start alike. */
export async function backToInbox(session: BenchSession): Promise<void> {
  await session.gmail.backToInbox();
  await session.panel.heading(NO_CONVERSATION).waitFor();
}
