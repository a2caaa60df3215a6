/** The case, template and feature settings of the admin policy (F9, issue 6). */
import * as z from 'zod/mini';
import { DEFAULT_LABEL_PREFIX, type LabelPrefix, type LabelPrefixError, MAX_LABEL_PREFIX_LENGTH, parseLabelPrefix } from '../cases/label-prefix';
import { DEFAULT_SLA_HOURS, MAX_SLA_HOURS, type SlaHours } from '../cases/sla';
import { adminTemplatesOf } from '../templates/admin';
import type { AdminTemplate } from '../templates/types';
import { fieldsSetting, problem, wholeSetting, type PolicySetting, type ProblemText } from './setting';

export const DEFAULT_RETENTION_DAYS = 30;
/** Ten years: beyond that "retention only as long as needed" is no longer a promise. */
export const MAX_RETENTION_DAYS = 3650;

export type FeatureSwitches = Record<'history' | 'cases' | 'queue' | 'templates', boolean>;
export const DEFAULT_FEATURES: Readonly<FeatureSwitches> = { history: true, cases: true, queue: true, templates: true };

export const retentionDaysSetting = wholeSetting({
  kind: 'integer',
  fallback: DEFAULT_RETENTION_DAYS,
  schema: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_RETENTION_DAYS)),
  refused: problem('policyRetentionDays', MAX_RETENTION_DAYS, DEFAULT_RETENTION_DAYS),
});

export const slaHoursSetting = fieldsSetting<SlaHours, number>({
  fallback: DEFAULT_SLA_HOURS,
  field: z.number().check(z.positive(), z.maximum(MAX_SLA_HOURS)),
  notObject: problem('policySlaHoursNotObject', `{ "P1": ${DEFAULT_SLA_HOURS.P1}, "P2": ${DEFAULT_SLA_HOURS.P2}, "P3": ${DEFAULT_SLA_HOURS.P3} }`),
  fieldRefused: (priority, fallback) => problem('policySlaHoursField', priority, MAX_SLA_HOURS, fallback),
});

export const featuresSetting = fieldsSetting<FeatureSwitches, boolean>({
  fallback: DEFAULT_FEATURES,
  field: z.boolean(),
  notObject: problem('policyFeaturesNotObject'),
  fieldRefused: (feature, fallback) => problem('policyFeaturesField', feature, String(fallback)),
});

export const labelPrefixSetting: PolicySetting<LabelPrefix> = {
  kind: 'string',
  fallback: DEFAULT_LABEL_PREFIX,
  read(value) {
    if (typeof value !== 'string') return refused(problem('policyLabelPrefixNotText', DEFAULT_LABEL_PREFIX));
    const parsed = parseLabelPrefix(value);
    return parsed.ok ? { value: parsed.prefix, problems: [] } : refused(labelPrefixProblem(parsed.error, parsed.shown));
  },
};

function labelPrefixProblem(error: LabelPrefixError, shown: string): ProblemText {
  switch (error) {
    case 'empty':
      return problem('policyLabelPrefixEmpty', DEFAULT_LABEL_PREFIX);
    case 'control-character':
      return problem('policyLabelPrefixControl', DEFAULT_LABEL_PREFIX);
    case 'empty-segment':
      return problem('policyLabelPrefixEmptySegment', shown, DEFAULT_LABEL_PREFIX);
    case 'padded-segment':
      return problem('policyLabelPrefixPadded', shown, DEFAULT_LABEL_PREFIX);
    case 'reserved':
      return problem('policyLabelPrefixReserved', shown, DEFAULT_LABEL_PREFIX);
    case 'too-long':
      return problem('policyLabelPrefixTooLong', MAX_LABEL_PREFIX_LENGTH, DEFAULT_LABEL_PREFIX);
  }
}

function refused(text: ProblemText): { value: LabelPrefix; problems: ProblemText[] } {
  return { value: DEFAULT_LABEL_PREFIX, problems: [text] };
}

export const templatesSetting: PolicySetting<readonly AdminTemplate[]> = {
  kind: 'array',
  fallback: [],
  read: (value) => {
    const { templates, problems } = adminTemplatesOf(value);
    return { value: templates, problems };
  },
};
