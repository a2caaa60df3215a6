/**
 * `allowedDomains` (F9, issue 6): the Google account domains allowed to sign in. Unset or an empty
 * list: any domain. A bad entry is skipped and the others still restrict sign-in: dropping the
 * whole list for one typo would let every account in. A value that restricts nothing usable (not a
 * list, or no valid entry) fails closed: the admin meant to restrict, so nobody signs in until it
 * is fixed, and the panel says which setting to fix.
 */
import * as z from 'zod/mini';
import { problem, type PolicySetting, type ProblemText } from './setting';

/** null: any domain; otherwise only these, lower-cased (possibly none, when the policy is broken). */
export type AllowedDomains = readonly string[] | null;

/** Admins may type `Support.Example `; Google account domains compare lower-cased. */
const domainSchema = z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.string().check(z.regex(z.regexes.domain)));

export const allowedDomainsSetting: PolicySetting<AllowedDomains> = {
  kind: 'array',
  fallback: null,
  read(value) {
    if (!Array.isArray(value)) return { value: [], problems: [problem('policyAllowedDomainsNotList')] };
    if (value.length === 0) return { value: null, problems: [] };
    const domains = new Set<string>();
    const problems: ProblemText[] = [];
    for (const [index, item] of (value as unknown[]).entries()) {
      const parsed = domainSchema.safeParse(item);
      if (parsed.success) domains.add(parsed.data);
      else problems.push(typeof item === 'string' ? problem('policyAllowedDomainsEntry', index + 1, item) : problem('policyAllowedDomainsEntryNotText', index + 1));
    }
    if (domains.size === 0) problems.push(problem('policyAllowedDomainsNoneValid'));
    return { value: [...domains], problems };
  },
};

/** Whether the policy lets `email` sign in: its domain, exactly, is in the list (no subdomains). */
export function isAllowedAccount(allowed: AllowedDomains, email: string): boolean {
  if (allowed === null) return true;
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return allowed.includes(domain);
}
