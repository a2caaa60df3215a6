/**
 * The real Chrome side panel (not the panel page opened as a tab): the toolbar icon opens it next to
 * the Gmail tab, and it binds to that tab — the active tab of its window — on its own.
 */
import { EXTENSION_ID, browserCdpSession, clickToolbarIcon } from '../support/launch';
import { expect, test } from './fixtures';
import { sidePanelText } from './support-cdp';
import { AGENT } from './seed';

test('the toolbar icon opens the side panel beside Gmail, bound to the Gmail tab', async ({
  gmail,
  worker,
  userDataDir,
}) => {
  const cdp = await browserCdpSession(userDataDir);
  await clickToolbarIcon(cdp, gmail.page.url());

  await expect
    .poll(() => worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length))
    .toBe(1);

  const panelText = () => sidePanelText(cdp);
  await expect.poll(panelText).toContain('Sign in with Google');
  await expect.poll(panelText).toContain(`Gmail account in this tab: ${AGENT.email}`);
});
