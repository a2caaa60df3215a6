import { describe, expect, it } from 'vitest';
import { draftErrorText, insertBlockText, problemText, saveErrorText, syncReasonText, unsyncedWarningText } from '../../../components/templateText';
import type { SyncProblem } from '../../../utils/templates/types';
import { t } from './english';

const SYNC_PROBLEMS: SyncProblem[] = ['quota-total', 'quota-item', 'quota-count', 'quota-rate', 'sync-failed'];

describe('editor problems', () => {
  it('names the unknown variable as the agent typed it', () => {
    expect(problemText(t, { kind: 'unknown-variable', name: 'custmer.name', start: 0, end: 16, line: 1 })).toBe(
      'Unknown variable {{custmer.name}} — it would be left out.',
    );
  });

  it('says on which line braces are left open', () => {
    expect(problemText(t, { kind: 'unclosed-braces', start: 40, end: 42, line: 3 })).toBe(
      'Unclosed braces on line 3: “{{” has no closing “}}”, so it would be sent as typed.',
    );
  });
});

describe('a save the store refused', () => {
  it.each([
    ['an empty name', { kind: 'invalid', field: 'name', problem: 'empty' }, 'en', 'The template needs a name.'],
    ['an empty text', { kind: 'invalid', field: 'body', problem: 'empty' }, 'en', 'The template needs some text.'],
    ['a long text, the limit in the agent’s numbers', { kind: 'invalid', field: 'body', problem: 'too-long', max: 20_000 }, 'en', 'The text is too long: 20,000 characters at most.'],
    ['a long text in Portuguese numbers', { kind: 'invalid', field: 'body', problem: 'too-long', max: 20_000 }, 'pt-BR', 'The text is too long: 20.000 characters at most.'],
    ['a damaged id', { kind: 'invalid', field: 'id', problem: 'invalid' }, 'en', "This template's saved id is damaged, so it cannot be saved again. Copy its text into a new template."],
    ['storage failing, with its reason', { kind: 'failed', message: 'IO error: disk full' }, 'en', 'The template was not saved: IO error: disk full'],
  ] as const)('%s', (_, error, locale, text) => {
    expect(saveErrorText(t, error, locale)).toBe(text);
  });
});

describe('a template kept on this computer only', () => {
  it('says why, what it means and what to do when sync storage is full', () => {
    expect(unsyncedWarningText(t, 'quota-total')).toBe(
      "Saved on this computer only: Chrome's sync storage for extensions is full (100 KB), so this template will not reach your other computers. Delete or shorten other templates, then save it again.",
    );
  });

  it.each(SYNC_PROBLEMS)('has its own warning and badge reason for %s', (problem) => {
    const others = SYNC_PROBLEMS.filter((other) => other !== problem);
    expect(unsyncedWarningText(t, problem)).toMatch(/^Saved on this computer only: .+ again\.$/);
    expect(others.map((other) => unsyncedWarningText(t, other))).not.toContain(unsyncedWarningText(t, problem));
    expect(others.map((other) => syncReasonText(t, other))).not.toContain(syncReasonText(t, problem));
  });
});

describe('a draft that was not created', () => {
  it.each([
    ['timeout', { code: 'timeout' }, 'Gmail did not confirm the draft; check the conversation in Gmail before trying again.'],
    ['Gmail’s trouble', { code: 'gmail-unavailable', detail: '503' }, 'Gmail did not confirm the draft; check the conversation in Gmail before trying again.'],
    ['Gmail’s refusal', { code: 'gmail-error', detail: 'Invalid To header' }, 'Nothing was created. Gmail refused the request: Invalid To header'],
    ['offline', { code: 'offline' }, "Nothing was created. You're offline, or Gmail can't be reached. Check your connection and try again."],
  ] as const)('after %s says whether the agent must look in Gmail first', (_, error, text) => {
    expect(draftErrorText(t, error)).toBe(text);
  });
});

describe('why a template cannot be inserted', () => {
  it.each([
    ['no-conversation', 'To insert it as a draft, open the conversation to reply to in Gmail.'],
    ['loading', 'The conversation is still loading; the draft can be inserted once it has.'],
    ['empty', 'With these values the template is empty: there is nothing to insert.'],
    ['too-long', 'The text is longer than a draft can be (40,000 characters at most). Shorten the template.'],
  ] as const)('%s', (block, text) => {
    expect(insertBlockText(t, block, '40,000')).toBe(text);
  });
});
