/** The case, template and feature settings of the admin policy (F9, issue 6). */
import * as z from 'zod/mini';
import { DEFAULT_LABEL_PREFIX, parseLabelPrefix, type LabelPrefix } from '../cases/label-prefix';
import { DEFAULT_SLA_HOURS, MAX_SLA_HOURS, type SlaHours } from '../cases/sla';
import { adminTemplatesOf } from '../templates/admin';
import type { AdminTemplate } from '../templates/types';
import { fieldsSetting, policyName, wholeSetting, type PolicySetting } from './setting';

export const DEFAULT_RETENTION_DAYS = 30;
/** Ten years: beyond that "retention only as long as needed" is no longer a promise. */
export const MAX_RETENTION_DAYS = 3650;

export type FeatureSwitches = Record<'history' | 'cases' | 'queue' | 'templates', boolean>;
export const DEFAULT_FEATURES: Readonly<FeatureSwitches> = { history: true, cases: true, queue: true, templates: true };

export const retentionDaysSetting = wholeSetting({
  name: 'retentionDays',
  kind: 'integer',
  fallback: DEFAULT_RETENTION_DAYS,
  schema: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_RETENTION_DAYS)),
  expected: `a whole number of days from 1 to ${MAX_RETENTION_DAYS}`,
  instead: `using ${DEFAULT_RETENTION_DAYS}`,
});

export const slaHoursSetting = fieldsSetting<SlaHours, number>({
  name: 'slaHours',
  fallback: DEFAULT_SLA_HOURS,
  field: z.number().check(z.positive(), z.maximum(MAX_SLA_HOURS)),
  expected: `an object of hours per priority, such as { "P1": ${DEFAULT_SLA_HOURS.P1}, "P2": ${DEFAULT_SLA_HOURS.P2}, "P3": ${DEFAULT_SLA_HOURS.P3} }`,
  fieldExpected: `a number of hours above 0 and at most ${MAX_SLA_HOURS}`,
});

export const featuresSetting = fieldsSetting<FeatureSwitches, boolean>({
  name: 'features',
  fallback: DEFAULT_FEATURES,
  field: z.boolean(),
  expected: 'an object of switches, such as { "queue": false }',
  fieldExpected: 'true or false',
});

export const labelPrefixSetting: PolicySetting<LabelPrefix> = {
  kind: 'string',
  fallback: DEFAULT_LABEL_PREFIX,
  read(value) {
    const instead = `using "${DEFAULT_LABEL_PREFIX}"`;
    if (typeof value !== 'string') return refused(`${policyName('labelPrefix')} must be text such as "${DEFAULT_LABEL_PREFIX}"; ${instead}.`);
    const parsed = parseLabelPrefix(value);
    return parsed.ok ? { value: parsed.prefix, problems: [] } : refused(`${policyName('labelPrefix')} cannot be used: ${parsed.detail} Until then, ${instead}.`);
  },
};

function refused(problem: string): { value: LabelPrefix; problems: string[] } {
  return { value: DEFAULT_LABEL_PREFIX, problems: [problem] };
}

export const templatesSetting: PolicySetting<readonly AdminTemplate[]> = {
  kind: 'array',
  fallback: [],
  read: (value) => {
    const { templates, problems } = adminTemplatesOf(value);
    return { value: templates, problems };
  },
};
