/** The admin policy in the panel (F9): feature switches apply live, without a reload. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../utils/policy/schema';
import { enabledSections } from '../../../utils/panel/screen';
import { createPanelState } from '../../../utils/panel/state';
import { controlledRequest } from './controlled-request';
import { fakeTemplates } from './fake-templates';
import { THREAD_A, tabState, view } from './fixtures';

const withFeatures = (features: Partial<typeof DEFAULT_POLICY.features>) => ({
  policy: { ...DEFAULT_POLICY, features: { ...DEFAULT_POLICY.features, ...features } },
  problems: [],
});

function setup() {
  const control = controlledRequest();
  const state = createPanelState({ request: control.request, templates: fakeTemplates().sources });
  return { ...control, state };
}

describe('enabledSections', () => {
  it.each([
    [{}, ['conversation', 'queue', 'templates']],
    [{ queue: false }, ['conversation', 'templates']],
    [{ cases: false }, ['conversation', 'templates']],
    [{ templates: false }, ['conversation', 'queue']],
    [{ queue: false, templates: false }, ['conversation']],
  ])('with %j offers %j', (features, sections) => {
    expect(enabledSections({ ...DEFAULT_POLICY.features, ...features })).toEqual(sections);
  });
});

describe('a policy change in an open panel', () => {
  it('closes a section the admin switched off, back to the conversation', () => {
    const { state } = setup();
    state.receiveTabState(tabState());
    state.showSection('queue');
    state.receivePolicy(withFeatures({ queue: false }));
    expect(state.section.value).toBe('conversation');
    expect(state.sections.value).toEqual(['conversation', 'templates']);
  });

  it('asks for no history while the history is switched off, and loads it once it is back on', async () => {
    const { state, answer, waiting } = setup();
    state.receivePolicy(withFeatures({ history: false }));
    state.receiveTabState(tabState());
    await answer({ type: 'conversation/get', source: 'cache' }, { ok: true, data: view(THREAD_A, 'cache', 'cached') });
    expect(waiting('history/get')).toEqual([]);

    state.receivePolicy(withFeatures({}));
    expect(waiting('history/get')).toHaveLength(1);
  });
});
