/**
 * The real Chrome side panel (not the panel page opened as a tab): the toolbar icon opens it next to
 * the Gmail tab, and it binds to that tab — the active tab of its window — on its own.
 */
import type { CDPSession } from '@playwright/test';
import { EXTENSION_ID, browserCdpSession, clickToolbarIcon } from '../support/launch';
import { expect, test } from './fixtures';
import { AGENT } from './seed';

/** Evaluates `expression` in a target Playwright does not list (the side panel), over raw CDP. */
async function evaluateInTarget(cdp: CDPSession, targetId: string, expression: string): Promise<unknown> {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  const answer = new Promise<unknown>((resolve) => {
    const onMessage = (event: { sessionId?: string; message: string }) => {
      const message = JSON.parse(event.message) as { id: number; result?: { result?: { value?: unknown } } };
      if (event.sessionId !== sessionId || message.id !== 1) return;
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      resolve(message.result?.result?.value);
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
  });
  await cdp.send('Target.sendMessageToTarget', {
    sessionId,
    message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }),
  });
  const value = await answer;
  await cdp.send('Target.detachFromTarget', { sessionId });
  return value;
}

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

  const panelText = async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const panel = targetInfos.find((target) => target.url.startsWith(`chrome-extension://${EXTENSION_ID}/sidepanel.html`));
    return panel ? String(await evaluateInTarget(cdp, panel.targetId, 'document.body.innerText')) : '';
  };
  await expect.poll(panelText).toContain('Sign in with Google');
  await expect.poll(panelText).toContain(`Gmail account in this tab: ${AGENT.email}`);
});
