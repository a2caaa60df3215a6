/**
 * One Google account at work (F10): its Gmail tab, the panel bound to that tab, and the conversation
 * it works on, driven as an agent drives them. Read back from the account's own fake mailbox.
 */
import { type BrowserContext, type Worker, expect } from '@playwright/test';
import type { FakeGoogleControl } from '../../fake-google/index';
import { GmailPage } from './gmail-page';
import { PanelPage } from './panel-page';

export class AccountTab {
  private constructor(
    readonly email: string,
    readonly gmail: GmailPage,
    readonly panel: PanelPage,
    readonly tabId: number,
    /** The conversation this account works on, and its Gmail thread id. */
    readonly subject: string,
    readonly threadId: string,
  ) {}

  /** The account's Gmail tab and its panel, signed in; the panel's clock fixed at `now`. */
  static async signIn(
    setup: { context: BrowserContext; worker: Worker; google: FakeGoogleControl; now: number },
    account: { email: string; accountPath: string; subject: string },
  ): Promise<AccountTab> {
    const gmail = await GmailPage.open(setup.context, `${account.accountPath}/`);
    const tabId = await gmail.tabId(setup.worker);
    const panel = await PanelPage.open(setup.context, tabId, { now: setup.now });
    await panel.signIn();
    await expect(panel.byTestId('signed-in-account')).toContainText(account.email);
    const thread = setup.google
      .mailbox(account.email)
      .threads.find((t) => t.messages.some((m) => m.payload.headers.some((h) => h.name === 'Subject' && h.value === account.subject)));
    if (!thread) throw new Error(`no thread "${account.subject}" in ${account.email}`);
    return new AccountTab(account.email, gmail, panel, tabId, account.subject, thread.id);
  }

  /** Opens the conversation in Gmail; the card shows it fresh from the network. */
  async openCard(): Promise<void> {
    await this.gmail.openConversation(this.subject);
    await expect(this.panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
  }

  /** A status (the first time, Google's consent for modify) and maybe a priority, from the card. */
  async setCase(status: 'Open' | 'Pending', priority: 'P1' | null): Promise<void> {
    await this.panel.setFirstStatus(status);
    if (priority === null) return;
    await this.panel.priorityButton(priority).click();
    await expect(this.panel.priorityButton(priority)).toHaveAttribute('aria-pressed', 'true');
    await expect(this.panel.byTestId('case-controls')).not.toHaveAttribute('aria-busy', 'true');
  }

  /** The queue as the panel lists it once ready: thread ids (sorted) and the overdue count. */
  async queue(): Promise<{ threadIds: string[]; overdue: string | null }> {
    await this.tab('Queue').click();
    await expect(this.panel.byTestId('queue')).toHaveAttribute('data-state', 'ready');
    const threadIds = await this.panel.byTestId('queue-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-thread-id') ?? ''));
    const overdue = await this.panel.byTestId('queue-overdue').getAttribute('data-count');
    await this.tab('Conversation').click();
    return { threadIds: threadIds.sort(), overdue };
  }

  async createTemplate(template: { name: string; body: string }): Promise<void> {
    await this.tab('Templates').click();
    await this.panel.byTestId('template-new').click();
    await this.panel.byTestId('template-name').fill(template.name);
    await this.panel.byTestId('template-body').fill(template.body);
    await this.panel.byTestId('template-save').click();
    await expect(this.panel.byTestId('template-editor')).toHaveCount(0);
    await this.tab('Conversation').click();
  }

  /**
   * Inserts the template as a draft in the open conversation. Google asks for compose only when the
   * account has not granted modify (a case status) yet, which covers drafts too.
   */
  async insertDraft(templateName: string, consent: boolean): Promise<void> {
    await this.tab('Templates').click();
    await this.panel.byTestId('template-row').filter({ hasText: templateName }).getByRole('button', { name: templateName, exact: true }).click();
    await this.panel.page.getByRole('button', { name: 'Insert as draft' }).click();
    if (consent) await this.panel.answerGoogle(this.panel.byTestId('draft-consent-allow'), 'Allow');
    await expect(this.panel.byTestId('draft-done')).toBeVisible();
    await this.tab('Conversation').click();
  }

  /** The case labels the thread carries in this account's own mailbox, by name. */
  caseLabels(google: FakeGoogleControl): string[] {
    const { labels, threads } = google.labels(this.email);
    const ids = new Set(threads.find((thread) => thread.id === this.threadId)?.labelIds ?? []);
    return labels.filter((label) => ids.has(label.id) && label.name.startsWith('iCustomer/')).map((label) => label.name).sort();
  }

  private tab(name: 'Conversation' | 'Queue' | 'Templates') {
    return this.panel.page.getByRole('tab', { name });
  }
}
