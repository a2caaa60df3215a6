/**
 * The admin policy (F9, issue 6): every setting an organisation may push through
 * storage.managed, each with a safe default. An invalid setting falls back to its default and
 * tells the admin why; the other settings still apply. public/managed_schema.json declares the
 * same settings (a unit test keeps the two in step).
 */
import type { LabelPrefix } from '../cases/label-prefix';
import type { SlaHours } from '../cases/sla';
import type { AdminTemplate } from '../templates/types';
import { type AllowedDomains, allowedDomainsSetting } from './domains';
import { dpoContactSetting, privacyPolicyUrlSetting, type DpoContact } from './links';
import { isRecord, type PolicySetting, type ProblemText, type SettingKind } from './setting';
import { featuresSetting, labelPrefixSetting, retentionDaysSetting, slaHoursSetting, templatesSetting, type FeatureSwitches } from './settings';

export type { AllowedDomains } from './domains';
export type { DpoContact } from './links';
export type { FeatureSwitches } from './settings';

export interface Policy {
  /** null: accounts of any domain may sign in; otherwise only these (lower-cased). */
  allowedDomains: AllowedDomains;
  retentionDays: number;
  slaHours: Readonly<SlaHours>;
  labelPrefix: LabelPrefix;
  templates: readonly AdminTemplate[];
  features: Readonly<FeatureSwitches>;
  /** null: the extension's own privacy policy. */
  privacyPolicyUrl: string | null;
  dpoContact: DpoContact | null;
}

/** An admin-facing problem with one setting, in words the panel translates (setting.ts). */
export interface PolicyProblem extends ProblemText {
  setting: keyof Policy;
}

const SETTINGS: { readonly [K in keyof Policy]: PolicySetting<Policy[K]> } = {
  allowedDomains: allowedDomainsSetting,
  retentionDays: retentionDaysSetting,
  slaHours: slaHoursSetting,
  labelPrefix: labelPrefixSetting,
  templates: templatesSetting,
  features: featuresSetting,
  privacyPolicyUrl: privacyPolicyUrlSetting,
  dpoContact: dpoContactSetting,
};

/** Every setting with the JSON-schema type managed_schema.json must declare for it. */
export const POLICY_SETTINGS: readonly { name: keyof Policy; kind: SettingKind }[] = (Object.keys(SETTINGS) as (keyof Policy)[]).map(
  (name) => ({ name, kind: SETTINGS[name].kind }),
);

export const DEFAULT_POLICY: Readonly<Policy> = readPolicy({}).policy;

/**
 * `raw` is what storage.managed.get() gives; anything else (null, a list) reads as no policy.
 * Unknown keys are ignored; only own properties count, so `toString` is never a setting.
 */
export function readPolicy(raw: unknown): { policy: Policy; problems: PolicyProblem[] } {
  const source = isRecord(raw) ? raw : {};
  const problems: PolicyProblem[] = [];
  const read = <K extends keyof Policy>(setting: K): Policy[K] => {
    const { fallback, read: readValue } = SETTINGS[setting];
    const value = Object.hasOwn(source, setting) ? source[setting] : undefined;
    if (value === undefined) return fallback;
    const result = readValue(value);
    problems.push(...result.problems.map((text) => ({ setting, ...text })));
    return result.value;
  };
  const policy: Policy = {
    allowedDomains: read('allowedDomains'),
    retentionDays: read('retentionDays'),
    slaHours: read('slaHours'),
    labelPrefix: read('labelPrefix'),
    templates: read('templates'),
    features: read('features'),
    privacyPolicyUrl: read('privacyPolicyUrl'),
    dpoContact: read('dpoContact'),
  };
  return { policy, problems };
}
