/**
 * The extension's privacy page (issue 6, F11): in the browser's language — English unless it is
 * Portuguese — with a keyboard-operable switch to the other one, and no serious axe violation in
 * either language or theme. The URL is the one the consent screen and the privacy centre link to.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { EXTENSION_ID } from '../support/launch';
import { expect, test } from './fixtures';
import { expectAccessible } from './support-axe';

const PRIVACY_PAGE = `chrome-extension://${EXTENSION_ID}/privacy.html`;
const ENGLISH_TITLE = 'How iCustomer handles your data';
const PORTUGUESE_TITLE = 'Como o iCustomer trata os seus dados';

/** `worker` first: the extension is loaded, so its page answers. Page errors (a CSP refusal among them) are collected. */
async function openPrivacyPage(context: BrowserContext, _worker: Worker): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(PRIVACY_PAGE);
  return { page, errors };
}

test('in English by default, it tells about the privacy centre, the access log and its six months', async ({ context, worker }) => {
  const { page, errors } = await openPrivacyPage(context, worker);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ENGLISH_TITLE);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('iCustomer — privacy');
  await expect(page.getByRole('heading', { name: PORTUGUESE_TITLE })).toBeHidden();

  const english = page.locator('article[lang="en"]');
  await expect(english.getByRole('heading', { name: 'The access log' })).toBeVisible();
  await expect(english).toContainText('Entries older than six months are removed.');
  await expect(english).toContainText('nor customers\' email addresses');
  for (const action of ['Export my data', "Erase this customer's data", 'Delete all local data', 'Sign out and revoke access']) {
    await expect(english.getByText(action, { exact: true })).toBeVisible();
  }
  await expect(english.getByRole('link', { name: 'Manage Google permissions' })).toHaveAttribute('href', 'https://myaccount.google.com/permissions');
  await expect(english).toContainText('1 to 3650');
  await expect(page.getByRole('button', { name: 'Português' })).toBeVisible();

  await expectAccessible(page, 'privacy page, English');
  expect(errors).toEqual([]);
});

test.describe('in a browser in Brazilian Portuguese', () => {
  test.use({ language: 'pt-BR' });

  test('the Portuguese article shows, in the words the panel uses', async ({ context, worker }) => {
    const { page, errors } = await openPrivacyPage(context, worker);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(PORTUGUESE_TITLE);
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await expect(page).toHaveTitle('iCustomer — privacidade');
    await expect(page.getByRole('heading', { name: ENGLISH_TITLE })).toBeHidden();

    const portuguese = page.locator('article[lang="pt-BR"]');
    await expect(portuguese.getByRole('heading', { name: 'O registro de acessos' })).toBeVisible();
    await expect(portuguese).toContainText('Entradas com mais de seis meses são removidas.');
    await expect(portuguese).toContainText('"Fazer login com o Google"');
    for (const action of ['Exportar meus dados', 'Apagar os dados deste cliente', 'Excluir os dados locais', 'Sair e revogar o acesso']) {
      await expect(portuguese.getByText(action, { exact: true })).toBeVisible();
    }
    await expect(portuguese.getByRole('link', { name: 'Gerenciar permissões do Google' })).toBeVisible();

    await expectAccessible(page, 'privacy page, Portuguese');
    expect(errors).toEqual([]);
  });

  test('the language switch works from the keyboard, and keeps the focus', async ({ context, worker }) => {
    const { page } = await openPrivacyPage(context, worker);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(PORTUGUESE_TITLE);

    await page.keyboard.press('Tab');
    const toEnglish = page.getByRole('button', { name: 'English' });
    await expect(toEnglish).toBeFocused();
    await expect(toEnglish).toHaveAttribute('lang', 'en');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ENGLISH_TITLE);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: PORTUGUESE_TITLE })).toBeHidden();

    const toPortuguese = page.getByRole('button', { name: 'Português' });
    await expect(toPortuguese).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(PORTUGUESE_TITLE);
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await expect(page.getByRole('button', { name: 'English' })).toBeFocused();
  });
});
