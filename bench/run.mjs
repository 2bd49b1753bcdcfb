#!/usr/bin/env node
/**
 * `npm run bench`: draftvault against a hand-written WebdriverIO script on the simulated phone,
 * and the client's own costs. Prints a table and writes bench/results.json. Not a test: nothing
 * here passes or fails, it measures (targets are shown beside the measurements).
 *
 *   node bench/run.mjs [--quick] [--only compare,version,cold,memory,pull,poll]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sections } from './lib/sections.mjs';
import { printTable } from './lib/table.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args[args.indexOf('--only') + 1];
const only = args.includes('--only') ? new Set(onlyArg.split(',')) : undefined;

const work = mkdtempSync(join(tmpdir(), 'dv-bench-'));
// Simulated phones, run folders and backups of this benchmark live in its own folder.
process.env.DRAFTVAULT_HOME = join(work, 'home');
const results = { date: new Date().toISOString(), quick, node: process.version, sections: {} };
let failed;
try {
  for (const [name, run] of Object.entries(sections)) {
    if (only && !only.has(name)) continue;
    process.stderr.write(`bench: ${name}...\n`);
    results.sections[name] = await run({ work, quick, log: (s) => process.stderr.write(`  ${s}\n`) });
  }
} catch (err) {
  // Printed here: the video encoder's handlers would print its whole source for an uncaught one.
  failed = err;
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed) {
  process.stderr.write(`bench: failed: ${failed.stack ?? failed}\n`);
  process.exit(1);
}
printTable(results, process.stdout);
writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stderr.write('bench: wrote bench/results.json\n');
