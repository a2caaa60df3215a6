import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import managedSchema from '../../../public/managed_schema.json';
import { DEFAULT_LABEL_PREFIX } from '../../../utils/cases/label-prefix';
import { DEFAULT_SLA_HOURS } from '../../../utils/cases/sla';
import { adminTemplatesOf } from '../../../utils/templates/admin';
import { DEFAULT_POLICY, POLICY_SETTINGS, type PolicyProblem, readPolicy, type Policy } from '../../../utils/policy/schema';
import { isAllowedAccount } from '../../../utils/policy/domains';
import { t } from '../panel/english';

const welcome = { id: 'welcome', name: 'Boas-vindas', body: 'Olá!' };

/** A policy read with its problems in the English the panel shows. */
function inEnglish(raw: unknown) {
  const { policy, problems } = readPolicy(raw);
  return { policy, problems: problems.map(english) };
}
const english = ({ setting, key, params }: PolicyProblem) => ({ setting, message: t(key, ...params) });

describe('DEFAULT_POLICY', () => {
  it('restricts nothing and uses the product defaults', () => {
    expect(DEFAULT_POLICY).toEqual({
      allowedDomains: null,
      retentionDays: 30,
      slaHours: DEFAULT_SLA_HOURS,
      labelPrefix: DEFAULT_LABEL_PREFIX,
      templates: [],
      features: { history: true, cases: true, queue: true, templates: true },
      privacyPolicyUrl: null,
      dpoContact: null,
    });
  });

  it.each([{}, null, undefined, [], 'policy', 42])('is what no policy (%j) reads as, without problems', (raw) => {
    expect(readPolicy(raw)).toEqual({ policy: DEFAULT_POLICY, problems: [] });
  });
});

describe('readPolicy', () => {
  it.each<[keyof Policy, unknown, unknown]>([
    ['allowedDomains', ['support.example', ' Sales.Example.COM '], ['support.example', 'sales.example.com']],
    ['allowedDomains', ['a.example', 'A.example'], ['a.example']],
    ['allowedDomains', [], null],
    ['retentionDays', 1, 1],
    ['retentionDays', 3650, 3650],
    ['slaHours', { P1: 1, P2: 2.5, P3: 48 }, { P1: 1, P2: 2.5, P3: 48 }],
    ['slaHours', { P1: 2 }, { ...DEFAULT_SLA_HOURS, P1: 2 }],
    ['slaHours', { P4: 1 }, DEFAULT_SLA_HOURS],
    ['labelPrefix', ' Support/Cases', 'Support/Cases/'],
    ['features', { queue: false }, { history: true, cases: true, queue: false, templates: true }],
    ['privacyPolicyUrl', 'https://acme.example/privacy', 'https://acme.example/privacy'],
    ['privacyPolicyUrl', ' https://acme.example ', 'https://acme.example/'],
    ['dpoContact', 'dpo@acme.example', { kind: 'email', address: 'dpo@acme.example' }],
    ['dpoContact', 'https://acme.example/dpo', { kind: 'url', url: 'https://acme.example/dpo' }],
  ])('reads a valid %s (%j)', (setting, value, expected) => {
    expect(readPolicy({ [setting]: value })).toEqual({ policy: { ...DEFAULT_POLICY, [setting]: expected }, problems: [] });
  });

  it('reads admin templates as adminTemplatesOf does', () => {
    const { policy, problems } = readPolicy({ templates: [welcome, { id: 'x' }] });
    expect(policy.templates).toEqual(adminTemplatesOf([welcome]).templates);
    expect(problems).toEqual(
      adminTemplatesOf([welcome, { id: 'x' }]).problems.map((text) => ({ setting: 'templates', ...text })),
    );
  });

  it.each<[keyof Policy, unknown, string]>([
    ['retentionDays', 0, 'Policy "retentionDays" must be a whole number of days from 1 to 3650; using 30.'],
    ['retentionDays', 3651, 'Policy "retentionDays" must be a whole number of days from 1 to 3650; using 30.'],
    ['retentionDays', 7.5, 'Policy "retentionDays" must be a whole number of days from 1 to 3650; using 30.'],
    ['retentionDays', '30', 'Policy "retentionDays" must be a whole number of days from 1 to 3650; using 30.'],
    ['slaHours', [4, 8, 24], 'Policy "slaHours" must be an object of hours per priority, such as { "P1": 4, "P2": 8, "P3": 24 }; using the defaults.'],
    ['labelPrefix', 42, 'Policy "labelPrefix" must be text such as "iCustomer/"; using "iCustomer/".'],
    [
      'labelPrefix',
      'Inbox/Cases',
      'Policy "labelPrefix": Gmail reserves "Inbox" for its own labels; choose another prefix. Until then, using "iCustomer/".',
    ],
    ['labelPrefix', ' / ', 'Policy "labelPrefix" is empty; using "iCustomer/".'],
    ['labelPrefix', 'a//b', 'Policy "labelPrefix" "a//b/" has an empty level; remove the extra /. Until then, using "iCustomer/".'],
    ['templates', { welcome }, 'Policy "templates" must be a list of { "id", "name", "body" } entries; no admin templates are shown.'],
    ['features', true, 'Policy "features" must be an object of switches, such as { "queue": false }; using the defaults.'],
    ['privacyPolicyUrl', 'http://acme.example/privacy', `Policy "privacyPolicyUrl" must be an https:// address; linking to the extension's own privacy policy instead.`],
    ['privacyPolicyUrl', 'javascript:alert(1)', `Policy "privacyPolicyUrl" must be an https:// address; linking to the extension's own privacy policy instead.`],
    ['privacyPolicyUrl', 'acme.example/privacy', `Policy "privacyPolicyUrl" must be an https:// address; linking to the extension's own privacy policy instead.`],
    ['dpoContact', 'dpo at acme', 'Policy "dpoContact" must be an email address or an https:// address; it is ignored.'],
    ['dpoContact', 'mailto:dpo@acme.example', 'Policy "dpoContact" must be an email address or an https:// address; it is ignored.'],
    ['dpoContact', null, 'Policy "dpoContact" must be an email address or an https:// address; it is ignored.'],
  ])('refuses %s %j with a message and uses the default', (setting, value, message) => {
    expect(inEnglish({ [setting]: value })).toEqual({ policy: DEFAULT_POLICY, problems: [{ setting, message }] });
  });

  it('skips bad domains and keeps the others restricting sign-in', () => {
    expect(inEnglish({ allowedDomains: ['support.example', 'bad domain', 7, '@acme.example'] })).toEqual({
      policy: { ...DEFAULT_POLICY, allowedDomains: ['support.example'] },
      problems: [
        { setting: 'allowedDomains', message: 'Policy "allowedDomains", entry 2: "bad domain" is not a domain name such as "support.example"; it is ignored.' },
        { setting: 'allowedDomains', message: 'Policy "allowedDomains", entry 3: the value is not a domain name such as "support.example"; it is ignored.' },
        { setting: 'allowedDomains', message: 'Policy "allowedDomains", entry 4: "@acme.example" is not a domain name such as "support.example"; it is ignored.' },
      ],
    });
  });

  it.each<[keyof Policy, Record<string, unknown>, Record<string, unknown>, string]>([
    ['slaHours', { P1: 0, P2: 12 }, { P1: 4, P2: 12, P3: 24 }, 'Policy "slaHours" "P1" must be a number of hours above 0 and at most 8760; using 4.'],
    ['slaHours', { P3: 8761 }, DEFAULT_SLA_HOURS, 'Policy "slaHours" "P3" must be a number of hours above 0 and at most 8760; using 24.'],
    ['slaHours', { P2: '8' }, DEFAULT_SLA_HOURS, 'Policy "slaHours" "P2" must be a number of hours above 0 and at most 8760; using 8.'],
    ['features', { history: 'no', cases: false }, { history: true, cases: false, queue: true, templates: true }, 'Policy "features" "history" must be true or false; using true.'],
  ])('falls back for the one bad field of %s %j, keeping the others', (setting, value, expected, message) => {
    expect(inEnglish({ [setting]: value })).toEqual({ policy: { ...DEFAULT_POLICY, [setting]: expected }, problems: [{ setting, message }] });
  });

  it('applies the valid settings when others are invalid, and ignores unknown keys', () => {
    const { policy, problems } = readPolicy({ retentionDays: -1, labelPrefix: 'Support', features: { cases: false }, unknown: 'x', toString: 1 });
    expect(policy).toEqual({ ...DEFAULT_POLICY, labelPrefix: 'Support/', features: { ...DEFAULT_POLICY.features, cases: false } });
    expect(problems.map((problem) => problem.setting)).toEqual(['retentionDays']);
  });

  it('never throws and always returns a complete, valid policy', () => {
    const settingValue = fc.oneof(fc.jsonValue(), fc.constantFrom(...POLICY_SETTINGS.map((setting) => DEFAULT_POLICY[setting.name])));
    const policyLike = fc.dictionary(fc.constantFrom(...POLICY_SETTINGS.map((setting) => setting.name), 'other'), settingValue);
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), policyLike), (raw) => {
        const { policy, problems } = readPolicy(raw);
        expect(Object.keys(policy).sort()).toEqual(POLICY_SETTINGS.map((setting) => setting.name).sort());
        expect(Number.isInteger(policy.retentionDays) && policy.retentionDays >= 1 && policy.retentionDays <= 3650).toBe(true);
        expect(Object.values(policy.slaHours).every((hours) => hours > 0)).toBe(true);
        expect(Object.keys(policy.features).sort()).toEqual(['cases', 'history', 'queue', 'templates']);
        expect((policy.allowedDomains ?? []).every((domain) => domain === domain.toLowerCase())).toBe(true);
        expect(problems.map(english).every(({ setting, message }) => message.startsWith(`Policy "${setting}"`))).toBe(true);
      }),
    );
  });
});

describe('allowedDomains fails closed', () => {
  it.each<[string, unknown, string[]]>([
    ['not a list', 'support.example', ['Policy "allowedDomains" must be a list of domain names such as "support.example". Until it is fixed, no account can sign in.']],
    [
      'no valid entry',
      ['bad domain'],
      [
        'Policy "allowedDomains", entry 1: "bad domain" is not a domain name such as "support.example"; it is ignored.',
        'Policy "allowedDomains" names no valid domain. Until it is fixed, no account can sign in.',
      ],
    ],
  ])('%s: nobody may sign in, and the admin is told why', (_case, value, messages) => {
    const { policy, problems } = inEnglish({ allowedDomains: value });
    expect(policy.allowedDomains).toEqual([]);
    expect(problems.map(({ message }) => message)).toEqual(messages);
    expect(isAllowedAccount(policy.allowedDomains, 'ana@support.example')).toBe(false);
  });

  it.each<[readonly string[] | null, string, boolean]>([
    [null, 'ana@anything.example', true],
    [['support.example'], 'Ana@Support.Example', true],
    [['support.example'], 'ana@eu.support.example', false],
    [['support.example'], 'ana@support.example.evil', false],
    [['support.example', 'sales.example'], 'bo@sales.example', true],
  ])('with %j, %s may sign in: %s', (allowed, email, expected) => {
    expect(isAllowedAccount(allowed, email)).toBe(expected);
  });
});

describe('public/managed_schema.json', () => {
  const declared: Record<string, { type: string; properties?: Record<string, { type: string }> }> = managedSchema.properties;

  it('declares exactly the settings readPolicy knows', () => {
    expect(Object.keys(declared).sort()).toEqual(POLICY_SETTINGS.map((setting) => setting.name).sort());
  });

  it.each(POLICY_SETTINGS)('declares $name with the type the module reads ($kind)', ({ name, kind }) => {
    expect(declared[name]?.type).toBe(kind);
  });

  it.each([['slaHours', 'number'], ['features', 'boolean']] as const)('declares every field of %s as %s', (name, type) => {
    const fields = declared[name]?.properties ?? {};
    expect(Object.keys(fields).sort()).toEqual(Object.keys(DEFAULT_POLICY[name]).sort());
    expect(Object.values(fields).every((field) => field.type === type)).toBe(true);
  });

  it('lists no required fields: Chrome would drop a whole setting for one bad field', () => {
    expect(JSON.stringify(managedSchema)).not.toContain('"required"');
  });
});
