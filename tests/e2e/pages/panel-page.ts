/**
 * The side panel, opened as `sidepanel.html?tab=<id>` (ARCHITECTURE.md: the panel binds to an
 * explicit tab), read as a person reads it: by role, name and visible text.
 */
import { type BrowserContext, type Page, expect } from '@playwright/test';
import { EXTENSION_ID } from '../../support/launch';

export class PanelPage {
  constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
  ) {}

  static async open(context: BrowserContext, tabId: number): Promise<PanelPage> {
    const page = await context.newPage();
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
    const popup = this.context.waitForEvent('page', (page) => page.url().startsWith('https://accounts.google.com/'));
    await this.signInButton.click();
    const consent = await popup;
    await consent.getByRole('button', { name: answer }).click();
    if (answer === 'Allow') await expect(this.signOutButton).toBeVisible();
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
