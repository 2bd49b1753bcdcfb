/** `draftvault check-ui [--device D]`: every screen of the backup and restore flows, checked, nothing posted. */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { DraftvaultError } from '../../errors.js';
import { checkUiJob } from '../../jobs/check-ui.js';
import { packageRoot } from '../../paths.js';
import { type CliContext, println } from '../context.js';
import { jobOptions } from '../options.js';
import { jsonlReporter } from '../reporters/jsonl.js';

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
        else {
          for (const { screen, result } of r.screens) {
            println(ctx.stdout, `${result.ok ? 'ok  ' : 'FAIL'} ${screen}`);
            for (const c of result.checks) {
              if (c.role === 'watcher' && c.ok) continue;
              const n =
                c.count.device === c.count.strict
                  ? String(c.count.device)
                  : `${c.count.device}/${c.count.strict}`;
              println(
                ctx.stdout,
                `  ${c.ok ? 'ok  ' : 'FAIL'} ${(c.role === 'watcher' ? `watcher ${c.name}` : c.name).padEnd(28)} ${n.padStart(3)}${c.problem ? `  ${c.problem}` : ''}`,
              );
            }
          }
          if (r.walkError)
            println(
              ctx.stdout,
              `the walk stopped: ${r.walkError.message}${r.walkError.hint ? `\n  ${r.walkError.hint}` : ''}`,
            );
          println(ctx.stdout, `log and failure screens: ${r.runDir}`);
        }
        if (!r.ok)
          throw new DraftvaultError(
            'E_JOB_INCOMPLETE',
            r.walkError
              ? 'check-ui could not walk every screen'
              : 'some selectors do not find exactly one node',
            {
              hint: 'edit the selectors named above in flows/tiktok/selectors.yaml (docs/ui-changes.md walks through it)',
            },
          );
      },
    );
}
