/**
 * Sync runs only when the bench asks, each with room in Gmail's quota. The extension's minute alarm
 * would start runs of its own, between and during the measured ones: it is paused. Gmail allows
 * 6,000 units per user per minute and a first sync spends 4,000 a run: a run that might not fit
 * gets the next minute of the fake's clock, as the alarm would give it, instead of a real minute's
 * wait. The fake counts quota per account, so only the account synced here is concerned.
 */
import type { Page } from '@playwright/test';
import type { FakeGoogleControl } from '../../tests/fake-google/index';
import { USER_UNITS_PER_MINUTE } from '../../tests/fake-google/quota';

/** The fake's clock moved a minute at a time, when the next run needs it; `spend` after each run. */
export function quotaMinutes(control: FakeGoogleControl) {
  let spent = 0;
  let now: number | null = null;
  return {
    makeRoom(units: number): void {
      if (spent + units <= USER_UNITS_PER_MINUTE) return;
      // Past the sliding 60 s window of everything spent so far.
      now = Math.max(now ?? 0, Date.now()) + 61_000;
      control.setNow(now);
      spent = 0;
    },
    spend(units: number): void {
      spent += units;
    },
    /**
     * Back to real time. What was spent stays dated ahead of it, and counts for a few more minutes:
     * the account must make no more calls, so the scenario signs it out first.
     */
    restore: () => control.setNow(null),
  };
}

/** Clears the extension's alarms; answers how to put them back. */
export async function pauseAlarms(page: Page): Promise<() => Promise<void>> {
  const saved = await page.evaluate(async () => {
    const alarms = await chrome.alarms.getAll();
    await chrome.alarms.clearAll();
    return alarms.map(({ name, scheduledTime, periodInMinutes }) => ({ name, scheduledTime, periodInMinutes }));
  });
  return async () => {
    await page.evaluate(async (alarms) => {
      for (const { name, scheduledTime, periodInMinutes } of alarms) {
        await chrome.alarms.create(name, periodInMinutes === undefined ? { when: scheduledTime } : { periodInMinutes });
      }
    }, saved);
  };
}
