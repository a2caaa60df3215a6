/**
 * F6 + F9: admin templates arrive by Chrome enterprise policy (storage.managed), read-only and
 * marked; a broken entry is named for the admin and the others still work; a policy change
 * reaches an open panel without a reload.
 */
import { expect, test } from './fixtures';
import { SUBJECTS } from './seed';

const WELCOME = { id: 'welcome', name: 'Boas-vindas', body: 'Olá {{customer.firstName|cliente}}, obrigado por escrever.' };
const BROKEN = { id: 'broken', name: 'No body' };
const CLOSING = { id: 'closing', name: 'Closing', body: 'Kind regards,\n{{agent.name}}' };

test.use({ policy: { templates: [WELCOME, BROKEN] } });

test('admin templates are listed read-only, previewed for this customer, named when broken, and follow a policy change', async ({
  gmail,
  signedInPanel: panel,
  setPolicy,
}) => {
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
  await panel.page.getByRole('tab', { name: 'Templates' }).click();

  const welcome = panel.byTestId('template-row').filter({ hasText: WELCOME.name });
  await expect(welcome).toHaveAttribute('data-origin', 'admin');
  await expect(welcome).toContainText('From your admin');
  await expect(welcome.getByRole('button', { name: /Edit|Delete/ })).toHaveCount(0);
  // The broken entry is named for the admin in the panel's policy notice.
  const problems = panel.byTestId('policy-problems');
  await problems.locator('summary').click();
  await expect(problems.locator('li[data-setting="templates"]')).toHaveText('Policy "templates", entry 2: "body" is missing; it is skipped.');

  await welcome.getByRole('button', { name: WELCOME.name, exact: true }).click();
  await expect(panel.byTestId('template-preview')).toHaveText('Olá Maria, obrigado por escrever.');
  await expect(panel.page.getByRole('button', { name: 'Insert as draft' })).toBeEnabled();

  // The admin fixes the policy: Chrome tells the extension after ~5 s, the panel follows.
  await setPolicy({ templates: [WELCOME, CLOSING] });
  await expect(panel.byTestId('template-row').filter({ hasText: CLOSING.name })).toHaveAttribute('data-origin', 'admin', { timeout: 20_000 });
  await expect(panel.byTestId('policy-problems')).toHaveCount(0);
});
