/**
 * The content script's cost to Gmail's main thread (F12: ≤ 2 ms per 100 mutation batches). Gmail
 * rewrites its DOM constantly; the page here makes 1,000 changes, each in its own task (so each is
 * one MutationObserver batch), while a conversation is open, and a CPU profile of the Gmail tab
 * says how much of that time ran in content-scripts/gmail.js. A trace then says whether the script
 * forced a synchronous layout (a Layout or style recalculation with its frames on the stack).
 */
import type { CDPSession, Page } from '@playwright/test';
import { EXTENSION_ID } from '../../../tests/support/launch';
import { type Row, row } from '../report';
import { type BenchSession, openConversation } from '../session';
import { profileTimeIn, type CpuProfile } from './cpu-profile';

const MUTATIONS = 1000;
/** Gmail's changes come a few ms apart, so the script's 150 ms throttle sees them like real ones. */
const SPACING_MS = 2;
const SAMPLING_INTERVAL_US = 50;
const SCRIPT_URL = `chrome-extension://${EXTENSION_ID}/content-scripts/gmail.js`;

/** In the page: one DOM change per task, in the open conversation, like Gmail's own updates. */
function mutateDom(page: Page): Promise<void> {
  return page.evaluate(
    ({ count, spacing }) =>
      new Promise<void>((resolve) => {
        const host = document.querySelector('div[role="main"]') ?? document.body;
        let added: HTMLElement | null = null;
        for (let i = 0; i < count; i++) {
          // Add a node, then remove it: every task is one childList change the script observes.
          setTimeout(() => {
            if (added) {
              added.remove();
              added = null;
            } else {
              added = document.createElement('div');
              added.textContent = `update ${i}`;
              host.append(added);
            }
          }, i * spacing);
        }
        // Past the last change, plus the script's throttled re-check after it.
        setTimeout(resolve, count * spacing + 400);
      }),
    { count: MUTATIONS, spacing: SPACING_MS },
  );
}

async function profileRun(cdp: CDPSession, page: Page): Promise<{ total: number; self: number }> {
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  await mutateDom(page);
  const { profile } = await cdp.send('Profiler.stop');
  const time = profileTimeIn(profile as CpuProfile, SCRIPT_URL);
  // Zero because the script never ran would read as a pass.
  if (!time) throw new Error(`no frame of ${SCRIPT_URL} in the profile: was the content script injected?`);
  return time;
}

interface TraceEvent {
  name: string;
  args?: { beginData?: { stackTrace?: { url: string }[] } };
}

async function forcedLayouts(cdp: CDPSession, page: Page): Promise<number> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline.stack'] },
  });
  await mutateDom(page);
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return events.filter(
    (event) =>
      (event.name === 'Layout' || event.name === 'UpdateLayoutTree') &&
      (event.args?.beginData?.stackTrace ?? []).some((frame) => frame.url === SCRIPT_URL),
  ).length;
}

export async function contentScriptCost(session: BenchSession): Promise<Row[]> {
  const name = `content script, ${MUTATIONS} DOM mutation batches`;
  const c = session.mailbox.warm.a;
  await openConversation(session, c.subject);
  await session.panel.byTestId('customer-name').filter({ hasText: c.customerName }).waitFor();
  const page = session.gmail.page;
  const cdp = await session.context.newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    const runs = [];
    for (let run = 0; run < session.runs; run++) runs.push(await profileRun(cdp, page));
    const forced = await forcedLayouts(cdp, page);
    const per100 = (ms: number) => ms / (MUTATIONS / 100);
    return [
      row(name, {
        metric: 'main-thread time per 100 batches',
        unit: 'ms',
        values: runs.map((r) => per100(r.total)),
        budget: 2,
        minimum: 0,
        note: 'script frames and the DOM calls they make',
        detail: { selfOnlyMsPer100: runs.map((r) => per100(r.self)), samplingIntervalUs: SAMPLING_INTERVAL_US },
      }),
      row(name, { metric: 'forced layouts by the script', unit: 'count', values: [forced], budget: 0, minimum: 0 }),
    ];
  } finally {
    await cdp.detach();
  }
}
