#!/usr/bin/env node
/**
 * `npm run soak`: the crash campaign and the fault matrix (see campaign.mjs and matrix.mjs), both
 * seeded; the seeds are printed so a failure can be replayed. Prints the two tables; exit 1 when a
 * check or a cell failed. Not part of `npm test` (which runs short versions, test/soak/).
 *
 *   node soak/run.mjs [--quick] [--seed N] [--only campaign|matrix] [--jobs N] [--no-pairs]
 *                     [--seeds a,b,c] [--pair-seeds N] [--kills R,A] [--drafts N] [--cell-drafts N]
 *                     [--keep]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCampaign } from './campaign.mjs';
import { allFaults, cells } from './faults.mjs';
import { stopAll } from './lib.mjs';
import { runMatrix, tmpfsWorks, unmountAll } from './matrix.mjs';
import { campaignTable, matrixTable } from './tables.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const quick = args.includes('--quick');
const seed = Number(opt('--seed') ?? Math.floor(Math.random() * 2 ** 31));
const only = opt('--only');
const [runnerKills, appiumKills] = (opt('--kills') ?? (quick ? '12,3' : '100,20')).split(',').map(Number);
const seeds = (opt('--seeds') ?? (quick ? `${seed}` : `${seed},${seed + 1},${seed + 2}`))
  .split(',')
  .map(Number);
const log = (s) => process.stderr.write(`soak: ${s}\n`);

const work = mkdtempSync(join(tmpdir(), 'dv-soak-'));
process.env.DRAFTVAULT_HOME = join(work, 'home');
log(`seed ${seed} (replay: node soak/run.mjs --seed ${seed}${quick ? ' --quick' : ''}); work folder ${work}`);
let failed = false;
try {
  if (only !== 'matrix') {
    const drafts = Number(opt('--drafts') ?? (quick ? 10 : 30));
    log(`crash campaign: ${drafts} drafts, ${runnerKills} runner kills, ${appiumKills} Appium kills`);
    const c = await runCampaign({
      work: join(work, 'campaign'),
      seed,
      drafts,
      runnerKills,
      appiumKills,
      log,
    });
    process.stdout.write(`${campaignTable(c)}\n\n`);
    failed ||= c.checks.some((k) => !k.ok) || c.hung > 0;
  }
  if (only !== 'campaign') {
    const faults = allFaults();
    for (const f of faults.filter((x) => x.unsupported)) log(`fault ${f.name} left out: ${f.unsupported}`);
    const tmpfs = tmpfsWorks(join(work, 'tmpfs-probe'));
    if (!tmpfs) log('no size-limited folder (tmpfs needs root): the backupDiskFull cells are not run');
    const pairs = !args.includes('--no-pairs');
    const all = cells(faults, { pairs: pairs && !quick });
    // --quick: every fault alone, and a seeded handful of pairs.
    const list = quick
      ? [
          ...all,
          ...cells(faults)
            .filter((c) => c.length === 2)
            .filter((_, i) => i % 11 === seed % 11),
        ]
      : all;
    const drafts = Number(opt('--cell-drafts') ?? (quick ? 3 : 4));
    log(`fault matrix: ${list.length} cells × ${seeds.length} seeds, ${drafts} drafts each`);
    // --pair-seeds N: pairs on the first N seeds only (a shorter full-size run); default all.
    const pairSeeds = Number(opt('--pair-seeds') ?? seeds.length);
    const finished = [];
    const table = (rows) =>
      matrixTable(rows, { seeds, drafts, pairSeeds, faults: faults.filter((f) => !f.unsupported).length });
    // Stopped early (SIGTERM, Ctrl-C): the cells that finished, said as such, and no mount left.
    for (const sig of ['SIGTERM', 'SIGINT'])
      process.once(sig, () => {
        stopAll();
        unmountAll();
        process.stdout.write(
          `${table(finished)}\n(interrupted by ${sig}: ${finished.length} cells finished)\n`,
        );
        process.exit(130);
      });
    const rows = await runMatrix({
      work: join(work, 'matrix'),
      cells: list,
      seeds,
      seedsOf: (cell) => (cell.length === 2 ? seeds.slice(0, pairSeeds) : seeds),
      drafts,
      jobs: Number(opt('--jobs') ?? 2),
      tmpfs,
      log: (r) => {
        finished.push(r);
        log(`${r.cell} (seed ${r.seed}): ${r.outcome}; lost ${r.lost}, public ${r.public}`);
      },
    });
    process.stdout.write(`${table(rows)}\n`);
    failed ||= rows.some((r) => r.outcome.startsWith('FAILED'));
  }
} finally {
  if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
