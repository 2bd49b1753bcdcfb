import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'sim-driver',
    include: ['test/**/*.test.ts'],
    // The tests start real Appium servers that load build/: check it is there and current.
    globalSetup: ['test/support/build-check.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
