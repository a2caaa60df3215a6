/**
 * Admin policy reaches the built extension: Chromium starts with the policy set by `test.use`
 * (managed_schema.json lets `templates` through), and a rewrite during the test arrives too.
 */
import { expect, test } from './fixtures';

const WELCOME = { id: 'welcome', name: 'Welcome', body: 'Hi {{customer.firstName|there}}' };
const CLOSING = { id: 'closing', name: 'Closing', body: 'Kind regards, {{agent.name}}' };

test.use({ policy: { templates: [WELCOME] } });

test('storage.managed returns the admin templates, and a changed policy', async ({ worker, setPolicy }) => {
  const managedTemplates = () => worker.evaluate(async () => (await chrome.storage.managed.get('templates')).templates);

  expect(await managedTemplates()).toEqual([WELCOME]);

  await setPolicy({ templates: [CLOSING, { ...WELCOME, name: 'Hello' }] });
  await expect.poll(managedTemplates, { timeout: 20_000 }).toEqual([CLOSING, { ...WELCOME, name: 'Hello' }]);
});
