/**
 * F6: reply templates become real Gmail drafts. Read back from the fake mailbox as Gmail holds
 * them (the decoded raw message), from the fake Gmail page, and from Chrome's storage.
 */
import type { Worker } from '@playwright/test';
import type { FakeGoogleControl } from '../fake-google/index';
import { decodeEncodedWords } from '../fake-google/address';
import { type ParsedEntity, parseEntity } from '../fake-google/mime-parse';
import { expect, test } from './fixtures';
import type { GmailPage } from './pages/gmail-page';
import type { PanelPage } from './pages/panel-page';
import { AGENT, SUBJECTS } from './seed';

const COMPOSE = 'https://www.googleapis.com/auth/gmail.compose';
const TEMPLATE = {
  name: 'Pedido a caminho 🚚',
  body: 'Olá {{customer.firstName|cliente}}, seu pedido já está a caminho 🚚.\n\nQualquer dúvida, é só responder.\n{{agent.name}}',
};
const RENDERED = 'Olá João, seu pedido já está a caminho 🚚.\n\nQualquer dúvida, é só responder.\nAna Agent';

const tab = (panel: PanelPage, name: 'Conversation' | 'Templates') => panel.page.getByRole('tab', { name });

async function createTemplate(panel: PanelPage, template: { name: string; body: string }): Promise<void> {
  await tab(panel, 'Templates').click();
  await panel.byTestId('template-new').click();
  await panel.byTestId('template-name').fill(template.name);
  await panel.byTestId('template-body').fill(template.body);
  await panel.byTestId('template-save').click();
  await expect(panel.byTestId('template-editor')).toHaveCount(0);
}

/** Opens the conversation, then the Templates tab, and picks the template for its preview. */
async function previewIn(gmail: GmailPage, panel: PanelPage, subject: string, templateName: string): Promise<void> {
  await tab(panel, 'Conversation').click();
  await gmail.backToInbox();
  await gmail.openConversation(subject);
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
  await tab(panel, 'Templates').click();
  await panel.byTestId('template-row').filter({ hasText: templateName }).getByRole('button', { name: templateName, exact: true }).click();
}

const insertButton = (panel: PanelPage) => panel.page.getByRole('button', { name: 'Insert as draft' });

function threadIdOf(google: FakeGoogleControl, subject: string): string {
  const thread = google
    .mailbox(AGENT.email)
    .threads.find((t) => t.messages.some((m) => m.payload.headers.some((h) => h.name === 'Subject' && h.value.includes(subject))));
  if (!thread) throw new Error(`no thread "${subject}"`);
  return thread.id;
}

const header = (entity: ParsedEntity, name: string) => entity.headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
const rawOf = (draft: { raw: string }) => Buffer.from(draft.raw, 'base64').toString('utf8');

test('a Portuguese template with an emoji becomes a reply draft in the conversation, with the right headers and body', async ({
  gmail,
  signedInPanel: panel,
  google,
}) => {
  await createTemplate(panel, TEMPLATE);
  await createTemplate(panel, { name: 'Reembolso', body: 'O reembolso foi feito.' });
  // Search reads names and text, without accents: "ja esta" finds "já está".
  const search = panel.page.getByRole('searchbox', { name: 'Search templates by name or text' });
  await search.fill('ja esta');
  await expect(panel.byTestId('template-row')).toHaveText([new RegExp(TEMPLATE.name)]);
  await search.fill('reembolso');
  await expect(panel.byTestId('template-row')).toHaveText([/Reembolso/]);
  await search.fill('');
  await previewIn(gmail, panel, 'Pedido', TEMPLATE.name);
  await expect(panel.byTestId('template-preview')).toHaveText(RENDERED, { useInnerText: true });

  google.clearRequests();
  // The first draft: the panel explains why it needs more access, then Google's window grants it.
  await insertButton(panel).click();
  await panel.answerGoogle(panel.byTestId('draft-consent-allow'), 'Allow');
  await expect(panel.byTestId('draft-done')).toBeVisible();

  expect(google.grants().find((grant) => grant.accountEmail === AGENT.email)?.scopes).toContain(COMPOSE);
  const threadId = threadIdOf(google, 'Pedido');
  const [draft, ...others] = google.drafts(AGENT.email);
  expect(others).toEqual([]);
  expect(draft?.threadId).toBe(threadId);
  expect(draft?.labelIds).toEqual(['DRAFT']);

  const raw = rawOf(draft!);
  // RFC 5322/2047: 7-bit header lines of at most 78 characters (the Message-ID is Gmail's own).
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  for (const line of head.split('\r\n').filter((l) => !l.startsWith('Message-ID:'))) {
    expect(line.length, line).toBeLessThanOrEqual(78);
    expect(line).toMatch(/^[\x20-\x7e\t]*$/);
  }
  const message = parseEntity(raw);
  const thread = google.mailbox(AGENT.email).threads.find((t) => t.id === threadId)!;
  const sent = thread.messages.filter((m) => !m.labelIds.includes('DRAFT'));
  const messageIds = sent.map((m) => m.payload.headers.find((h) => h.name === 'Message-ID')?.value);
  expect(header(message, 'In-Reply-To')).toBe(messageIds.at(-1));
  expect(header(message, 'References')?.split(/\s+/)).toEqual(messageIds);
  expect(header(message, 'Subject')).toMatch(/^=\?UTF-8\?/);
  expect(message.mimeType).toBe('multipart/alternative');
  const [plain, html] = message.parts;
  expect(plain?.mimeType).toBe('text/plain');
  expect(plain?.params['charset']?.toLowerCase()).toBe('utf-8');
  expect(plain?.body.toString('utf8')).toBe(RENDERED.replaceAll('\n', '\r\n'));
  expect(html?.mimeType).toBe('text/html');
  expect(html?.body.toString('utf8')).toContain('Olá João, seu pedido já está a caminho 🚚.');
  // Decoded, the reply's subject, recipient (the customer) and sender (the agent).
  const decodedHeader = (name: string) => decodeEncodedWords(header(message, name) ?? '');
  expect(decodedHeader('Subject')).toBe('Re: Pedido não chegou');
  expect(decodedHeader('To')).toBe('João Conceição <joao@cliente.example>');
  expect(decodedHeader('From')).toBe(`${AGENT.name} <${AGENT.email}>`);

  // The draft is in the conversation in Gmail.
  await gmail.page.reload();
  await expect(gmail.page.locator(`[data-draft-id="${draft!.id}"]`)).toContainText('seu pedido já está a caminho');

  // Inserting again offers to replace rather than piling up drafts.
  await insertButton(panel).click();
  await expect(panel.byTestId('draft-exists')).toBeVisible();
  await panel.byTestId('draft-replace').click();
  await expect(panel.byTestId('draft-done')).toBeVisible();
  const after = google.drafts(AGENT.email);
  expect(after.map((d) => d.id)).toEqual([draft!.id]);
  expect(after[0]?.messageId).not.toBe(draft!.messageId);
});

test('a draft the agent edited in Gmail is named as such, and "Keep both" adds a second one', async ({
  gmail,
  signedInPanel: panel,
  google,
}) => {
  google.clearRequests();
  await createTemplate(panel, { name: 'Thanks', body: 'Thanks, {{customer.firstName|there}}!' });
  await previewIn(gmail, panel, SUBJECTS.plain, 'Thanks');
  await expect(panel.byTestId('template-preview')).toHaveText('Thanks, Maria!');
  await insertButton(panel).click();
  await panel.answerGoogle(panel.byTestId('draft-consent-allow'), 'Allow');
  await expect(panel.byTestId('draft-done')).toBeVisible();
  const [draft] = google.drafts(AGENT.email);
  google.editDraftInGmail(AGENT.email, draft!.id, 'Thanks, Maria! I also refunded the second charge.');

  await insertButton(panel).click();
  await expect(panel.byTestId('draft-exists')).toContainText('edited in Gmail');
  await panel.byTestId('draft-add').click();
  await expect(panel.byTestId('draft-done')).toBeVisible();
  const drafts = google.drafts(AGENT.email);
  expect(drafts).toHaveLength(2);
  expect(drafts.every((d) => d.threadId === draft!.threadId)).toBe(true);
  // The agent's edit is untouched.
  expect(rawOf(drafts.find((d) => d.id === draft!.id)!)).toContain('I also refunded the second charge.');
});

test('declining the compose scope creates nothing, says so, and everything else keeps working', async ({
  gmail,
  signedInPanel: panel,
  google,
}) => {
  await createTemplate(panel, TEMPLATE);
  await previewIn(gmail, panel, 'Pedido', TEMPLATE.name);
  google.clearRequests();
  await insertButton(panel).click();
  await expect(panel.byTestId('draft-consent')).toBeVisible();
  await panel.answerGoogle(panel.byTestId('draft-consent-allow'), 'Cancel');
  await expect(panel.byTestId('draft-consent-declined')).toContainText('Nothing was created');

  expect(google.drafts(AGENT.email)).toEqual([]);
  expect(google.requests().filter((r) => r.path.includes('/drafts'))).toEqual([]);
  expect(google.grants().find((grant) => grant.accountEmail === AGENT.email)?.scopes).not.toContain(COMPOSE);
  // The preview stays, and the rest of the panel still reads Gmail.
  await expect(panel.byTestId('template-preview')).toHaveText(RENDERED, { useInnerText: true });
  await tab(panel, 'Conversation').click();
  await gmail.backToInbox();
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('freshness')).toHaveAttribute('data-source', 'network');
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
});

/** Fills Chrome's storage.sync (100 KB for an extension) nearly to the brim, as another computer could. */
async function fillSyncStorage(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const filler: Record<string, string> = {};
    for (let i = 0; i < 12; i++) filler[`other-computer-${i}`] = 'x'.repeat(8_000);
    await chrome.storage.sync.set(filler);
  });
}

test('storage.sync quota exceeded: a clear error, and the template is kept on this computer and flagged', async ({
  signedInPanel: panel,
  worker,
}) => {
  await fillSyncStorage(worker);
  const long = { name: 'Devolução passo a passo', body: `Olá {{customer.firstName|cliente}}!\n${'Siga estes passos para devolver o produto. '.repeat(200)}` };
  await createTemplate(panel, long);
  await expect(panel.byTestId('template-unsynced-warning')).toContainText('on this computer only');
  const row = panel.byTestId('template-row').filter({ hasText: long.name });
  await expect(row).toHaveAttribute('data-unsynced', 'quota-total');

  // Not lost: after a reload it is still listed, flagged, and its text is in storage.local.
  await panel.page.reload();
  await tab(panel, 'Templates').click();
  await expect(row).toHaveAttribute('data-unsynced', 'quota-total');
  const local = await worker.evaluate(() => chrome.storage.local.get(null));
  expect(JSON.stringify(local)).toContain('Siga estes passos para devolver o produto.');

  // Room again (the other computer's data is gone): saving it again syncs it.
  await worker.evaluate(() => chrome.storage.sync.clear());
  await row.getByRole('button', { name: 'Edit' }).click();
  await panel.byTestId('template-save').click();
  await expect(row).not.toHaveAttribute('data-unsynced');
  const synced = await worker.evaluate(() => chrome.storage.sync.get(null));
  expect(Object.keys(synced).some((key) => key.startsWith('tpl:'))).toBe(true);
});

test('an unknown variable is flagged in the editor and never reaches Gmail as raw braces', async ({ gmail, signedInPanel: panel, google }) => {
  const body = 'Hi {{customer.firstName|there}}, about "{{thread.subject}}":{{custmer.name}} we are on it.';
  await tab(panel, 'Templates').click();
  await panel.byTestId('template-new').click();
  await panel.byTestId('template-name').fill('Typo');
  await panel.byTestId('template-body').fill(`${body} {{agent.name`);
  await expect(panel.byTestId('template-problems')).toContainText('custmer.name');
  await expect(panel.byTestId('template-problems').getByRole('listitem')).toHaveCount(2);
  await panel.byTestId('template-save').click();

  const rendered = `Hi Maria, about "${SUBJECTS.plain}": we are on it.`;
  await previewIn(gmail, panel, SUBJECTS.plain, 'Typo');
  await expect(panel.byTestId('template-preview-missing')).toContainText('custmer.name');
  // An opening "{{" with no "}}" would reach the customer as typed: inserting waits for a fix.
  await expect(insertButton(panel)).toBeDisabled();
  await expect(panel.byTestId('template-insert-blocked')).toHaveAttribute('data-reason', 'unclosed-braces');
  await panel.byTestId('template-row').filter({ hasText: 'Typo' }).getByRole('button', { name: /^Edit/ }).click();
  await panel.byTestId('template-body').fill(body);
  await panel.byTestId('template-save').click();
  await panel.byTestId('template-row').filter({ hasText: 'Typo' }).getByRole('button', { name: 'Typo', exact: true }).click();
  await expect(panel.byTestId('template-preview')).toHaveText(rendered);

  await insertButton(panel).click();
  await panel.answerGoogle(panel.byTestId('draft-consent-allow'), 'Allow');
  await expect(panel.byTestId('draft-done')).toBeVisible();
  const [draft] = google.drafts(AGENT.email);
  expect(parseEntity(rawOf(draft!)).parts[0]!.body.toString('utf8')).toBe(rendered);
});
