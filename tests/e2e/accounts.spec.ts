/**
 * F10: several Google accounts. Each Gmail tab — /mail/u/0, /mail/u/1, a delegated /mail/b/<id>/u/0
 * — gets its own token, cache and panel content; purging one account leaves the others intact;
 * the real side panel follows the agent from tab to tab.
 */
import { browserCdpSession, clickToolbarIcon } from '../support/launch';
import { expect, test } from './fixtures';
import { GmailPage } from './pages/gmail-page';
import { sidePanelText } from './support-cdp';
import { dumpStorage, idbRecordsOf, withoutAccessLog } from './support-storage';
import { AGENT, DELEGATED, SECOND, SHARED_CUSTOMER, SUBJECTS } from './seed';

test('two accounts in two tabs: each panel shows its own account’s data; purging one leaves the other intact', async ({
  context,
  gmail,
  signedInPanel: agentPanel,
  openPanel,
  google,
  worker,
}) => {
  const second = await GmailPage.open(context, `${SECOND.accountPath}/`);
  const secondPanel = await openPanel(second);
  await secondPanel.signIn();
  await expect(secondPanel.byTestId('signed-in-account')).toContainText(SECOND.email);
  await expect(agentPanel.byTestId('signed-in-account')).toContainText(AGENT.email);
  expect(google.grants().map((grant) => grant.accountEmail).sort()).toEqual([AGENT.email, SECOND.email].sort());

  // The same customer writes to both accounts: each tab shows only its own account's threads.
  await gmail.openConversation(SUBJECTS.sharedInAgent);
  await second.openConversation(SUBJECTS.second);
  await expect(agentPanel.byTestId('customer-email')).toHaveText(SHARED_CUSTOMER.email);
  await expect(secondPanel.byTestId('customer-email')).toHaveText(SHARED_CUSTOMER.email);
  await expect(agentPanel.byTestId('history-count')).toHaveAttribute('data-count', '0');
  await expect(secondPanel.byTestId('history-count')).toHaveAttribute('data-count', '1');
  await expect(secondPanel.byTestId('history-row')).toHaveText([new RegExp(SUBJECTS.sharedEarlierInSecond)]);
  await expect(agentPanel.byTestId('subject')).toHaveText(SUBJECTS.sharedInAgent);
  await expect(secondPanel.byTestId('subject')).toHaveText(SUBJECTS.second);

  // Every Gmail call carried the token of the tab's own account.
  const gmailCalls = google.requests().filter((r) => r.host === 'gmail.googleapis.com');
  const agentPaths = gmailCalls.filter((r) => r.account === AGENT.email).map((r) => r.path);
  expect(gmailCalls.filter((r) => r.account === SECOND.email).length).toBeGreaterThan(0);
  expect(agentPaths.length).toBeGreaterThan(0);

  // The access log is left out: it outlives sign-out by design (F7) and grows with every call.
  const before = withoutAccessLog(await dumpStorage(worker));
  const agentRecords = idbRecordsOf(before, AGENT.email);
  expect(agentRecords.length).toBeGreaterThan(0);
  expect(JSON.stringify(agentRecords)).not.toContain(SUBJECTS.second);
  expect(JSON.stringify(idbRecordsOf(before, SECOND.email))).not.toContain(SUBJECTS.sharedInAgent);

  // Sign the second account out: its data goes, the agent's stays byte for byte.
  await secondPanel.signOutButton.click();
  await expect(secondPanel.signInButton).toBeVisible();
  const after = withoutAccessLog(await dumpStorage(worker));
  expect(idbRecordsOf(after, SECOND.email)).toEqual([]);
  expect(JSON.stringify(after.idb)).not.toContain(SUBJECTS.sharedEarlierInSecond);
  expect(idbRecordsOf(after, AGENT.email)).toEqual(agentRecords);
  expect(Object.keys(after.session).filter((key) => key.startsWith('token:'))).toEqual([`token:${AGENT.email}`]);
  await expect(agentPanel.byTestId('subject')).toHaveText(SUBJECTS.sharedInAgent);
  await expect(agentPanel.signOutButton).toBeVisible();
});

test('a delegated mailbox (/mail/b/<id>/u/0) signs in as itself and reads only its own mail', async ({
  context,
  openPanel,
  google,
}) => {
  const delegated = await GmailPage.open(context, `${DELEGATED.accountPath}/`);
  const panel = await openPanel(delegated);
  await panel.signIn();
  await expect(panel.byTestId('signed-in-account')).toContainText(DELEGATED.email);
  await delegated.openConversation(SUBJECTS.delegated);
  await expect(panel.byTestId('subject')).toHaveText(SUBJECTS.delegated);
  expect(google.requests().filter((r) => r.host === 'gmail.googleapis.com').every((r) => r.account === DELEGATED.email)).toBe(true);
});

test('the side panel follows the agent between tabs of different accounts in its window', async ({
  context,
  gmail,
  signedInPanel,
  userDataDir,
  worker,
}) => {
  await gmail.openConversation(SUBJECTS.plain);
  await expect(signedInPanel.byTestId('customer-email')).toHaveText('maria@acme.example');
  // From here on the real side panel is the only panel (the one opened as a tab for signing in goes).
  await signedInPanel.page.close();

  // A second tab in the same window as the first Gmail tab, as an agent opens one.
  const opened = context.waitForEvent('page');
  const secondTabId = await worker.evaluate(async (url) => {
    const [first] = await chrome.tabs.query({ url: 'https://mail.google.com/mail/u/0/*' });
    const tab = await chrome.tabs.create({ url, windowId: first?.windowId, active: false });
    return tab.id ?? -1;
  }, `https://mail.google.com${SECOND.accountPath}/#inbox`);
  await (await opened).locator('tr.zA').first().waitFor();

  const cdp = await browserCdpSession(userDataDir);
  await clickToolbarIcon(cdp, gmail.page.url());
  const panelText = () => sidePanelText(cdp);
  const activate = (tabId: number) => worker.evaluate((id) => chrome.tabs.update(id, { active: true }).then(() => {}), tabId);
  await expect.poll(panelText).toContain('maria@acme.example');

  await activate(secondTabId);
  await expect.poll(panelText).toContain(`Gmail account in this tab: ${SECOND.email}`);
  expect(await panelText()).not.toContain('maria@acme.example');

  await activate(await gmail.tabId(worker));
  await expect.poll(panelText).toContain('maria@acme.example');
});
