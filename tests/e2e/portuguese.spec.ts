/**
 * F11: Chromium in Brazilian Portuguese (`--lang=pt-BR`) gets the extension in Portuguese — its
 * name and description, the consent screen, the customer card, the case controls, the queue and
 * the templates — with dates and numbers written the Brazilian way. Google's own window stays as
 * the fake serves it (English).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { GmailPage } from './pages/gmail-page';
import { PanelPage } from './pages/panel-page';
import { QUEUE_CASES, QUEUE_NOW, seedQueue } from './queue-seed';
import { LOYAL, SUBJECTS } from './seed';
import { setWorkerClock } from './support-clock';

test.use({ language: 'pt-BR' });

/** Answers Google's consent window opened by clicking `name` in the panel. */
async function allowInGoogle(page: Page, name: string): Promise<void> {
  const popup = page.context().waitForEvent('page', (opened) => opened.url().startsWith('https://accounts.google.com/'));
  await page.getByRole('button', { name, exact: true }).click();
  await (await popup).getByRole('button', { name: 'Allow' }).click();
}

test("the extension's name, description and toolbar title come from the Portuguese messages", async ({ worker }) => {
  const names = await worker.evaluate(async () => {
    const self = await chrome.management.getSelf();
    return {
      name: self.name,
      description: self.description,
      title: await chrome.action.getTitle({}),
    };
  });
  expect(names).toEqual({
    name: 'iCustomer para Gmail',
    description: 'O cliente por trás de cada conversa do Gmail: quem é, há quanto tempo espera, seu histórico.',
    title: 'Abrir o iCustomer',
  });
});

test('consent, customer card, history and case controls in Portuguese', async ({ gmail, openPanel }) => {
  const panel = await openPanel(gmail);
  const { page } = panel;
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await expect(page.getByRole('heading', { name: 'Veja o cliente por trás de cada conversa' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Agora não' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Política de privacidade' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Gerenciar permissões do Google' })).toBeVisible();

  await allowInGoogle(page, 'Fazer login com o Google');
  await expect(page.getByRole('button', { name: 'Sair e revogar o acesso' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nenhuma conversa aberta' })).toBeVisible();
  await expect(page.getByRole('tablist', { name: 'Seções' })).toBeVisible();

  await gmail.openConversation(SUBJECTS.loyal);
  await expect(panel.byTestId('customer-email')).toHaveText(LOYAL.email);
  await expect(page.getByRole('heading', { name: 'Cliente', exact: true })).toBeVisible();
  await expect(panel.byTestId('waiting-state')).toContainText(/^Aguardando desde /);
  await expect(panel.byTestId('history-count')).toHaveText('130 conversas anteriores');
  // "20 de nov. de 2024": the day as Brazilians write it.
  await expect(panel.byTestId('history-first-contact')).toHaveText(/^\d{1,2} de [a-zç]+\.? de \d{4}$/);
  await expect(page.getByText(/^Mostrando 5 de 130$/)).toBeVisible();

  const controls = panel.byTestId('case-controls');
  await expect(controls.getByRole('heading', { name: 'Caso' })).toBeVisible();
  await expect(controls.getByRole('group', { name: 'Status' }).getByRole('button')).toHaveText(['Aberto', 'Pendente', 'Resolvido']);
  await expect(controls.getByRole('group', { name: 'Prioridade' }).getByRole('button', { name: 'Prioridade P1' })).toBeVisible();

  await controls.getByRole('button', { name: 'Pendente', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Salvar status no Gmail' })).toBeVisible();
  await allowInGoogle(page, 'Permitir no Google');
  await expect(controls.getByRole('button', { name: 'Pendente', exact: true })).toHaveAttribute('aria-pressed', 'true');
});

test('the queue in Portuguese: overdue cases and waiting times', async ({ google, context, worker }) => {
  seedQueue(google);
  google.setNow(QUEUE_NOW);
  await setWorkerClock(worker, QUEUE_NOW);
  const gmail = await GmailPage.open(context);
  const panel = await PanelPage.open(context, await gmail.tabId(worker), { now: QUEUE_NOW });
  await allowInGoogle(panel.page, 'Fazer login com o Google');

  await panel.page.getByRole('tab', { name: 'Fila' }).click();
  await expect(panel.byTestId('queue')).toHaveAttribute('data-state', 'ready');
  await expect(panel.page.getByRole('heading', { name: 'Fila' })).toBeVisible();
  await expect(panel.byTestId('queue-overdue')).toHaveText('2 em atraso');
  const first = panel.byTestId('queue-row').first();
  await expect(first).toContainText(QUEUE_CASES.overdueMost.subject);
  await expect(first).toContainText('Aberto · P1 · Aguardando há 6 h');
  await expect(first).toContainText('Em atraso há 2 h');
  await expect(panel.page.getByRole('button', { name: 'Atualizar' })).toBeVisible();
});

test('templates in Portuguese: the list, the editor and its problems, the preview', async ({ gmail, openPanel }) => {
  const panel = await openPanel(gmail);
  const { page } = panel;
  await allowInGoogle(page, 'Fazer login com o Google');
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');

  await page.getByRole('tab', { name: 'Modelos' }).click();
  await expect(page.getByRole('heading', { name: 'Modelos' })).toBeVisible();
  await expect(panel.byTestId('template-count')).toHaveText('Nenhum modelo ainda. Crie o primeiro em Novo modelo.');
  await page.getByRole('button', { name: 'Novo modelo' }).click();
  await page.getByRole('textbox', { name: 'Nome' }).fill('Obrigado');
  await page.getByRole('textbox', { name: 'Texto' }).fill('Obrigado, {{customer.firstName}}! {{cliente.nome}}');
  await expect(panel.byTestId('template-problems')).toHaveText('Variável desconhecida {{cliente.nome}} — ela ficaria de fora.');
  await expect(page.getByRole('group', { name: 'Inserir uma variável no cursor' }).getByRole('button', { name: /Primeiro nome do cliente/ })).toBeVisible();
  await page.getByRole('button', { name: 'Salvar' }).click();
  await expect(panel.byTestId('template-saved')).toHaveText('“Obrigado” foi salvo.');
  await expect(panel.byTestId('template-count')).toHaveText('1 modelo');
  await expect(page.getByRole('button', { name: 'Editar “Obrigado”' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Excluir “Obrigado”' })).toBeVisible();

  await page.getByRole('button', { name: 'Obrigado', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Pré-visualizar' })).toBeVisible();
  await expect(panel.byTestId('template-preview')).toHaveText(/^Obrigado, Maria!\s*$/);
  await expect(panel.byTestId('template-preview-missing')).toHaveText('Variável desconhecida {{cliente.nome}} — ela ficaria de fora.');
  await expect(page.getByRole('button', { name: 'Inserir como rascunho' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copiar' })).toBeVisible();
});
