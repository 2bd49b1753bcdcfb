/** What every `drafts` subcommand shares: its device, folder and session options. */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { DraftsJobOptions } from '../../jobs/drafts.js';
import { packageRoot } from '../../paths.js';
import { fanOut } from '../../runner/events.js';
import type { CliContext } from '../context.js';
import { jobOptions } from '../options.js';
import { consoleReporter } from '../reporters/console.js';
import { jsonlReporter } from '../reporters/jsonl.js';
import { backupRoot } from './backup.js';

/** The flags every drafts command takes. */
export interface DraftsFlags {
  device: string;
  out?: string;
  appiumUrl?: string;
  flows?: string;
  caps?: string;
  json?: boolean;
}

/** Add the device, folder and session options to a drafts command. */
export function draftsOptions(c: Command): Command {
  return c
    .option('--device <device>', 'sim, sim:<name>, android[:<serial>], ios[:<udid>]', 'sim')
    .option('--out <dir>', 'the backup root whose journal says what is backed up (as for backup)')
    .option('--appium-url <url>', 'use this Appium server or Grid instead of the embedded one')
    .option('--flows <dir>', 'the flows folder (default: the shipped flows/tiktok)')
    .option('--caps <json>', 'extra capabilities as a JSON object')
    .option('--json', 'print the result as JSON');
}

/** The job options of a drafts command (everything validated here, before any server starts). */
export function draftsJobOptions(ctx: CliContext, f: DraftsFlags): DraftsJobOptions {
  return {
    ...jobOptions(ctx, f, (runDir) =>
      fanOut(
        jsonlReporter(join(runDir, 'run.jsonl')),
        ...(f.json ? [] : [consoleReporter(ctx.stdout, true)]),
      ),
    ),
    outRoot: backupRoot(ctx, f.out),
    flowsDir: resolve(ctx.cwd, f.flows ?? join(packageRoot(), 'flows', 'tiktok')),
  };
}
