/**
 * Where the privacy centre (F7, issue 6) sends people: the organisation's privacy policy and its
 * DPO. Only https pages, so a policy can never turn these links into javascript: or plain http.
 */
import * as z from 'zod/mini';
import { problem, type PolicySetting } from './setting';

export type DpoContact = { kind: 'email'; address: string } | { kind: 'url'; url: string };

const httpsUrlSchema = z.url({ protocol: /^https$/, hostname: z.regexes.domain, normalize: true });
const emailSchema = z.email();

export const privacyPolicyUrlSetting: PolicySetting<string | null> = {
  kind: 'string',
  fallback: null,
  read(value) {
    const parsed = httpsUrlSchema.safeParse(trimmed(value));
    if (parsed.success) return { value: parsed.data, problems: [] };
    return { value: null, problems: [problem('policyPrivacyPolicyUrl')] };
  },
};

export const dpoContactSetting: PolicySetting<DpoContact | null> = {
  kind: 'string',
  fallback: null,
  read(value) {
    const text = trimmed(value);
    const email = emailSchema.safeParse(text);
    if (email.success) return { value: { kind: 'email', address: email.data }, problems: [] };
    const url = httpsUrlSchema.safeParse(text);
    if (url.success) return { value: { kind: 'url', url: url.data }, problems: [] };
    return { value: null, problems: [problem('policyDpoContact')] };
  },
};

function trimmed(value: unknown): unknown {
  return typeof value === 'string' ? value.trim() : value;
}
