import { defineConfig } from 'vitest/config';
import LongestFirst from './test/helpers/sequencer.js';

export default defineConfig({
  test: {
    // Integration tests start real Appium servers and spend part of their time waiting on the
    // phone: on 2 cores, 3 workers keep both busy (measured on one suite: 1155 s with 2, 898 s with 3;
    // later, 727 s with 3 and 815 s with 4, which only adds contention).
    maxWorkers: 3,
    // Longest files first, also on a clean clone without vitest's timing cache (test/durations.json).
    sequence: { sequencer: LongestFirst },
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
