import { defineConfig } from '@playwright/test';

// One worker: machines have 2 cores and each test runs its own Chromium (~430 MiB).
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: { trace: 'retain-on-failure' },
  outputDir: 'test-results',
});
