/** `draftvault restore <file...>`: backed-up videos back on the phone as new drafts. */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { DraftvaultError } from '../../errors.js';
import { restoreJob } from '../../jobs/restore-job.js';
import { packageRoot } from '../../paths.js';
import { fanOut } from '../../runner/events.js';
import { type CliContext, println } from '../context.js';
import { jobOptions } from '../options.js';
import { consoleReporter } from '../reporters/console.js';
import { jsonlReporter } from '../reporters/jsonl.js';

/** Add the restore command. */
export function registerRestore(program: Command, ctx: CliContext): void {
  program
    .command('restore')
    .description('push backed-up videos to the phone and make each a new draft')
    .argument('<files...>', 'video files (from a backup folder)')
    .option('--device <device>', 'sim, sim:<name>, android[:<serial>], ios[:<udid>]', 'sim')
    .option('--appium-url <url>', 'use this Appium server or Grid instead of the embedded one')
    .option('--flows <dir>', 'the flows folder (default: the shipped flows/tiktok)')
    .option('--caps <json>', 'extra capabilities as a JSON object')
    .option('--one-draft', 'make one draft of all the files, in the order given ("Select multiple")')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        paths: string[],
        f: {
          device: string;
          appiumUrl?: string;
          flows?: string;
          caps?: string;
          oneDraft?: boolean;
          json?: boolean;
        },
      ) => {
        const { results, runDir } = await restoreJob({
          ...jobOptions(ctx, f, (runDir) =>
            fanOut(
              jsonlReporter(join(runDir, 'run.jsonl')),
              ...(f.json ? [] : [consoleReporter(ctx.stdout, true)]),
            ),
          ),
          files: paths.map((p) => resolve(ctx.cwd, p)),
          oneDraft: !!f.oneDraft,
          flowsDir: resolve(ctx.cwd, f.flows ?? join(packageRoot(), 'flows', 'tiktok')),
        });
        if (f.json) println(ctx.stdout, JSON.stringify({ results, runDir }, null, 2));
        else
          for (const r of results)
            println(
              ctx.stdout,
              `${r.ok ? 'restored' : 'FAILED  '} ${r.file}${r.ok ? ` (drafts ${r.draftsBefore} → ${r.draftsAfter})` : `: ${r.reason}`}`,
            );
        const bad = results.filter((r) => !r.ok).length;
        if (bad)
          throw new DraftvaultError(
            'E_JOB_INCOMPLETE',
            f.oneDraft && paths.length > 1
              ? `the ${paths.length} files were not restored as one draft`
              : `${bad} of ${results.length} files were not restored`,
            {
              hint: `see ${join(runDir, 'run.jsonl')}`,
            },
          );
      },
    );
}
