/**
 * The side panel, opened as `sidepanel.html?tab=<id>` (ARCHITECTURE.md: the panel binds to an
 * explicit tab), read as a person reads it: by role, name and visible text.
 */
import { type BrowserContext, type Locator, type Page, expect } from '@playwright/test';
import { EXTENSION_ID } from '../../support/launch';

export class PanelPage {
  constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
  ) {}

  /** `now`: the panel's clock is fixed there (Playwright's clock), for SLA times known in advance. */
  static async open(context: BrowserContext, tabId: number, options: { now?: number } = {}): Promise<PanelPage> {
    const page = await context.newPage();
    if (options.now !== undefined) await page.clock.setFixedTime(options.now);
    await page.goto(`chrome-extension://${EXTENSION_ID}/sidepanel.html?tab=${tabId}`);
    return new PanelPage(page, context);
  }

  get signInButton() {
    return this.page.getByRole('button', { name: 'Sign in with Google' });
  }

  get signOutButton() {
    return this.page.getByRole('button', { name: 'Sign out and revoke access' });
  }

  /** Clicks "Sign in with Google" and answers Google's consent popup. */
  async signIn(answer: 'Allow' | 'Cancel' = 'Allow'): Promise<void> {
    await this.answerGoogle(this.signInButton, answer);
    if (answer === 'Allow') await expect(this.signOutButton).toBeVisible();
  }

  /** Clicks `trigger` and answers the consent popup Google opens for it. */
  async answerGoogle(trigger: Locator, answer: 'Allow' | 'Cancel'): Promise<void> {
    const popup = this.context.waitForEvent('page', (page) => page.url().startsWith('https://accounts.google.com/'));
    await trigger.click();
    const consent = await popup;
    await consent.getByRole('button', { name: answer }).click();
  }

  statusButton(status: 'Open' | 'Pending' | 'Solved') {
    return this.byTestId('case-controls').getByRole('button', { name: status, exact: true });
  }

  priorityButton(priority: 'P1' | 'P2' | 'P3') {
    return this.byTestId('case-controls').getByRole('button', { name: `Priority ${priority}` });
  }

  /**
   * Sets a status the first time: the panel explains why it needs more access, and Google's
   * window grants it (incremental consent).
   */
  async setFirstStatus(status: 'Open' | 'Pending' | 'Solved'): Promise<void> {
    await this.statusButton(status).click();
    await this.answerGoogle(this.byTestId('case-consent').getByRole('button', { name: 'Allow in Google' }), 'Allow');
    await expect(this.statusButton(status)).toHaveAttribute('aria-pressed', 'true');
    await expect(this.byTestId('case-controls')).not.toHaveAttribute('aria-busy', 'true');
  }

  queueTab() {
    return this.page.getByRole('tab', { name: 'Queue' });
  }

  heading(name: string) {
    return this.page.getByRole('heading', { name });
  }

  byTestId(id: string) {
    return this.page.getByTestId(id);
  }

  async expectCustomer(customer: { name: string; email: string; domain: string }): Promise<void> {
    await expect(this.byTestId('customer-name')).toHaveText(customer.name);
    await expect(this.byTestId('customer-email')).toHaveText(customer.email);
    await expect(this.byTestId('customer-domain')).toHaveText(customer.domain);
  }
}
