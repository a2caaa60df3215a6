/**
 * F11: the panel works from the keyboard alone. From the consent screen: sign in (Google's window
 * answered by keyboard too), move between the sections with the arrow keys, set the case status
 * and read it back from the mailbox, and close a confirmation; the focus is always visible, and
 * never falls to <body> after an action.
 */
import type { Locator, Page } from '@playwright/test';
import type { FakeGoogleControl } from '../fake-google/index';
import { expect, test } from './fixtures';
import type { PanelPage } from './pages/panel-page';
import { AGENT, SUBJECTS } from './seed';

/** Presses `key` until `target` has the focus, as a person tabs through the page. */
async function moveFocusTo(page: Page, target: Locator, key = 'Tab', most = 40): Promise<void> {
  for (let presses = 0; presses < most; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} pressed ${most} times without reaching ${target}`);
}

/** The focused element shows it: :focus-visible, with an outline drawn. */
async function expectVisibleFocus(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const shown = await target.evaluate((element) => element.matches(':focus-visible') && getComputedStyle(element).outlineStyle !== 'none');
  expect(shown, 'focus ring visible').toBe(true);
}

/** After an action the focus is on something in the panel, not dropped to the page itself. */
async function expectFocusKept(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body)).toBe(true);
}

/** Answers Google's consent window opened by pressing Enter on `trigger`, with the keyboard. */
async function allowInGoogleByKeyboard(panel: PanelPage, trigger: Locator, key = 'Enter'): Promise<void> {
  const popup = panel.page.context().waitForEvent('page', (page) => page.url().startsWith('https://accounts.google.com/'));
  await expect(trigger).toBeFocused();
  await panel.page.keyboard.press(key);
  const google = await popup;
  const allow = google.getByRole('button', { name: 'Allow' });
  await allow.waitFor();
  await moveFocusTo(google, allow);
  await expectVisibleFocus(allow);
  // Enter activates a button on key down; Chrome may close the window (the redirect ends the flow)
  // before the key comes up, so only key down is sent.
  await google.keyboard.down('Enter');
}

function caseLabelsOf(google: FakeGoogleControl, subject: string): string[] {
  const { threads, labels } = google.mailbox(AGENT.email);
  const thread = threads.find((t) => t.messages.some((m) => m.payload.headers.some((h) => h.name === 'Subject' && h.value === subject)));
  const ids = new Set(thread?.messages.flatMap((m) => m.labelIds) ?? []);
  return labels.filter((label) => ids.has(label.id) && label.name.startsWith('iCustomer/')).map((label) => label.name);
}

test('keyboard only: sign in, switch sections, set the status, close a confirmation; the focus is visible and kept', async ({
  gmail,
  openPanel,
  google,
}) => {
  const panel = await openPanel(gmail);
  const { page } = panel;
  await expect(panel.signInButton).toBeVisible();

  await moveFocusTo(page, panel.signInButton);
  await expectVisibleFocus(panel.signInButton);
  await allowInGoogleByKeyboard(panel, panel.signInButton);
  await expect(panel.signOutButton).toBeVisible();
  // The consent screen and its button are gone: the focus goes to the selected section.
  const conversationTab = page.getByRole('tab', { name: 'Conversation' });
  await expect(conversationTab).toBeFocused();
  await expectVisibleFocus(conversationTab);

  // Arrow keys move between the sections (WAI-ARIA tabs), the focus with them.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Queue' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Queue' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(conversationTab).toBeFocused();
  await expect(conversationTab).toHaveAttribute('aria-selected', 'true');

  // The agent opens a conversation in Gmail; the panel follows it.
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
  await page.bringToFront();

  // First status: the panel explains why it needs more access, then Google's window grants it.
  await moveFocusTo(page, panel.statusButton('Pending'));
  await expectVisibleFocus(panel.statusButton('Pending'));
  await page.keyboard.press('Enter');
  const allow = panel.byTestId('case-consent-allow');
  await expect(panel.byTestId('case-consent')).toBeFocused();
  await moveFocusTo(page, allow);
  await expectVisibleFocus(allow);
  await allowInGoogleByKeyboard(panel, allow);
  await expect(panel.statusButton('Pending')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.byTestId('case-controls')).not.toHaveAttribute('aria-busy', 'true');
  // The explanation went away: the focus is back on the button that asked for it.
  await expect(panel.statusButton('Pending')).toBeFocused();
  expect(caseLabelsOf(google, SUBJECTS.plain)).toEqual(['iCustomer/Status/Pending']);

  // Then Space on Solved (a toggle button), and Enter on a priority.
  await moveFocusTo(page, panel.statusButton('Solved'));
  await page.keyboard.press('Space');
  await expect(panel.statusButton('Solved')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.byTestId('case-controls')).not.toHaveAttribute('aria-busy', 'true');
  await expectVisibleFocus(panel.statusButton('Solved'));
  await moveFocusTo(page, panel.priorityButton('P2'));
  await page.keyboard.press('Enter');
  await expect(panel.priorityButton('P2')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.byTestId('case-controls')).not.toHaveAttribute('aria-busy', 'true');
  expect(caseLabelsOf(google, SUBJECTS.plain).sort()).toEqual(['iCustomer/Priority/P2', 'iCustomer/Status/Solved']);

  // A confirmation: a new template with text, Escape, the question; Discard returns the focus.
  await moveFocusTo(page, page.getByRole('tab', { name: 'Conversation' }), 'Shift+Tab');
  await page.keyboard.press('ArrowLeft');
  const templatesTab = page.getByRole('tab', { name: 'Templates' });
  await expect(templatesTab).toBeFocused();
  const newTemplate = page.getByRole('button', { name: 'New template' });
  await moveFocusTo(page, newTemplate);
  await expectVisibleFocus(newTemplate);
  await page.keyboard.press('Enter');
  await expect(panel.byTestId('template-name')).toBeFocused();
  await page.keyboard.type('Greeting');
  await page.keyboard.press('Escape');
  const keepEditing = panel.byTestId('template-keep-editing');
  await expect(keepEditing).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(panel.byTestId('template-discard')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.byTestId('template-editor')).toHaveCount(0);
  await expectVisibleFocus(newTemplate);

  // The status is in the mailbox as Gmail shows it: a label on the conversation.
  await gmail.backToInbox();
  const row = gmail.page.locator('tr.zA', { hasText: SUBJECTS.plain });
  await expect(row.locator('span.at[title="iCustomer/Status/Solved"]')).toBeVisible();
  await expectFocusKept(page);
});
