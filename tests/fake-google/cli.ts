/**
 * Starts the fake Google for manual use and the demo:
 *   tsx tests/fake-google/cli.ts [--port N] [--seed demo]
 * and prints what Chromium needs to reach it.
 */
import { parseArgs } from 'node:util';
import { demoSeedWithHistory, startFakeGoogle } from './index.ts';

const { values } = parseArgs({ options: { port: { type: 'string' }, seed: { type: 'string' } } });
if (values.seed !== undefined && values.seed !== 'demo') {
  console.error(`unknown seed "${values.seed}" (only "demo" is built in; POST a seed to /__control/reset for others)`);
  process.exit(2);
}
const fake = await startFakeGoogle({
  ...(values.port === undefined ? {} : { port: Number(values.port) }),
  ...(values.seed === 'demo' ? { seed: demoSeedWithHistory() } : {}),
});
console.log(`fake Google listening on ${fake.origin} (port ${fake.port})`);
console.log(`SPKI hash: ${fake.spkiHash}`);
console.log('Chromium args:');
for (const arg of fake.chromiumArgs()) console.log(`  ${arg}`);
console.log(`Control API: ${fake.origin}/__control/… (Host 127.0.0.1 only)`);

const stop = (): void => {
  fake.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
