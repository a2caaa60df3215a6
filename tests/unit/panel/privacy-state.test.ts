import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import type { AppError } from '../../../utils/messaging/protocol';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument } from '../../../utils/privacy/export-schema';
import type { AccessLogEntry, PrivacySummary } from '../../../utils/privacy/schemas';
import { createPrivacyDoor, type PrivacySubject } from '../../../utils/panel/privacy-door';
import { ACCESS_LOG_PAGE, createPrivacyState, exportFileName } from '../../../utils/panel/privacy-state';
import { createPanelState } from '../../../utils/panel/state';
import { controlledRequest } from './controlled-request';
import { fakeTemplates } from './fake-templates';
import { THREAD_A, tabState, view } from './fixtures';

const AGENT: PrivacySubject = { tabId: 7, account: 'agent@acme.com', signedIn: true, customer: 'bob@customer.example' };
const OTHER: PrivacySubject = { tabId: 7, account: 'lead@acme.com', signedIn: true, customer: null };
const offline: AppError = { code: 'offline' };

const summary = (account: string, conversations = 2): PrivacySummary => ({
  account,
  signedIn: true,
  categories: [{ category: 'conversations', count: conversations, bytes: 2048 }],
  retentionDays: 30,
});

const entry = (at: number): AccessLogEntry => ({ at, feature: 'conversation', category: 'message-metadata', method: 'users.threads.get', items: 1, ok: true, status: 200 });

const exportDocument = (account: string): ExportDocument => ({
  format: EXPORT_FORMAT,
  version: EXPORT_VERSION,
  exportedAt: '2026-11-25T10:00:00.000Z',
  account,
  retentionDays: 30,
  cache: { account: null, threads: [], summaries: [], histories: [], cases: [], mailbox: null, drafts: [] },
  accessLog: [],
  templates: [],
});

function setup() {
  const control = controlledRequest();
  const subject = signal<PrivacySubject | null>(AGENT);
  const saveFile = vi.fn<(name: string, text: string) => void>();
  const door = createPrivacyDoor({ request: control.request, saveFile }, subject);
  door.open();
  const privacy = createPrivacyState(door, AGENT);
  return { ...control, subject, saveFile, door, privacy };
}

/** The centre as shown: what is stored and the newest page of the access log, answered. */
async function loaded() {
  const context = setup();
  void context.privacy.load();
  await context.answer({ type: 'privacy/summary', tabId: 7 }, { ok: true, data: summary(AGENT.account) });
  await context.answer({ type: 'privacy/access-log', before: null, limit: ACCESS_LOG_PAGE }, { ok: true, data: { entries: [entry(300), entry(200)], more: true } });
  return context;
}

describe('privacy centre state', () => {
  it('reads what is stored and the newest page of the access log when shown', async () => {
    const { privacy } = await loaded();
    expect(privacy.summary.value).toEqual(summary(AGENT.account));
    expect(privacy.log.value).toEqual({ entries: [entry(300), entry(200)], more: true });
  });

  it('pages the access log from the oldest entry on screen, appending', async () => {
    const { privacy, answer } = await loaded();
    void privacy.showMore();
    await answer({ type: 'privacy/access-log', before: 200 }, { ok: true, data: { entries: [entry(100)], more: false } });
    expect(privacy.log.value).toEqual({ entries: [entry(300), entry(200), entry(100)], more: false });
  });

  it('keeps the rows on screen when a page fails, with the error', async () => {
    const { privacy, answer } = await loaded();
    void privacy.showMore();
    await answer({ type: 'privacy/access-log', before: 200 }, { ok: false, error: offline });
    expect(privacy.logError.value).toEqual(offline);
    expect(privacy.log.value?.entries).toHaveLength(2);
  });

  it('drops answers that arrive once the tab shows another account (F10)', async () => {
    const { privacy, subject, answer } = setup();
    void privacy.load();
    subject.value = OTHER;
    await answer({ type: 'privacy/summary' }, { ok: true, data: summary(AGENT.account) });
    await answer({ type: 'privacy/access-log' }, { ok: true, data: { entries: [entry(1)], more: false } });
    expect(privacy.summary.value).toBeNull();
    expect(privacy.log.value).toBeNull();
  });

  it('drops a summary about another account than its own', async () => {
    const { privacy, answer } = setup();
    void privacy.load();
    await answer({ type: 'privacy/summary' }, { ok: true, data: summary(OTHER.account) });
    expect(privacy.summary.value).toBeNull();
  });

  it('offers the open conversation’s customer to the erase form, for its own account only', () => {
    const { privacy, subject } = setup();
    expect(privacy.erase.address.value).toBe('bob@customer.example');
    subject.value = { ...OTHER, customer: 'eve@other.example' };
    expect(privacy.erase.address.value).toBe('');
  });

  it('exports the document to a file named after the account and day', async () => {
    const { privacy, answer, saveFile } = await loaded();
    void privacy.exportData();
    expect(privacy.exporting.value).toBe(true);
    await answer({ type: 'privacy/export', tabId: 7 }, { ok: true, data: exportDocument(AGENT.account) });
    const name = 'icustomer-export-agent@acme.com-2026-11-25.json';
    expect(saveFile).toHaveBeenCalledWith(name, JSON.stringify(exportDocument(AGENT.account), null, 2));
    expect(privacy.exported.value).toBe(name);
    expect(privacy.exporting.value).toBe(false);
  });

  it('refuses to save an export about another account', async () => {
    const { privacy, answer, saveFile } = await loaded();
    void privacy.exportData();
    await answer({ type: 'privacy/export' }, { ok: true, data: exportDocument(OTHER.account) });
    expect(saveFile).not.toHaveBeenCalled();
    expect(privacy.exportError.value?.code).toBe('account-mismatch');
  });

  it('shows why an export failed, and why the file could not be handed over', async () => {
    const { privacy, answer, saveFile } = await loaded();
    void privacy.exportData();
    await answer({ type: 'privacy/export' }, { ok: false, error: offline });
    expect(privacy.exportError.value).toEqual(offline);
    saveFile.mockImplementation(() => {
      throw new Error('Blob URLs are blocked');
    });
    void privacy.exportData();
    await answer({ type: 'privacy/export' }, { ok: true, data: exportDocument(AGENT.account) });
    expect(privacy.exportError.value).toEqual({ code: 'internal', detail: 'Blob URLs are blocked' });
    expect(privacy.exported.value).toBeNull();
  });

  it('deletes everything after a confirmation, then gives way to the consent screen’s notice', async () => {
    const { privacy, door, answer, pending } = await loaded();
    privacy.askDeleteAll();
    expect(pending).toEqual([]);
    void privacy.confirmDeleteAll();
    await answer({ type: 'privacy/delete-all', tabId: 7 }, { ok: true, data: null });
    expect(door.opened.value).toBe(false);
    expect(door.deletedAll.value).toBe(true);
  });

  it('stays open with the error when deleting everything fails', async () => {
    const { privacy, door, answer } = await loaded();
    privacy.askDeleteAll();
    void privacy.confirmDeleteAll();
    await answer({ type: 'privacy/delete-all' }, { ok: false, error: offline });
    expect(door.opened.value).toBe(true);
    expect(privacy.deleteAllError.value).toEqual(offline);
    expect(privacy.confirmingDeleteAll.value).toBe(false);
  });

  it('forgets the deletion notice once an account is signed in again', () => {
    const { door, subject } = setup();
    door.allDeleted();
    subject.value = { ...AGENT, signedIn: false };
    door.follow();
    expect(door.deletedAll.value).toBe(true);
    subject.value = AGENT;
    door.follow();
    expect(door.deletedAll.value).toBe(false);
  });
});

describe('export file name', () => {
  it.each([
    ['a plain address', 'agent@acme.com', 'icustomer-export-agent@acme.com-2026-11-25.json'],
    ['capitals and a plus sign', 'Ana.Agent+support@Acme.com', 'icustomer-export-ana.agent+support@acme.com-2026-11-25.json'],
    ['characters a file system refuses', 'a/b\\c:d@acme.com', 'icustomer-export-a_b_c_d@acme.com-2026-11-25.json'],
  ])('%s', (_, account, name) => {
    expect(exportFileName({ account, exportedAt: '2026-11-25T23:59:59.000Z' })).toBe(name);
  });
});

describe('the privacy centre in the panel', () => {
  function panel() {
    const control = controlledRequest();
    const state = createPanelState({ request: control.request, templates: fakeTemplates().sources, saveFile: vi.fn() });
    return { ...control, state };
  }

  it.each([
    ['signed out, from the consent screen', tabState({ session: null }), 'consent'],
    ['signed in, from a conversation', tabState(), 'loading'],
  ])('opens over the screen and Back returns to it: %s', (_, tab, before) => {
    const { state } = panel();
    state.receiveTabState(tab);
    expect(state.screen.value.name).toBe(before);
    state.privacy.open();
    expect(state.screen.value).toEqual({ name: 'privacy' });
    expect(state.navigable.value).toBe(false);
    state.privacy.close();
    expect(state.screen.value.name).toBe(before);
  });

  it('is about the tab’s account, signed in or not, with the open conversation’s customer', async () => {
    const { state, answer } = panel();
    state.receiveTabState(tabState({ session: null }));
    expect(state.privacy.subject.value).toEqual({ tabId: 7, account: 'agent@acme.com', signedIn: false, customer: null });
    state.receiveTabState(tabState());
    await answer({ type: 'conversation/get', source: 'cache' }, { ok: true, data: view(THREAD_A, 'cache') });
    expect(state.privacy.subject.value).toEqual({ tabId: 7, account: 'agent@acme.com', signedIn: true, customer: 'bob@customer.example' });
  });

  it('is not offered where the tab is not Gmail', () => {
    const { state } = panel();
    state.receiveTabState(tabState({ context: null, session: null }));
    expect(state.privacy.subject.value).toBeNull();
    state.privacy.open();
    expect(state.screen.value).toEqual({ name: 'not-gmail' });
  });
});
