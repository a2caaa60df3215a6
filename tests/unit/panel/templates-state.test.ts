import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createTemplatesState, type TemplateSubject } from '../../../utils/panel/templates-state';
import { searchKey } from '../../../utils/panel/template-search';
import { TemplateInputError } from '../../../utils/templates/store';
import type { AdminTemplate, PersonalTemplate } from '../../../utils/templates/types';
import { controlledRequest, flush } from './controlled-request';
import { adminTemplate, fakeTemplates, personalTemplate } from './fake-templates';
import { THREAD_A, THREAD_B, conversation } from './fixtures';

const AGENT = { email: 'ana@acme.com', name: 'Ana Agent' };
const OPEN: TemplateSubject = { tabId: 7, agent: AGENT, conversation: conversation(THREAD_A), loading: false, status: 'Open' };
const NOTHING_OPEN: TemplateSubject = { ...OPEN, conversation: null, status: null };

const GREETING = personalTemplate('p-greeting', 'Saudação', 'Olá {{customer.firstName|cliente}},\n\n{{agent.name}}');
const REFUND = personalTemplate('p-refund', 'Refund', 'Hi {{customer.firstName}}, about "{{thread.subject}}" ({{case.status}}): refunded.');
const HOURS = adminTemplate('hours', 'Opening hours', 'We are open 9–17, {{customer.name|there}}.');

interface Options {
  personal?: PersonalTemplate[];
  policy?: { templates: AdminTemplate[] };
  subject?: TemplateSubject | null;
}

async function setup({ personal = [GREETING, REFUND], policy = { templates: [HOURS] }, subject = OPEN }: Options = {}) {
  const control = controlledRequest();
  const fake = fakeTemplates(personal, policy);
  const at = signal<TemplateSubject | null>(subject);
  const templates = createTemplatesState({ request: control.request, templates: fake.sources }, at);
  templates.open();
  await flush();
  return { ...control, ...fake, at, templates };
}

const names = (list: readonly { name: string }[]) => list.map(({ name }) => name);

describe('the list', () => {
  it('shows the admin’s templates, then the agent’s, read once however often the section is shown', async () => {
    const { templates, store, sources } = await setup();
    templates.open();
    await flush();
    expect(names(templates.all.value)).toEqual(['Opening hours', 'Refund', 'Saudação']);
    expect(templates.all.value.map(({ origin }) => origin)).toEqual(['admin', 'personal', 'personal']);
    expect(templates.loaded.value).toBe(true);
    expect(store.list).toHaveBeenCalledTimes(1);
    expect(sources.readAdminTemplates).toHaveBeenCalledTimes(1);
  });

  it('reads nothing before the section is first shown', () => {
    const fake = fakeTemplates([GREETING]);
    createTemplatesState({ request: controlledRequest().request, templates: fake.sources }, signal(OPEN));
    expect(fake.store.list).not.toHaveBeenCalled();
    expect(fake.store.resync).not.toHaveBeenCalled();
  });

  it('tries once to sync what is kept on this computer only', async () => {
    const { store } = await setup();
    expect(store.resync).toHaveBeenCalledTimes(1);
  });

  it('reads the agent’s templates again when storage changes, and the admin’s when the policy does', async () => {
    const { templates, saved, storeChanged, policy, policyChanged, store, sources } = await setup();
    saved.set('p-new', personalTemplate('p-new', 'Apology', 'Sorry!'));
    storeChanged();
    await flush();
    expect(names(templates.all.value)).toEqual(['Opening hours', 'Apology', 'Refund', 'Saudação']);
    expect(sources.readAdminTemplates).toHaveBeenCalledTimes(1);

    policy.templates = [];
    policyChanged();
    await flush();
    expect(names(templates.all.value)).toEqual(['Apology', 'Refund', 'Saudação']);
    expect(store.list).toHaveBeenCalledTimes(2);
  });

  it('keeps the newest read when two answer out of order', async () => {
    const { templates, store, storeChanged } = await setup();
    let answerSlow: (value: { templates: PersonalTemplate[]; damaged: number }) => void = () => undefined;
    store.list.mockImplementationOnce(() => new Promise((resolve) => (answerSlow = resolve)));
    storeChanged();
    storeChanged();
    await flush();
    answerSlow({ templates: [], damaged: 0 });
    await flush();
    expect(names(templates.all.value)).toEqual(['Opening hours', 'Refund', 'Saudação']);
  });

  it('says what went wrong when the templates cannot be read, and counts those damaged', async () => {
    const { templates, store } = await setup();
    store.list.mockRejectedValueOnce(new Error('IO error: LOCK'));
    await templates.reload();
    expect(templates.loadError.value).toBe('IO error: LOCK');
    store.list.mockResolvedValueOnce({ templates: [GREETING], damaged: 2 });
    await templates.reload();
    expect(templates.loadError.value).toBeNull();
    expect(templates.damaged.value).toBe(2);
  });
});

describe('search', () => {
  it.each([
    ['without accents', 'saudacao', ['Saudação']],
    ['in capitals', 'SAUDAÇÃO', ['Saudação']],
    ['in the text', 'REFUNDED', ['Refund']],
    ['by several words in any order', 'cliente olá', ['Saudação']],
    ['with words that appear in different templates only', 'refunded cliente', []],
    ['with nothing typed', '   ', ['Opening hours', 'Refund', 'Saudação']],
  ])('finds templates %s', async (_, query, found) => {
    const { templates } = await setup();
    templates.search(query);
    expect(names(templates.shown.value)).toEqual(found);
  });

  it.each([
    ['Saudação', 'saudacao'],
    ['ÉCOLE à Noël', 'ecole a noel'],
    // Already-decomposed input (macOS, some keyboards) compares the same.
    ['Sauda\u0063\u0327\u0061\u0303o', 'saudacao'],
  ])('compares %s as %s', (text, key) => {
    expect(searchKey(text)).toBe(key);
  });
});

describe('the editor', () => {
  it('offers Save only once the name and the text are both filled in', async () => {
    const { templates } = await setup();
    const { editor } = templates;
    templates.startNew();
    expect(editor.editing.value).toEqual({ id: null, original: { name: '', body: '' } });
    expect(editor.canSave.value).toBe(false);
    editor.name.value = '  ';
    editor.body.value = 'Hello';
    expect(editor.canSave.value).toBe(false);
    editor.name.value = 'Hello';
    expect(editor.canSave.value).toBe(true);
  });

  it('flags an unknown variable once by name, and unclosed braces with their line', async () => {
    const { templates } = await setup();
    const { editor } = templates;
    templates.startNew();
    const body = 'Hi {{custmer.name}},\nbye {{custmer.name}} and {{agent.name}}\n{{ oops';
    editor.body.value = body;
    const unclosed = body.lastIndexOf('{{');
    expect(editor.problems.value).toEqual([
      { kind: 'unknown-variable', name: 'custmer.name', start: 3, end: 19, line: 1 },
      { kind: 'unclosed-braces', start: unclosed, end: unclosed + 2, line: 3 },
    ]);
  });

  it('puts a variable at the cursor, in place of the selection', async () => {
    const { templates } = await setup();
    const { editor } = templates;
    templates.startNew();
    editor.body.value = 'Hi NAME, thanks';
    expect(editor.insertVariable('customer.firstName', 3, 7)).toBe(3 + '{{customer.firstName}}'.length);
    expect(editor.body.value).toBe('Hi {{customer.firstName}}, thanks');
    expect(editor.insertVariable('agent.name', 999, 999)).toBe(editor.body.value.length);
  });

  it('saves a new template, closes, lists and previews it', async () => {
    const { templates, store } = await setup();
    const { editor } = templates;
    templates.startNew();
    editor.name.value = ' Apology ';
    editor.body.value = 'Sorry, {{customer.firstName}}.';
    await editor.submit();
    expect(store.save).toHaveBeenCalledWith({ name: ' Apology ', body: 'Sorry, {{customer.firstName}}.' });
    expect(editor.editing.value).toBeNull();
    expect(names(templates.all.value)).toEqual(['Opening hours', 'Apology', 'Refund', 'Saudação']);
    expect(templates.saved.value).toMatchObject({ name: 'Apology', unsynced: null });
    expect(templates.preview.value?.text).toBe('Sorry, Bob.');
  });

  it('saves a change to the template it edits', async () => {
    const { templates, store } = await setup();
    templates.edit(REFUND);
    expect(templates.editor.name.value).toBe('Refund');
    templates.editor.body.value = 'Refunded.';
    await templates.editor.submit();
    expect(store.save).toHaveBeenCalledWith({ id: 'p-refund', name: 'Refund', body: 'Refunded.' });
    expect(templates.all.value.filter(({ name }) => name === 'Refund')).toEqual([expect.objectContaining({ body: 'Refunded.' })]);
  });

  it('keeps a template sync refused, flagged with why', async () => {
    const { templates, next } = await setup();
    next.unsynced = 'quota-total';
    templates.startNew();
    templates.editor.name.value = 'Long';
    templates.editor.body.value = 'A long text';
    await templates.editor.submit();
    expect(templates.saved.value?.unsynced).toBe('quota-total');
    expect(templates.all.value.find(({ name }) => name === 'Long')).toMatchObject({ origin: 'personal', unsynced: 'quota-total' });
  });

  it('stays open with the store’s reason when the input is refused, or when storage fails', async () => {
    const { templates, next } = await setup();
    const { editor } = templates;
    templates.startNew();
    editor.name.value = 'Name';
    editor.body.value = 'Body';
    next.error = new TemplateInputError({ field: 'name', problem: 'too-long', max: 100 });
    await editor.submit();
    expect(editor.editing.value).not.toBeNull();
    expect(editor.error.value).toEqual({ kind: 'invalid', field: 'name', problem: 'too-long', max: 100 });
    expect(editor.saving.value).toBe(false);

    next.error = new Error('IO error: disk full');
    await editor.submit();
    expect(editor.error.value).toEqual({ kind: 'failed', message: 'IO error: disk full' });
  });

  it('closes on Cancel with nothing to lose, and asks first otherwise', async () => {
    const { templates } = await setup();
    const { editor } = templates;
    templates.edit(GREETING);
    editor.cancel();
    expect(editor.editing.value).toBeNull();

    templates.edit(GREETING);
    editor.body.value += '!';
    editor.cancel();
    expect(editor.confirmingDiscard.value).toBe(true);
    expect(editor.editing.value).not.toBeNull();
    editor.keepEditing();
    expect(editor.confirmingDiscard.value).toBe(false);
    editor.cancel();
    editor.discard();
    expect(editor.editing.value).toBeNull();
    expect(templates.all.value.find(({ id }) => id === GREETING.id)?.body).toBe(GREETING.body);
  });
});

describe('deleting', () => {
  it('deletes after confirmation, then tries to sync what waited for room', async () => {
    const { templates, store } = await setup();
    templates.askDelete(REFUND.id);
    expect(templates.confirmingDelete.value).toBe(REFUND.id);
    expect(await templates.confirmDelete()).toBe(true);
    expect(store.remove).toHaveBeenCalledWith(REFUND.id);
    expect(names(templates.all.value)).toEqual(['Opening hours', 'Saudação']);
    expect(templates.confirmingDelete.value).toBeNull();
    expect(store.resync).toHaveBeenCalledTimes(2);
  });

  it('deletes nothing when the agent cancels', async () => {
    const { templates, store } = await setup();
    templates.askDelete(REFUND.id);
    templates.cancelDelete();
    expect(await templates.confirmDelete()).toBe(false);
    expect(store.remove).not.toHaveBeenCalled();
  });

  it('never deletes an admin template', async () => {
    const { templates, store } = await setup();
    templates.askDelete(HOURS.id);
    expect(await templates.confirmDelete()).toBe(false);
    expect(store.remove).not.toHaveBeenCalled();
  });

  it('keeps the template and says why when it could not be deleted', async () => {
    const { templates, next } = await setup();
    next.error = new Error('QUOTA_BYTES quota exceeded');
    templates.askDelete(REFUND.id);
    expect(await templates.confirmDelete()).toBe(false);
    expect(templates.deleteError.value).toEqual({ name: 'Refund', message: 'QUOTA_BYTES quota exceeded' });
    expect(names(templates.all.value)).toContain('Refund');
  });
});

describe('the preview', () => {
  it('fills the open conversation’s values, the case status in the agent’s language', async () => {
    const { templates } = await setup();
    templates.select(REFUND.id);
    expect(templates.preview.value).toEqual({ text: 'Hi Bob, about "Refund for order 1234" (Open): refunded.', missing: [], unknown: [] });
    expect(templates.insertBlock.value).toBeNull();
  });

  it('uses a fallback silently, and lists what had no value and no fallback', async () => {
    const { templates, at } = await setup();
    at.value = { ...OPEN, conversation: { ...conversation(THREAD_A), customer: null }, status: null };
    templates.select(GREETING.id);
    expect(templates.preview.value).toEqual({ text: 'Olá cliente,\n\nAna Agent', missing: [], unknown: [] });
    templates.select(REFUND.id);
    expect(templates.preview.value).toEqual({
      text: 'Hi , about "Refund for order 1234" (): refunded.',
      missing: ['customer.firstName', 'case.status'],
      unknown: [],
    });
  });

  it('works with the agent’s values alone when no conversation is open, and says why it cannot be inserted', async () => {
    const { templates, at } = await setup({ subject: NOTHING_OPEN });
    templates.select(GREETING.id);
    expect(templates.preview.value?.text).toBe('Olá cliente,\n\nAna Agent');
    expect(templates.insertBlock.value).toBe('no-conversation');
    at.value = { ...NOTHING_OPEN, loading: true };
    expect(templates.insertBlock.value).toBe('loading');
  });

  it('reports unknown variables, and offers nothing to insert when the text comes out empty', async () => {
    const { templates, saved, storeChanged } = await setup();
    saved.set('p-odd', personalTemplate('p-odd', 'Odd', '{{custmer.name}} {{customer.phone}}'));
    storeChanged();
    await flush();
    templates.select('p-odd');
    expect(templates.preview.value).toEqual({ text: ' ', missing: [], unknown: ['custmer.name', 'customer.phone'] });
    expect(templates.insertBlock.value).toBe('empty');
  });

  it('offers nothing to insert while a "{{" has no "}}": the customer would read it as typed', async () => {
    const { templates, saved, storeChanged } = await setup();
    saved.set('p-open', personalTemplate('p-open', 'Open', 'Thanks, {{agent.name'));
    storeChanged();
    await flush();
    templates.select('p-open');
    expect(templates.preview.value?.text).toBe('Thanks, {{agent.name');
    expect(templates.insertBlock.value).toBe('unclosed-braces');
  });

  it('copies the text as it would be inserted', async () => {
    const { templates, sources } = await setup();
    templates.select(GREETING.id);
    await templates.copy();
    expect(sources.copyText).toHaveBeenCalledWith('Olá Bob,\n\nAna Agent');
    expect(templates.copied.value).toBe('copied');
    sources.copyText.mockRejectedValueOnce(new Error('Document is not focused.'));
    await templates.copy();
    expect(templates.copied.value).toBe('failed');
  });
});

describe('inserting as a draft', () => {
  async function previewing() {
    const control = await setup();
    control.templates.select(GREETING.id);
    control.templates.follow({ tabId: 7, threadId: THREAD_A });
    return control;
  }
  const NEW = { type: 'draft/insert', tabId: 7, threadId: THREAD_A, text: 'Olá Bob,\n\nAna Agent', mode: 'new' } as const;
  const created = { ok: true, data: { outcome: 'created', draftId: 'r-1', threadId: THREAD_A } } as const;

  it('inserts the previewed text into the previewed conversation, once however often pressed', async () => {
    const { templates, answer, waiting } = await previewing();
    void templates.insert();
    void templates.insert();
    expect(templates.draft.status.value).toEqual({ step: 'inserting' });
    await flush();
    expect(waiting('draft/insert').map((p) => p.request)).toEqual([NEW]);
    await answer({ type: 'draft/insert' }, created);
    expect(templates.draft.status.value).toEqual({ step: 'done', outcome: 'created', elsewhere: false });
  });

  it('says so when Gmail filed the draft as a new conversation rather than a reply in this one', async () => {
    const { templates, answer } = await previewing();
    void templates.insert();
    await flush();
    await answer({ type: 'draft/insert' }, { ok: true, data: { outcome: 'created', draftId: 'r-1', threadId: 'ffff0000ffff0000' } });
    expect(templates.draft.status.value).toEqual({ step: 'done', outcome: 'created', elsewhere: true });
  });

  it.each([
    ['Replace draft', 'replace', 'replaced'],
    ['Keep both', 'add', 'created'],
  ] as const)('offers a choice when a draft of ours is there: %s', async (_, mode, outcome) => {
    const { templates, answer, waiting } = await previewing();
    void templates.insert();
    await answer({ type: 'draft/insert', mode: 'new' }, { ok: true, data: { outcome: 'exists', edited: true } });
    expect(templates.draft.status.value).toEqual({ step: 'exists', edited: true });
    void (mode === 'replace' ? templates.draft.replace() : templates.draft.keepBoth());
    await flush();
    expect(waiting('draft/insert').map((p) => p.request)).toEqual([{ ...NEW, mode }]);
    await answer({ type: 'draft/insert', mode }, { ok: true, data: { outcome, draftId: 'r-2', threadId: THREAD_A } });
    expect(templates.draft.status.value).toEqual({ step: 'done', outcome, elsewhere: false });
  });

  it('creates nothing more when the agent cancels the choice', async () => {
    const { templates, answer, pending } = await previewing();
    void templates.insert();
    await answer({ type: 'draft/insert' }, { ok: true, data: { outcome: 'exists', edited: false } });
    templates.draft.dismiss();
    await flush();
    expect(templates.draft.status.value).toEqual({ step: 'idle' });
    expect(pending).toEqual([]);
  });

  it('explains the compose permission, asks Google, then inserts what the agent asked for', async () => {
    const { templates, answer, waiting } = await previewing();
    void templates.insert();
    await answer({ type: 'draft/insert' }, { ok: false, error: { code: 'scope-required' } });
    expect(templates.draft.status.value).toEqual({ step: 'consent' });
    void templates.draft.allow();
    expect(templates.draft.status.value).toEqual({ step: 'granting' });
    await answer({ type: 'auth/grant', tabId: 7, feature: 'drafts' }, { ok: true, data: null });
    expect(waiting('draft/insert').map((p) => p.request)).toEqual([NEW]);
    await answer({ type: 'draft/insert' }, created);
    expect(templates.draft.status.value).toEqual({ step: 'done', outcome: 'created', elsewhere: false });
  });

  it('says calmly that nothing was created when the agent declines in Google', async () => {
    const { templates, answer, waiting } = await previewing();
    void templates.insert();
    await answer({ type: 'draft/insert' }, { ok: false, error: { code: 'scope-required' } });
    void templates.draft.allow();
    await answer({ type: 'auth/grant' }, { ok: false, error: { code: 'sign-in-cancelled' } });
    expect(templates.draft.status.value).toEqual({ step: 'declined' });
    expect(waiting('draft/insert')).toEqual([]);
  });

  it('"Not now" closes the explanation and asks nothing', async () => {
    const { templates, answer, pending } = await previewing();
    void templates.insert();
    await answer({ type: 'draft/insert' }, { ok: false, error: { code: 'scope-required' } });
    templates.draft.dismiss();
    await flush();
    expect(templates.draft.status.value).toEqual({ step: 'idle' });
    expect(pending).toEqual([]);
  });

  it.each([
    ['Gmail’s refusal', 'draft/insert', { code: 'gmail-error', detail: 'Invalid To header' }],
    ['a failed grant', 'auth/grant', { code: 'offline' }],
  ] as const)('keeps the error of %s', async (_, failing, error) => {
    const { templates, answer } = await previewing();
    void templates.insert();
    if (failing === 'auth/grant') {
      await answer({ type: 'draft/insert' }, { ok: false, error: { code: 'scope-required' } });
      void templates.draft.allow();
    }
    await answer({ type: failing }, { ok: false, error });
    expect(templates.draft.status.value).toEqual({ step: 'error', error });
  });

  it('drops a late answer once the agent moved to another conversation', async () => {
    const { templates, answer, at } = await previewing();
    void templates.insert();
    at.value = { ...OPEN, conversation: conversation(THREAD_B) };
    templates.follow({ tabId: 7, threadId: THREAD_B });
    expect(templates.draft.status.value).toEqual({ step: 'idle' });
    await answer({ type: 'draft/insert', threadId: THREAD_A }, created);
    expect(templates.draft.status.value).toEqual({ step: 'idle' });
  });

  it('sends nothing without an open conversation', async () => {
    const { templates, at, pending } = await previewing();
    at.value = NOTHING_OPEN;
    await templates.insert();
    expect(pending).toEqual([]);
  });

  it('forgets a finished insert when another template is picked', async () => {
    const { templates, answer } = await previewing();
    void templates.insert();
    await answer({ type: 'draft/insert' }, created);
    templates.select(REFUND.id);
    expect(templates.draft.status.value).toEqual({ step: 'idle' });
  });
});
