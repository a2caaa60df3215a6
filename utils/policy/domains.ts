/**
 * `allowedDomains` (F9, issue 6): the Google account domains allowed to sign in; an empty list
 * allows any. A bad entry is skipped and the others still restrict sign-in: dropping the whole
 * list for one typo would let every account in.
 */
import * as z from 'zod/mini';
import { policyName, type PolicySetting } from './setting';

const NAME = 'allowedDomains';
const EXAMPLE = '"support.example"';

/** Admins may type `Support.Example `; Google account domains compare lower-cased. */
const domainSchema = z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.string().check(z.regex(z.regexes.domain)));

export const allowedDomainsSetting: PolicySetting<readonly string[]> = {
  kind: 'array',
  fallback: [],
  read(value) {
    if (!Array.isArray(value)) {
      return { value: [], problems: [`${policyName(NAME)} must be a list of domain names such as ${EXAMPLE}; allowing accounts of any domain.`] };
    }
    const domains = new Set<string>();
    const problems: string[] = [];
    for (const [index, item] of (value as unknown[]).entries()) {
      const parsed = domainSchema.safeParse(item);
      if (parsed.success) domains.add(parsed.data);
      else problems.push(`${policyName(NAME)}, entry ${index + 1}: ${describe(item)} is not a domain name such as ${EXAMPLE}; it is ignored.`);
    }
    return { value: [...domains], problems };
  },
};

function describe(item: unknown): string {
  return typeof item === 'string' ? JSON.stringify(item) : 'the value';
}
