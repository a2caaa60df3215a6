import { countIdbRecords, dumpStorage, withoutAccessLog } from './support-storage';
import { expect, test } from './fixtures';
import { AGENT } from './seed';

/** What the extension asked of Google (Chromium itself also calls accounts.google.com/ListAccounts). */
const extensionCalls = (requests: { host: string; path: string }[]) =>
  requests.filter((r) => r.host.endsWith('googleapis.com') || r.path.startsWith('/o/oauth2/'));

test('consent comes first: nothing is read from Gmail before the agent signs in', async ({ gmail, openPanel, google }) => {
  const panel = await openPanel(gmail);
  await expect(panel.heading('See the customer behind each conversation')).toBeVisible();
  await expect(panel.page.getByText(`Gmail account in this tab: ${AGENT.email}`)).toBeVisible();
  await expect(panel.page.getByRole('link', { name: 'Privacy policy' })).toBeVisible();
  expect(extensionCalls(google.requests())).toEqual([]);
});

test('Allow in Google\'s popup signs the panel in, with the Gmail tab\'s account as login_hint', async ({
  gmail,
  openPanel,
  google,
}) => {
  const panel = await openPanel(gmail);
  await panel.signIn('Allow');
  await expect(panel.byTestId('signed-in-account')).toHaveText(`Signed in as ${AGENT.email}`);
  const authorize = google.requests().find((r) => r.path === '/o/oauth2/v2/auth');
  expect(authorize?.query.login_hint).toBe(AGENT.email);
  expect(authorize?.query.include_granted_scopes).toBe('true');
  expect(String(authorize?.query.scope)).toContain('https://www.googleapis.com/auth/gmail.readonly');
  expect(String(authorize?.query.scope)).not.toContain('gmail.metadata');
});

test('Cancel in Google\'s popup says so and stores nothing', async ({ gmail, openPanel, worker }) => {
  const panel = await openPanel(gmail);
  await panel.signIn('Cancel');
  await expect(panel.page.getByText('Sign-in was cancelled. Nothing was read or stored.')).toBeVisible();
  await expect(panel.signInButton).toBeEnabled();
  const stored = await dumpStorage(worker);
  expect(countIdbRecords(stored)).toBe(0);
  expect(Object.keys(stored.session).filter((key) => key.startsWith('token:'))).toEqual([]);
  expect(stored.local).toEqual({});
});

test('Not now keeps the extension off for this account and reading nothing', async ({ gmail, openPanel, google }) => {
  const panel = await openPanel(gmail);
  await panel.page.getByRole('button', { name: 'Not now' }).click();
  await expect(panel.page.getByText('iCustomer is off for this account. Nothing has been read.')).toBeVisible();
  await expect(panel.signInButton).toBeVisible();
  expect(extensionCalls(google.requests())).toEqual([]);
});

test('the token lives only in storage.session, never in IndexedDB or storage.local', async ({
  gmail,
  openPanel,
  worker,
}) => {
  const panel = await openPanel(gmail);
  await panel.signIn();
  const stored = await dumpStorage(worker);
  const token = Object.entries(stored.session).find(([key]) => key === `token:${AGENT.email}`)?.[1] as
    | { accessToken: string }
    | undefined;
  expect(token?.accessToken).toBeTruthy();
  const elsewhere = JSON.stringify({ idb: stored.idb, local: stored.local, sync: stored.sync });
  expect(elsewhere).not.toContain(token!.accessToken);
});

test('choosing another account in Google\'s window is shown as a mismatch, never silently used', async ({
  gmail,
  openPanel,
  context,
  worker,
}) => {
  const panel = await openPanel(gmail);
  const popup = context.waitForEvent('page', (page) => page.url().startsWith('https://accounts.google.com/'));
  await panel.signInButton.click();
  const google = await popup;
  await google.getByRole('link', { name: 'Use another account' }).click();
  await google.getByText('lead@support.example').click();
  await google.getByRole('button', { name: 'Allow' }).click();

  await expect(panel.page.getByRole('alert')).toContainText(
    `You chose lead@support.example in Google's window, but this Gmail tab belongs to ${AGENT.email}.`,
  );
  await expect(panel.signInButton).toBeVisible();
  const stored = await dumpStorage(worker);
  expect(Object.keys(stored.session).filter((key) => key.startsWith('token:'))).toEqual([]);
  // Only the access log's note that the other account's profile was read (F7); nothing else is kept.
  expect(countIdbRecords(withoutAccessLog(stored))).toBe(0);
});
