/** `draftvault run <flow> [--param k=v] [--device D] [--appium-url URL] [--caps JSON]`. */
import { join } from 'node:path';
import type { Command } from 'commander';
import { DraftvaultError } from '../../errors.js';
import { runJob } from '../../jobs/run-job.js';
import { fanOut } from '../../runner/events.js';
import { type CliContext, println } from '../context.js';
import { jobOptions } from '../options.js';
import { consoleReporter } from '../reporters/console.js';
import { jsonlReporter } from '../reporters/jsonl.js';

/** Add the run command. */
export function registerRun(program: Command, ctx: CliContext): void {
  program
    .command('run')
    .description('run a flow on a device (default: the simulated phone)')
    .argument('<flow>', 'flow file')
    .option('--param <name=value...>', 'flow parameters', [])
    .option('--device <device>', 'sim, sim:<name>, sim-ios, android[:<serial>], ios[:<udid>]', 'sim')
    .option('--appium-url <url>', 'use this Appium server or Grid instead of the embedded one')
    .option('--caps <json>', 'extra capabilities as a JSON object')
    .option('--json', 'print the result as JSON (steps still go to run.jsonl)')
    .action(
      async (
        file: string,
        o: { param: string[]; device: string; appiumUrl?: string; caps?: string; json?: boolean },
      ) => {
        const { result, project, runDir } = await runJob({
          ...jobOptions(ctx, o, (runDir) =>
            fanOut(
              jsonlReporter(join(runDir, 'run.jsonl')),
              ...(o.json ? [] : [consoleReporter(ctx.stdout)]),
            ),
          ),
          file,
          params: o.param,
        });
        if (o.json)
          println(ctx.stdout, JSON.stringify({ ...result, error: result.error?.toJSON(), runDir }, null, 2));
        if (result.error) {
          const top = result.stack?.at(-1);
          throw new DraftvaultError(
            result.error.code,
            `${top ? `${top.at}: ${top.step}: ` : ''}${result.error.message}`,
            {
              hint: [
                result.error.hint,
                result.artifactsDir && `screenshot, page source and log: ${result.artifactsDir}`,
              ]
                .filter(Boolean)
                .join('\n  '),
              cause: result.error,
            },
          );
        }
        if (!o.json)
          println(
            ctx.stdout,
            `flow ${project.entry.name} passed (${result.commands} WebDriver commands); log: ${join(runDir, 'run.jsonl')}`,
          );
      },
    );
}
