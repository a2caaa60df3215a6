/**
 * Playwright fixtures: one fake Google per worker (reset with the e2e seed before each test), and
 * a fresh Chromium profile with the built extension for each test, so no test sees another's data.
 */
import { type BrowserContext, type Worker, test as base } from '@playwright/test';
import { type FakeGoogle, type FakeGoogleControl, startFakeGoogle } from '../fake-google/index';
import { EXTENSION_ID, extensionWorker, launchWithExtension, newProfileDir } from '../support/launch';
import { newPolicyDir, writePolicy } from '../support/policy';
import { GmailPage } from './pages/gmail-page';
import { PanelPage } from './pages/panel-page';
import { e2eSeed } from './seed';

interface TestFixtures {
  google: FakeGoogleControl;
  /**
   * The admin policy Chromium starts with (what chrome.storage.managed returns), e.g.
   * `test.use({ policy: { templates: [...] } })`. null (the default): no policy, plain Chromium.
   */
  policy: Record<string, unknown> | null;
  /** The browser's language (`--lang`, what chrome.i18n follows), e.g. `test.use({ language: 'pt-BR' })`. */
  language: string;
  /** The test's policy folder (tests/support/policy.ts), or null without a policy. */
  policyDir: string | null;
  /**
   * Rewrites the admin policy while Chromium runs; it notices after ~5 s (storage.onChanged,
   * area 'managed'), so poll for the effect. Needs a `policy` (`{}` will do) set with test.use.
   */
  setPolicy: (settings: Record<string, unknown>) => Promise<void>;
  userDataDir: string;
  context: BrowserContext;
  worker: Worker;
  gmail: GmailPage;
  /** Opens the side panel bound to a Gmail page's tab. */
  openPanel: (gmail: GmailPage) => Promise<PanelPage>;
  /** The panel for the `gmail` tab, already signed in through Google's consent popup. */
  signedInPanel: PanelPage;
}

interface WorkerFixtures {
  fakeGoogle: FakeGoogle;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  fakeGoogle: [
    async ({}, use) => {
      const fake = await startFakeGoogle();
      await use(fake);
      await fake.close();
    },
    { scope: 'worker' },
  ],
  google: async ({ fakeGoogle }, use) => {
    fakeGoogle.control.reset(e2eSeed);
    await use(fakeGoogle.control);
  },
  policy: [null, { option: true }],
  language: ['en-US', { option: true }],
  policyDir: async ({ policy }, use) => {
    if (policy === null) return use(null);
    const policyDir = newPolicyDir();
    writePolicy(policyDir, policy);
    await use(policyDir);
  },
  setPolicy: async ({ policyDir }, use) => {
    await use(async (settings) => {
      if (policyDir === null) throw new Error('setPolicy needs a policy to start with: test.use({ policy: {} })');
      writePolicy(policyDir, settings);
    });
  },
  userDataDir: async ({}, use) => {
    await use(newProfileDir());
  },
  context: async ({ fakeGoogle, userDataDir, policyDir, language, google: _resetFirst }, use) => {
    const fakeGoogleArgs = fakeGoogle.chromiumArgs();
    const context = await launchWithExtension({
      fakeGoogleArgs,
      headless: true,
      userDataDir,
      language,
      ...(policyDir !== null && { policyDir }),
    });
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    const worker = await extensionWorker(context);
    if (!worker.url().startsWith(`chrome-extension://${EXTENSION_ID}/`)) throw new Error('unexpected extension id');
    await use(worker);
  },
  gmail: async ({ context }, use) => {
    await use(await GmailPage.open(context));
  },
  openPanel: async ({ context, worker }, use) => {
    await use(async (gmail) => PanelPage.open(context, await gmail.tabId(worker)));
  },
  signedInPanel: async ({ gmail, openPanel }, use) => {
    const panel = await openPanel(gmail);
    await panel.signIn();
    await use(panel);
  },
});

export { expect } from '@playwright/test';
