/**
 * The fake's TLS identity: one committed self-signed certificate whose SANs list every Google
 * host Chromium maps to the fake. Chromium trusts it through
 * --ignore-certificate-errors-spki-list, which (unlike Playwright's ignoreHTTPSErrors) also covers
 * the extension service worker's fetches (notes/chromium-e2e.md).
 */
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

const tlsDir = new URL('./tls/', import.meta.url);

export const certPem = readFileSync(new URL('cert.pem', tlsDir), 'utf8');
export const keyPem = readFileSync(new URL('key.pem', tlsDir), 'utf8');

/** Base64 SHA-256 of the certificate's SubjectPublicKeyInfo (DER). */
export function spkiHashOf(pem: string): string {
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/** The hosts the fake answers for; Chromium's --host-resolver-rules maps each to it. */
export const GOOGLE_HOSTS = [
  'mail.google.com',
  'accounts.google.com',
  'oauth2.googleapis.com',
  'gmail.googleapis.com',
  'www.googleapis.com',
] as const;
export type GoogleHost = (typeof GOOGLE_HOSTS)[number];

export function chromiumArgsFor(port: number, spkiHash: string): string[] {
  const maps = GOOGLE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`);
  // MAP * ~NOTFOUND keeps Chromium from reaching for the closed network; localhost stays reachable.
  const rules = [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE localhost'].join(', ');
  return [`--host-resolver-rules=${rules}`, `--ignore-certificate-errors-spki-list=${spkiHash}`];
}
