import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests. Real-browser tests live in tests/e2e and run with vitest.e2e.config.ts.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    env: { TZ: 'Europe/Berlin' },
    // Property tests and big fixtures take 1–5 s on a busy 2-core machine; the default 5 s made them
    // flaky. Speed is measured by the benchmarks (npm run bench*), never by a test's timeout.
    testTimeout: 30_000,
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
