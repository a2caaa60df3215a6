/**
 * The admin settings that reach links and sign-in, on any value (issue 7 › 4): allowed domains are
 * lower-case domain names and decide sign-in by the exact domain; the privacy policy and DPO links
 * are https pages or an address — never javascript:, http or markup — and every refusal is named.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedDomainsSetting, isAllowedAccount } from '../../../utils/policy/domains';
import { dpoContactSetting, privacyPolicyUrlSetting } from '../../../utils/policy/links';

const linkish = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'http://example.com', ' https://privacy.example/policy ', 'HTTPS://PRIVACY.EXAMPLE', 'https://a.example/"><script>', 'data:text/html,x', 'mailto:dpo@x.example', 'dpo@x.example', 'https://localhost', 'https://user:pw@x.example'),
  fc.webUrl({ validSchemes: ['https', 'http', 'ftp'] }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const DOMAIN = /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

describe('allowedDomains on any value', () => {
  const entries = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.array(fc.oneof(fc.domain(), fc.domain().map((d) => ` ${d.toUpperCase()} `), fc.string({ maxLength: 15 }), fc.jsonValue({ maxDepth: 1 })), { maxLength: 6 }));

  it('keeps lower-case domain names only, and fails closed, saying why, when none is left (property)', () => {
    fc.assert(
      fc.property(entries, (value) => {
        const { value: domains, problems } = allowedDomainsSetting.read(value);
        for (const domain of domains ?? []) expect(domain).toMatch(DOMAIN);
        if (Array.isArray(value) && value.length === 0) expect(domains).toBeNull();
        if (domains?.length === 0) expect(problems.length).toBeGreaterThan(0);
      }),
    );
  });

  it('lets an account in exactly when its domain, lower-cased, is listed (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.domain(), { minLength: 1, maxLength: 3 }), fc.oneof(fc.emailAddress(), fc.string({ maxLength: 20 })), (listed, email) => {
        const allowed = listed.map((d) => d.toLowerCase());
        const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
        expect(isAllowedAccount(allowed, email)).toBe(allowed.includes(domain));
      }),
    );
  });
});

describe('privacy policy and DPO links on any value', () => {
  it('give an https URL with a domain, or nothing and a problem (property)', () => {
    fc.assert(
      fc.property(linkish, (value) => {
        const { value: url, problems } = privacyPolicyUrlSetting.read(value);
        if (url === null) expect(problems).toHaveLength(1);
        else expect(new URL(url).protocol).toBe('https:');
      }),
    );
  });

  it('give an address, an https URL, or nothing and a problem (property)', () => {
    fc.assert(
      fc.property(linkish, (value) => {
        const { value: contact, problems } = dpoContactSetting.read(value);
        if (contact === null) expect(problems).toHaveLength(1);
        else if (contact.kind === 'url') expect(new URL(contact.url).protocol).toBe('https:');
        else expect(contact.address).toMatch(/^[^\s@:<>"]+@[^\s@:<>"]+$/);
      }),
    );
  });
});
