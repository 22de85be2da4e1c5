import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Real-browser tests (tests/e2e). Run through `npm run test:e2e` (builds first) or scripts/run-e2e.sh.
// One file at a time: each file drives a whole Chromium, and CI machines have 2 cores.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    // Chromium by default; E2E_BROWSER=firefox runs the Firefox files (tests/e2e/firefox) instead.
    include: process.env.E2E_BROWSER === 'firefox' ? ['tests/e2e/firefox/**/*.e2e.ts'] : ['tests/e2e/**/*.e2e.ts'],
    exclude: process.env.E2E_BROWSER === 'firefox' ? [] : ['tests/e2e/firefox/**'],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 240_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // The browser inherits this: segment days are local days, so fix the zone.
    env: { TZ: 'Europe/Berlin' },
  },
});
