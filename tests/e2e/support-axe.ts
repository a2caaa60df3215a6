/**
 * An axe scan of what the panel shows now, in the light and the dark colour scheme (F11: zero
 * serious axe violations, light and dark themes). A violation is reported soft, so one run lists
 * every state's problems; each with its rule, impact, element and axe's summary, to be fixable.
 */
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';

/** WCAG 2.0 and 2.1, levels A and AA; and axe's best practices (landmarks, headings), which WCAG leaves to judgement. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const BLOCKING = new Set(['serious', 'critical']);
/** Chrome's side panel is narrow: scanned at its default width, where tables and text reflow. */
const SIDE_PANEL = { width: 360, height: 720 };

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

function describe(violation: Violation): string {
  const nodes = violation.nodes.map((node) => `    at ${node.target.map(String).join(' ')}: ${(node.failureSummary ?? '').replaceAll('\n', ' ')}`);
  return [`${violation.id} (${violation.impact}): ${violation.help}`, ...nodes].join('\n');
}

export async function expectAccessible(page: Page, state: string): Promise<void> {
  await test.step(`axe: ${state}`, async () => {
    await page.setViewportSize(SIDE_PANEL);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const blocking = violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
      // Moderate and minor ones are worth a look, not a failure: listed in the report.
      for (const minor of violations.filter((violation) => !blocking.includes(violation))) {
        test.info().annotations.push({ type: 'axe', description: `${state} (${colorScheme}): ${describe(minor)}` });
      }
      expect.soft(blocking.map(describe).join('\n'), `${state} (${colorScheme}): serious or critical axe violations`).toBe('');
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
}
