/** `draftvault restore <file...>`: backed-up videos back on the phone as new drafts. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { parseAppiumUrl } from '../../appium/endpoint.js';
import { parseDeviceRef } from '../../drivers/index.js';
import { simCapabilities } from '../../drivers/sim-adapter/index.js';
import { DraftvaultError } from '../../errors.js';
import { checkVideo } from '../../jobs/backup-store.js';
import { withDeviceSession } from '../../jobs/device-session.js';
import { FlowKit, loadJobFlows } from '../../jobs/flow-kit.js';
import { runRestore } from '../../jobs/restore.js';
import { dataHome, newRunDir, packageRoot } from '../../paths.js';
import { fanOut } from '../../runner/events.js';
import { type CliContext, println } from '../context.js';
import { parseCaps } from '../options.js';
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
    .option('--json', 'print the result as JSON')
    .action(
      async (
        paths: string[],
        f: { device: string; appiumUrl?: string; flows?: string; caps?: string; json?: boolean },
      ) => {
        const device = parseDeviceRef(f.device);
        if (f.appiumUrl) parseAppiumUrl(f.appiumUrl);
        const extra = parseCaps(f.caps);
        const flows = loadJobFlows(resolve(ctx.cwd, f.flows ?? join(packageRoot(), 'flows', 'tiktok')));
        // Every file is read and checked before a session starts.
        const files = paths.map((p) => {
          let bytes: Buffer;
          try {
            bytes = readFileSync(resolve(ctx.cwd, p));
          } catch (cause) {
            throw new DraftvaultError('E_USAGE', `cannot read ${p}`, { cause });
          }
          const check = checkVideo(bytes);
          if (!check.ok) throw new DraftvaultError('E_USAGE', `${p} is not a usable video: ${check.problem}`);
          return { path: p, bytes };
        });
        const runDir = newRunDir('restore', dataHome(ctx.env, ctx.cwd));
        const reporter = fanOut(
          jsonlReporter(join(runDir, 'run.jsonl')),
          ...(f.json ? [] : [consoleReporter(ctx.stdout, true)]),
        );
        const capabilities = device.kind === 'sim' ? { ...simCapabilities(device), ...extra } : extra;
        const results = await withDeviceSession(
          { device, appiumUrl: f.appiumUrl, runDir, signal: ctx.signal, capabilities },
          (d) =>
            runRestore(
              d,
              new FlowKit(flows, d, { reporter, runDir, signal: ctx.signal, env: ctx.env }),
              files,
              reporter,
            ),
        );
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
            `${bad} of ${results.length} files were not restored`,
            { hint: `see ${join(runDir, 'run.jsonl')}` },
          );
      },
    );
}
