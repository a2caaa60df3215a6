/**
 * The fake Google: one HTTPS server on 127.0.0.1 answering for mail.google.com,
 * accounts.google.com, oauth2.googleapis.com, gmail.googleapis.com and www.googleapis.com.
 * Chromium reaches it through --host-resolver-rules, so the production extension runs unchanged.
 */
import type { AddressInfo } from 'node:net';
import { createControl } from './control.ts';
import { FakeGoogleServer } from './server.ts';
import { FakeState } from './state.ts';
import { certPem, chromiumArgsFor, spkiHashOf } from './tls.ts';
import type { FakeGoogle, Seed } from './types.ts';

export type * from './types.ts';
export { demoSeed, demoSeedWithHistory } from './demo-mailbox.ts';
export { certPem, GOOGLE_HOSTS } from './tls.ts';

export async function startFakeGoogle(options: { port?: number; seed?: Seed } = {}): Promise<FakeGoogle> {
  const state = new FakeState(options.seed);
  const control = createControl(state, () => options.seed);
  const { server } = new FakeGoogleServer(state, control);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const spkiHash = spkiHashOf(certPem);
  return {
    port,
    origin: `https://127.0.0.1:${port}`,
    spkiHash,
    chromiumArgs: () => chromiumArgsFor(port, spkiHash),
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hung requests (fault.hang) would keep the server open forever.
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
