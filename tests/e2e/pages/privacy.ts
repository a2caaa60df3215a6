/**
 * The privacy centre (F7) in the side panel, driven as a person drives it: by role, name and
 * visible text; the export read back from the file Chrome downloads.
 */
import { readFile } from 'node:fs/promises';
import { type Locator, expect } from '@playwright/test';
import type { StoredCategory } from '../../../utils/privacy/schemas';
import type { PanelPage } from './panel-page';

export class PrivacyPage {
  constructor(readonly panel: PanelPage) {}

  get root(): Locator {
    return this.panel.byTestId('privacy-centre');
  }

  /** From the header's "Privacy" button, signed in. */
  static async openFromHeader(panel: PanelPage): Promise<PrivacyPage> {
    await panel.page.getByRole('banner').getByRole('button', { name: 'Privacy', exact: true }).click();
    return PrivacyPage.shown(panel);
  }

  /** From the consent screen's "Privacy centre" button, signed out. */
  static async openFromConsent(panel: PanelPage): Promise<PrivacyPage> {
    await panel.page.getByRole('button', { name: 'Privacy centre' }).click();
    return PrivacyPage.shown(panel);
  }

  private static async shown(panel: PanelPage): Promise<PrivacyPage> {
    const privacy = new PrivacyPage(panel);
    await expect(privacy.root.getByRole('heading', { level: 2, name: 'Privacy centre' })).toBeFocused();
    await expect(privacy.storedRow('access-log')).toBeVisible();
    return privacy;
  }

  async back(): Promise<void> {
    await this.root.getByRole('button', { name: 'Back' }).click();
    await expect(this.root).toHaveCount(0);
  }

  storedRow(category: StoredCategory): Locator {
    return this.root.locator(`[data-testid="stored-row"][data-category="${category}"]`);
  }

  async storedCount(category: StoredCategory): Promise<number> {
    return Number(await this.storedRow(category).getAttribute('data-count'));
  }

  get accessLogRows(): Locator {
    return this.panel.byTestId('access-log-row');
  }

  link(name: string): Locator {
    return this.root.getByRole('link', { name, exact: true });
  }

  /** Clicks "Export my data" and reads the JSON file Chrome saves. */
  async export(): Promise<{ fileName: string; document: unknown }> {
    const download = this.panel.page.waitForEvent('download');
    await this.root.getByRole('button', { name: 'Export my data' }).click();
    const file = await download;
    const path = await file.path();
    const document: unknown = JSON.parse(await readFile(path, 'utf8'));
    await expect(this.panel.byTestId('export-done')).toContainText(file.suggestedFilename());
    return { fileName: file.suggestedFilename(), document };
  }

  /** Erases or anonymises one customer, through the confirmation step; returns the result line. */
  async eraseCustomer(address: string, mode: 'Erase' | 'Anonymise'): Promise<string> {
    const section = this.panel.byTestId('privacy-erase');
    await section.getByLabel("Customer's email address").fill(address);
    await section.getByRole('radio', { name: mode }).check();
    await section.getByRole('button', { name: "Erase this customer's data" }).click();
    const confirm = this.panel.byTestId('erase-confirm');
    await expect(confirm).toContainText(address, { ignoreCase: true });
    await confirm.getByRole('button', { name: mode, exact: true }).click();
    const result = this.panel.byTestId('erase-result');
    await expect(result).toBeVisible();
    return (await result.textContent()) ?? '';
  }

  /** Delete all local data, confirmed; the centre gives way to the consent screen. */
  async deleteAll(): Promise<void> {
    await this.panel.byTestId('privacy-delete-all').getByRole('button', { name: 'Delete all local data' }).click();
    const confirm = this.panel.byTestId('delete-all-confirm');
    await expect(confirm).toContainText('templates synced by Chrome');
    await confirm.getByRole('button', { name: 'Delete everything' }).click();
    await expect(this.root).toHaveCount(0);
  }
}
