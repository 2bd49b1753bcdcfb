/** `draftvault check-ui [--device D]`: every screen of the backup and restore flows, checked, nothing posted. */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { type CheckUiReport, checkUiFailure, checkUiJob } from '../../jobs/check-ui.js';
import { packageRoot } from '../../paths.js';
import { type CliContext, println } from '../context.js';
import { jobOptions } from '../options.js';
import { jsonlReporter } from '../reporters/jsonl.js';

/** A table per screen, then what stopped the walk, the ranges to widen and what was not reached. */
function print(ctx: CliContext, r: CheckUiReport): void {
  const out = (line: string) => println(ctx.stdout, line);
  for (const { screen, result } of r.screens) {
    out(`${result.ok ? 'ok  ' : 'FAIL'} ${screen}`);
    for (const c of result.checks) {
      if (c.role === 'watcher' && c.ok) continue;
      const n =
        c.count.device === c.count.strict ? String(c.count.device) : `${c.count.device}/${c.count.strict}`;
      const name = c.role === 'watcher' ? `watcher ${c.name}` : c.name;
      out(
        `  ${c.ok ? 'ok  ' : 'FAIL'} ${name.padEnd(28)} ${n.padStart(3)}${c.problem ? `  ${c.problem}` : ''}`,
      );
    }
  }
  for (const s of r.stopped) {
    out(`STOP ${s.section}${s.at ? `: at ${s.at} ${s.step}` : ''}`);
    out(`  ${s.message}`);
    if (s.hint) out(`  ${s.hint}`);
    if (s.artifactsDir) out(`  screenshot and page source: ${s.artifactsDir}`);
  }
  for (const v of r.outOfRange)
    out(`FAIL ${v.where} appVersion "${v.range}" leaves out ${v.appVersion}: widen it once the screens pass`);
  if (r.unchecked.length) out(`not reached: ${r.unchecked.join(', ')}`);
  out(`log and failure screens: ${r.runDir}`);
}

/** Add the check-ui command. */
export function registerCheckUi(program: Command, ctx: CliContext): void {
  program
    .command('check-ui')
    .description(
      'walk every screen the flows use (posting, deleting, saving nothing) and check its selectors',
    )
    .option('--device <device>', 'sim, sim:<name>, android[:<serial>], ios[:<udid>]', 'sim')
    .option('--appium-url <url>', 'use this Appium server or Grid instead of the embedded one')
    .option('--caps <json>', 'extra capabilities as a JSON object')
    .option('--flows <dir>', 'the flows folder (default: the shipped flows/tiktok)')
    .option('--json', 'print the result as JSON')
    .action(
      async (f: { device: string; appiumUrl?: string; caps?: string; flows?: string; json?: boolean }) => {
        const r = await checkUiJob({
          ...jobOptions(ctx, f, (runDir) => jsonlReporter(join(runDir, 'run.jsonl'))),
          flowsDir: resolve(ctx.cwd, f.flows ?? join(packageRoot(), 'flows', 'tiktok')),
        });
        if (f.json) println(ctx.stdout, JSON.stringify(r, null, 2));
        else print(ctx, r);
        if (!r.ok) throw checkUiFailure(r);
      },
    );
}
