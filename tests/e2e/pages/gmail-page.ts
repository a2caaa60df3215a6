/** The fake Gmail web UI, driven as an agent drives Gmail: open the inbox, click a conversation. */
import type { BrowserContext, Page, Worker } from '@playwright/test';

export class GmailPage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext, accountPath = '/mail/u/0/'): Promise<GmailPage> {
    const blank = context.pages().find((page) => page.url() === 'about:blank');
    const page = blank ?? (await context.newPage());
    await page.goto(`https://mail.google.com${accountPath}#inbox`);
    await page.locator('tr.zA').first().waitFor();
    return new GmailPage(page);
  }

  async openConversation(subject: string): Promise<void> {
    await this.page.locator('tr.zA', { hasText: subject }).first().click();
    await this.page.locator('h2.hP', { hasText: subject }).waitFor();
  }

  async backToInbox(): Promise<void> {
    await this.openFolder('inbox');
  }

  /** A list view by its hash: 'inbox', 'sent', 'all'. */
  async openFolder(folder: string): Promise<void> {
    await this.page.evaluate((hash) => {
      location.hash = hash;
    }, `#${folder}`);
    await this.page.locator('tr.zA').first().waitFor();
  }

  /** Chrome's id for this tab, asked of the extension (it alone knows tab ids). */
  async tabId(worker: Worker): Promise<number> {
    const url = this.page.url();
    const id = await worker.evaluate(async (pageUrl) => {
      const tabs = await chrome.tabs.query({ url: 'https://mail.google.com/*' });
      return tabs.find((tab) => tab.url === pageUrl)?.id ?? null;
    }, url);
    if (id === null) throw new Error(`no tab found for ${url}`);
    return id;
  }
}
