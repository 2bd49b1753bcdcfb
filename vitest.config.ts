import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Integration tests start real Appium servers; 2 cores: keep parallelism modest.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'draftvault', include: ['test/**/*.test.ts'] } },
      // The simulated phone's own tests, with its own config (src/drivers/sim/vitest.config.ts).
      'src/drivers/sim',
    ],
  },
});
