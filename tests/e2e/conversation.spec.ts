import { expect, test } from './fixtures';
import { SUBJECTS } from './seed';

test('a plain external sender is the customer, waiting since their message', async ({ gmail, signedInPanel: panel }) => {
  await gmail.openConversation(SUBJECTS.plain);
  await panel.expectCustomer({ name: 'Maria Silva', email: 'maria@acme.example', domain: 'acme.example' });
  await expect(panel.byTestId('waiting-state')).toContainText('Waiting since');
  await expect(panel.byTestId('subject')).toHaveText(SUBJECTS.plain);
  await expect(panel.byTestId('message-count')).toHaveText('1');
  await expect(panel.byTestId('participants')).toContainText('maria@acme.example');
});

test('a name in RFC 2047 encoded words is decoded; the agent replied last, so it is Answered', async ({
  gmail,
  signedInPanel: panel,
}) => {
  await gmail.openConversation(SUBJECTS.encoded);
  await panel.expectCustomer({ name: 'João Conceição', email: 'joao@cliente.example', domain: 'cliente.example' });
  await expect(panel.byTestId('subject')).toHaveText(SUBJECTS.encoded);
  await expect(panel.byTestId('waiting-state')).toContainText('Answered');
  await expect(panel.byTestId('message-count')).toHaveText('2');
});

test('a contact form from a no-reply address shows the Reply-To customer', async ({ gmail, signedInPanel: panel }) => {
  await gmail.openConversation(SUBJECTS.contactForm);
  await panel.expectCustomer({ name: 'Pat Customer', email: 'pat@buyer.example', domain: 'buyer.example' });
  await expect(panel.byTestId('waiting-state')).toContainText('Waiting since');
});

test('a colleague of the agent\'s domain in Cc is not the customer; the customer wrote last', async ({
  gmail,
  signedInPanel: panel,
}) => {
  await gmail.openConversation(SUBJECTS.colleagueCc);
  await panel.expectCustomer({ name: 'Lee Chen', email: 'lee@bigco.example', domain: 'bigco.example' });
  await expect(panel.byTestId('participants')).toContainText('bob@support.example');
  await expect(panel.byTestId('waiting-state')).toContainText('Waiting since');
  await expect(panel.byTestId('message-count')).toHaveText('3');
});

test('attachments are listed with their sizes', async ({ gmail, signedInPanel: panel }) => {
  await gmail.openConversation(SUBJECTS.withAttachments);
  await expect(panel.byTestId('attachments')).toContainText('error-screen.png');
  await expect(panel.byTestId('attachments')).toContainText('server-log.pdf');
});

test('the panel follows in-page navigation to the next conversation, and back to the inbox', async ({
  gmail,
  signedInPanel: panel,
}) => {
  await gmail.openConversation(SUBJECTS.plain);
  await expect(panel.byTestId('customer-email')).toHaveText('maria@acme.example');
  await gmail.page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await gmail.backToInbox();
  await expect(panel.heading('No conversation open')).toBeVisible();
  await gmail.openConversation(SUBJECTS.contactForm);
  await expect(panel.byTestId('customer-email')).toHaveText('pat@buyer.example');
  // Still the same document: Gmail navigated in page, the content script followed without a reload.
  expect(await gmail.page.evaluate(() => 'sameDocument' in window)).toBe(true);
});

test('a conversation Gmail has not given an id yet says it cannot be identified', async ({
  gmail,
  signedInPanel: panel,
}) => {
  await gmail.openFolder('sent');
  await gmail.openConversation(SUBJECTS.unsynced);
  await expect(panel.heading("Can't identify this conversation")).toBeVisible();
});
