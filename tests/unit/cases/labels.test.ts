import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABEL_PREFIX, parseLabelPrefix, type LabelPrefix } from '../../../utils/cases/label-prefix';
import {
  CASE_PRIORITIES,
  CASE_STATUSES,
  caseLabelName,
  findLabel,
  gmailLabelListSchema,
  parseCaseLabelName,
  planCaseChange,
  readCase,
  type CaseLabel,
  type GmailLabel,
} from '../../../utils/cases/labels';

const prefix = DEFAULT_LABEL_PREFIX;
const prefixOf = (raw: string): LabelPrefix => {
  const result = parseLabelPrefix(raw);
  if (!result.ok) throw new Error(`${result.error}: ${result.shown}`);
  return result.prefix;
};

const ALL: CaseLabel[] = [
  ...CASE_STATUSES.map((value) => ({ kind: 'status', value }) as const),
  ...CASE_PRIORITIES.map((value) => ({ kind: 'priority', value }) as const),
];

/** A mailbox as users.labels.list returns it: system labels, the agent's own, and case labels. */
const mailbox: GmailLabel[] = [
  { id: 'INBOX', name: 'INBOX' },
  { id: 'Label_1', name: 'Customers/VIP' },
  { id: 'Label_open', name: 'iCustomer/Status/Open' },
  { id: 'Label_pending', name: 'iCustomer/Status/Pending' },
  { id: 'Label_solved', name: 'icustomer/status/solved' },
  { id: 'Label_p1', name: 'iCustomer/Priority/P1' },
  { id: 'Label_p3', name: 'ICUSTOMER/PRIORITY/P3' },
  { id: 'Label_other', name: 'OtherTool/Status/Open' },
];

describe('caseLabelName', () => {
  it.each([
    [{ kind: 'status', value: 'Open' }, 'iCustomer/Status/Open'],
    [{ kind: 'status', value: 'Pending' }, 'iCustomer/Status/Pending'],
    [{ kind: 'status', value: 'Solved' }, 'iCustomer/Status/Solved'],
    [{ kind: 'priority', value: 'P1' }, 'iCustomer/Priority/P1'],
    [{ kind: 'priority', value: 'P2' }, 'iCustomer/Priority/P2'],
    [{ kind: 'priority', value: 'P3' }, 'iCustomer/Priority/P3'],
  ] as const)('names %j %s under the default prefix', (label, name) => {
    expect(caseLabelName(prefix, label)).toBe(name);
  });

  it('puts the labels under a configured, normalised prefix', () => {
    expect(caseLabelName(prefixOf(' Support/Cases// '), { kind: 'status', value: 'Solved' })).toBe(
      'Support/Cases/Status/Solved',
    );
  });
});

describe('parseCaseLabelName', () => {
  it.each([
    ['the exact name', 'iCustomer/Status/Open', { kind: 'status', value: 'Open' }],
    ['another client’s lower case', 'icustomer/status/open', { kind: 'status', value: 'Open' }],
    ['upper case', 'ICUSTOMER/STATUS/PENDING', { kind: 'status', value: 'Pending' }],
    ['a priority in mixed case', 'iCustomer/priority/p2', { kind: 'priority', value: 'P2' }],
  ])('reads %s', (_, name, label) => {
    expect(parseCaseLabelName(prefix, name)).toEqual(label);
  });

  it.each([
    ['another prefix', 'OtherTool/Status/Open'],
    ['no prefix', 'Status/Open'],
    ['an unknown status', 'iCustomer/Status/Closed'],
    ['an unknown priority', 'iCustomer/Priority/P4'],
    ['a child of a case label', 'iCustomer/Status/Open/Old'],
    ['the prefix level itself', 'iCustomer'],
    ['the kind level itself', 'iCustomer/Status'],
    ['surrounding spaces', ' iCustomer/Status/Open '],
    ['a system label', 'INBOX'],
    ['an empty name', ''],
  ])('ignores %s', (_, name) => {
    expect(parseCaseLabelName(prefix, name)).toBeNull();
  });

  it('reads only labels of the configured prefix', () => {
    const support = prefixOf('Support/Cases');
    expect(parseCaseLabelName(support, 'support/cases/status/open')).toEqual({ kind: 'status', value: 'Open' });
    expect(parseCaseLabelName(support, 'iCustomer/Status/Open')).toBeNull();
  });

  it('reads back every label name it makes, in any case (property)', () => {
    const prefixArbitrary = fc
      .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 })
      .map((raw) => parseLabelPrefix(raw))
      .filter((result) => result.ok)
      .map((result) => (result.ok ? result.prefix : DEFAULT_LABEL_PREFIX));
    fc.assert(
      fc.property(prefixArbitrary, fc.constantFrom(...ALL), fc.boolean(), (anyPrefix, label, upper) => {
        const name = caseLabelName(anyPrefix, label);
        expect(parseCaseLabelName(anyPrefix, name)).toEqual(label);
        expect(parseCaseLabelName(anyPrefix, upper ? name.toUpperCase() : name.toLowerCase())).toEqual(label);
      }),
    );
  });
});

describe('gmailLabelListSchema', () => {
  it('keeps id and name of each label and drops the rest', () => {
    const parsed = gmailLabelListSchema.parse({
      labels: [{ id: 'Label_1', name: 'A', type: 'user', messageListVisibility: 'show', color: { textColor: '#000' } }],
    });
    expect(parsed).toEqual({ labels: [{ id: 'Label_1', name: 'A' }] });
  });

  it('accepts a mailbox without labels, which Gmail sends without the field', () => {
    expect(gmailLabelListSchema.parse({})).toEqual({});
  });

  it.each([
    ['a label without a name', { labels: [{ id: 'Label_1' }] }],
    ['an empty id', { labels: [{ id: '', name: 'A' }] }],
    ['labels that are not a list', { labels: 'Label_1' }],
  ])('refuses %s', (_, body) => {
    expect(gmailLabelListSchema.safeParse(body).success).toBe(false);
  });
});

describe('findLabel', () => {
  it('finds a label by its exact name', () => {
    expect(findLabel(mailbox, 'iCustomer/Status/Open')).toEqual({
      state: 'exists',
      label: { id: 'Label_open', name: 'iCustomer/Status/Open' },
    });
  });

  it('reuses a label whose name differs only in case', () => {
    expect(findLabel(mailbox, 'iCustomer/Status/Solved')).toEqual({
      state: 'exists',
      label: { id: 'Label_solved', name: 'icustomer/status/solved' },
    });
  });

  it('says a label must be created, with the name asked for', () => {
    expect(findLabel(mailbox, 'iCustomer/Priority/P2')).toEqual({ state: 'missing', name: 'iCustomer/Priority/P2' });
    expect(findLabel([], 'iCustomer/Status/Open')).toEqual({ state: 'missing', name: 'iCustomer/Status/Open' });
  });

  it('prefers the exact spelling, then the smallest id, when a list holds several', () => {
    const twins = [
      { id: 'Label_9', name: 'icustomer/status/open' },
      { id: 'Label_5', name: 'ICUSTOMER/STATUS/OPEN' },
    ];
    expect(findLabel(twins, 'iCustomer/Status/Open')).toMatchObject({ label: { id: 'Label_5' } });
    expect(findLabel([...twins, { id: 'Label_7', name: 'iCustomer/Status/Open' }], 'iCustomer/Status/Open')).toMatchObject(
      { label: { id: 'Label_7' } },
    );
  });
});

describe('readCase', () => {
  it.each([
    ['no label at all', [], { status: null, priority: null, surplusLabelIds: [] }],
    ['only other labels', ['INBOX', 'Label_1', 'Label_other'], { status: null, priority: null, surplusLabelIds: [] }],
    ['a status and a priority', ['INBOX', 'Label_pending', 'Label_p3'], { status: 'Pending', priority: 'P3', surplusLabelIds: [] }],
    ['a status in another case', ['Label_solved'], { status: 'Solved', priority: null, surplusLabelIds: [] }],
    ['a label id missing from the list', ['Label_gone', 'Label_p1'], { status: null, priority: 'P1', surplusLabelIds: [] }],
    ['Open and Solved: Open wins', ['Label_solved', 'Label_open'], { status: 'Open', priority: null, surplusLabelIds: ['Label_solved'] }],
    ['Pending and Solved: Pending wins', ['Label_solved', 'Label_pending'], { status: 'Pending', priority: null, surplusLabelIds: ['Label_solved'] }],
    ['P1 and P3: P1 wins', ['Label_p3', 'Label_p1'], { status: null, priority: 'P1', surplusLabelIds: ['Label_p3'] }],
    [
      'all three statuses and two priorities',
      ['Label_p1', 'Label_solved', 'Label_p3', 'Label_pending', 'Label_open'],
      { status: 'Open', priority: 'P1', surplusLabelIds: ['Label_pending', 'Label_solved', 'Label_p3'] },
    ],
  ])('reads %s', (_, threadLabelIds, reading) => {
    expect(readCase(prefix, mailbox, threadLabelIds)).toEqual(reading);
  });

  it('keeps the exact spelling when the thread carries two case variants of one status', () => {
    const labels = [...mailbox, { id: 'Label_open_lower', name: 'icustomer/status/open' }];
    expect(readCase(prefix, labels, ['Label_open_lower', 'Label_open'])).toEqual({
      status: 'Open',
      priority: null,
      surplusLabelIds: ['Label_open_lower'],
    });
  });

  it('reads the same case whatever the order of the ids and labels', () => {
    const ids = ['Label_solved', 'Label_p3', 'Label_open', 'Label_p1'];
    const reading = readCase(prefix, mailbox, ids);
    expect(readCase(prefix, [...mailbox].reverse(), [...ids].reverse())).toEqual({
      ...reading,
      surplusLabelIds: [...reading.surplusLabelIds].reverse(),
    });
  });

  it('reads labels of the configured prefix only', () => {
    expect(readCase(prefixOf('OtherTool'), mailbox, ['Label_open', 'Label_other'])).toEqual({
      status: 'Open',
      priority: null,
      surplusLabelIds: [],
    });
  });
});

describe('planCaseChange', () => {
  it('adds the existing label and removes every other status label, whatever its case', () => {
    expect(planCaseChange(prefix, mailbox, { kind: 'status', value: 'Solved' })).toEqual({
      state: 'ready',
      request: { addLabelIds: ['Label_solved'], removeLabelIds: ['Label_open', 'Label_pending'] },
    });
  });

  it('changes the priority without touching the status', () => {
    expect(planCaseChange(prefix, mailbox, { kind: 'priority', value: 'P3' })).toEqual({
      state: 'ready',
      request: { addLabelIds: ['Label_p3'], removeLabelIds: ['Label_p1'] },
    });
  });

  it('asks for the label to be created under its canonical name when the mailbox lacks it', () => {
    expect(planCaseChange(prefix, mailbox, { kind: 'priority', value: 'P2' })).toEqual({
      state: 'create-label',
      name: 'iCustomer/Priority/P2',
    });
  });

  it('is ready once the created label is in the list', () => {
    const created = { id: 'Label_p2', name: 'iCustomer/Priority/P2' };
    expect(planCaseChange(prefix, [...mailbox, created], { kind: 'priority', value: 'P2' })).toEqual({
      state: 'ready',
      request: { addLabelIds: ['Label_p2'], removeLabelIds: ['Label_p1', 'Label_p3'] },
    });
  });

  it('removes a case variant of the target label too, keeping the one it adds', () => {
    const labels = [{ id: 'Label_a', name: 'ICUSTOMER/STATUS/OPEN' }, { id: 'Label_b', name: 'iCustomer/Status/Open' }];
    expect(planCaseChange(prefix, labels, { kind: 'status', value: 'Open' })).toEqual({
      state: 'ready',
      request: { addLabelIds: ['Label_b'], removeLabelIds: ['Label_a'] },
    });
  });

  it('leaves a thread with exactly the target value and no other label of that kind (property)', () => {
    const names = ALL.flatMap((label) => {
      const name = caseLabelName(prefix, label);
      return [name, name.toLowerCase(), name.toUpperCase()];
    });
    const labelsArbitrary = fc
      .uniqueArray(fc.constantFrom(...names, 'INBOX', 'OtherTool/Status/Open'), { maxLength: 12 })
      .map((picked) => picked.map((name, index) => ({ id: `Label_${index}`, name })));
    fc.assert(
      fc.property(labelsArbitrary, fc.constantFrom(...ALL), fc.array(fc.nat(30)), (labels, target, picks) => {
        const plan = planCaseChange(prefix, labels, target);
        const all = plan.state === 'create-label' ? [...labels, { id: 'Label_new', name: plan.name }] : labels;
        const ready = planCaseChange(prefix, all, target);
        if (ready.state !== 'ready') throw new Error('a created label must make the plan ready');
        const { addLabelIds, removeLabelIds } = ready.request;
        expect(addLabelIds.filter((id) => removeLabelIds.includes(id))).toEqual([]);
        const before = picks.map((pick) => all[pick % all.length]?.id ?? 'INBOX');
        const after = [...before.filter((id) => !removeLabelIds.includes(id)), ...addLabelIds];
        const reading = readCase(prefix, all, after);
        expect(target.kind === 'status' ? reading.status : reading.priority).toBe(target.value);
        const sameKind = (id: string): boolean =>
          parseCaseLabelName(prefix, all.find((label) => label.id === id)?.name ?? '')?.kind === target.kind;
        expect(reading.surplusLabelIds.filter(sameKind)).toEqual([]);
      }),
    );
  });
});
