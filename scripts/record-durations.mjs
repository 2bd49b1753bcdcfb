#!/usr/bin/env node
/**
 * Record how long each test file took, for test/helpers/sequencer.ts (longest first on a clean
 * clone). Usage: `npx vitest run --reporter=json --outputFile.json=report.json`, then
 * `node scripts/record-durations.mjs report.json`. Writes test/durations.json, rounded to seconds
 * so that a re-record changes only the files whose time really moved.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const report = process.argv[2];
if (!report) {
  console.error('usage: node scripts/record-durations.mjs <vitest json report>');
  process.exit(2);
}
const SIM = 'src/drivers/sim/';
const out = {};
for (const r of JSON.parse(readFileSync(report, 'utf8')).testResults) {
  const path = relative(root, r.name);
  // Keys as vitest's cache has them: the project's name (the simulator's own tests are the
  // project of src/drivers/sim/vitest.config.ts), then the path from the repository's root.
  const key = `${path.startsWith(SIM) ? 'sim-driver' : 'draftvault'}:${path}`;
  out[key] = Math.round((r.endTime - r.startTime) / 1000) * 1000;
}
const sorted = Object.fromEntries(Object.entries(out).sort(([, a], [, b]) => b - a));
writeFileSync(join(root, 'test', 'durations.json'), `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`test/durations.json: ${Object.keys(sorted).length} files`);
