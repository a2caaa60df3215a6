/**
 * The extension's time source, moved by tests instead of waiting (issue 4): the worker reads
 * `Date.now()` at each use, so replacing it moves every due time, badge count and cache date.
 * A restarted worker starts on a fresh global scope, with the real clock again.
 */
import type { Page, Worker } from '@playwright/test';

export async function setWorkerClock(worker: Worker, epochMs: number): Promise<void> {
  await worker.evaluate((fixed) => {
    Date.now = () => fixed;
  }, epochMs);
}

/** What the toolbar badge shows on a tab. */
export function badgeOf(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/**
 * Fires the queue's sync job now, as Chrome would when its period is up. Scheduled from an
 * extension page, so it also wakes a stopped worker — the way Chrome runs the job in real life.
 */
export async function fireQueueSync(extensionPage: Page): Promise<void> {
  await extensionPage.evaluate(() => chrome.alarms.create('queue-sync', { when: Date.now(), periodInMinutes: 1 }));
}

/** Fires the retention job now (F7), keeping its daily period, the way fireQueueSync fires the sync. */
export async function fireRetention(extensionPage: Page): Promise<void> {
  await extensionPage.evaluate(() => chrome.alarms.create('retention', { when: Date.now(), periodInMinutes: 24 * 60 }));
}
