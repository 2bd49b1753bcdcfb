/**
 * `draftvault backup`: back up every draft privately, verified and journaled; resumable.
 * `draftvault verify`: re-check a backup folder against its manifest.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { loadFleet, resolveDevice } from '../../config/devices.js';
import { DraftvaultError } from '../../errors.js';
import { backupJob, deviceFolder } from '../../jobs/backup-job.js';
import { BackupStore } from '../../jobs/backup-store.js';
import { checkWritableFolder } from '../../jobs/folders.js';
import { dataHome, packageRoot } from '../../paths.js';
import { fanOut } from '../../runner/events.js';
import { type CliContext, println } from '../context.js';
import { baseJobOptions, parseCaps, parseIntOption } from '../options.js';
import { backupProgress } from '../reporters/backup-progress.js';
import { jsonlReporter } from '../reporters/jsonl.js';
import { backupTargets, runFleet, targetOptions } from './backup-fleet.js';
import { crashHook } from './crash-hook.js';
import { prepareDemo } from './demo.js';

interface BackupFlags {
  device: string[];
  allDevices?: boolean;
  appiumUrl?: string;
  out?: string;
  limit?: number;
  dryRun?: boolean;
  cleanupDevice?: boolean;
  deletePrivatePost?: boolean;
  keepDrafts?: boolean;
  flows?: string;
  json?: boolean;
  demo?: boolean;
  caps?: string;
}

/** The backup root: `--out`, else the config's `backup.folder`, else `<data home>/backups`. */
export function backupRoot(ctx: CliContext, out: string | undefined): string {
  if (out) return resolve(ctx.cwd, out);
  return loadConfig(ctx.env, ctx.cwd).backupRoot ?? join(dataHome(ctx.env, ctx.cwd), 'backups');
}

/** Add the backup and verify commands. */
export function registerBackup(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .description(
      'back up every draft: post it as Only me with Save to device, pull the video, verify, journal',
    )
    .option(
      '--device <device>',
      'sim, sim:<name>, android[:<serial>], ios[:<udid>], or a name from the devices file; repeat it to back up several phones in parallel (default: sim)',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option('--all-devices', 'back up every phone of the devices file (config/devices.yaml) in parallel')
    .option('--appium-url <url>', 'use this Appium server or Grid instead of the embedded one')
    .option(
      '--out <dir>',
      'backup root (a folder per device inside; default: backup.folder, else .draftvault/backups)',
    )
    .option('--limit <n>', 'back up at most N drafts', parseIntOption('--limit', 1))
    .option('--dry-run', 'walk to each draft’s post screen and back out; post nothing')
    .option('--cleanup-device', 'after a verified backup, delete the saved copy from the phone’s gallery')
    .option('--delete-private-post', 'after a verified backup, delete the private post from TikTok')
    .option('--keep-drafts', 'after a verified backup, put the video back as a draft with its caption')
    .option('--flows <dir>', 'the flows folder (default: the shipped flows/tiktok)')
    .option('--json', 'print one JSON object with the result')
    .option('--caps <json>', 'extra capabilities as a JSON object (e.g. simulator faults)')
    .option('--demo', 'prepare a fresh simulated phone "demo" with 5 drafts and back it up into ./backups')
    .action(async (f: BackupFlags) => {
      if (f.demo) {
        const demo = await prepareDemo(ctx);
        Object.assign(f, { out: demo.out, device: [demo.device] });
      }
      const targets = backupTargets(ctx, f);
      const caps = parseCaps(f.caps);
      const common = {
        ...baseJobOptions(ctx),
        outRoot: backupRoot(ctx, f.out),
        flowsDir: resolve(ctx.cwd, f.flows ?? join(packageRoot(), 'flows', 'tiktok')),
        limit: f.limit,
        dryRun: f.dryRun,
        cleanupDevice: f.cleanupDevice,
        deletePrivatePost: f.deletePrivatePost,
        keepDrafts: f.keepDrafts,
        crashPoint: crashHook(ctx.env),
      };
      if (targets.fleet) return runFleet(ctx, targets.devices, common, f, caps);
      const target = targetOptions(targets.devices[0]!, undefined, f, caps);
      const progress = backupProgress(f.json ? ({ write: () => true } as never) : (ctx.stdout as never));
      const { report, folder, runDir, reportDir, preflight } = await backupJob({
        ...common,
        ...target,
        reporter: (runDir) => fanOut(jsonlReporter(join(runDir, 'run.jsonl')), progress),
        notice: (m) => println(ctx.stderr, `draftvault: ${m}`),
        // With --json a successful run's report folder is in the JSON; a failure names it on stderr.
        onReport: (html, failed) => {
          if (!f.json || failed) println(ctx.stderr, `draftvault: report: ${html}`);
        },
      }).finally(() => progress.stop());
      if (f.json)
        println(ctx.stdout, JSON.stringify({ ...report, folder, runDir, reportDir, preflight }, null, 2));
      else printSummary(ctx, report, folder, runDir);
      const notKept = report.drafts.filter((d) => d.kept === false).length;
      if (report.failed > 0 || report.skipped > 0 || notKept > 0) {
        throw new DraftvaultError(
          'E_JOB_INCOMPLETE',
          `${report.failed} failed, ${report.skipped} skipped (not posted)${notKept ? `, ${notKept} backed up but not kept as drafts` : ''}`,
          { hint: `see ${join(runDir, 'run.jsonl')}; run backup again to retry` },
        );
      }
    });

  program
    .command('verify')
    .description('re-check every backed-up video against the manifest (size, MP4 structure, sha256)')
    .option('--device <device>', 'whose backups', 'sim')
    .option('--out <dir>', 'backup root (as given to backup)')
    .option('--json', 'print JSON')
    .action(async (f: { device: string; out?: string; json?: boolean }) => {
      const device = resolveDevice(f.device, loadFleet(ctx.env, ctx.cwd).devices).ref;
      const root = checkWritableFolder(backupRoot(ctx, f.out), '--out', false);
      const folder = deviceFolder(root, device);
      if (!existsSync(join(folder, 'manifest.json')))
        throw new DraftvaultError('E_USAGE', `no backups of ${f.device} in ${root}`, {
          hint: `looked for ${join(folder, 'manifest.json')}; check --device and --out`,
        });
      const store = new BackupStore(folder, device.id ?? device.kind);
      const results = await store.verifyAll();
      if (f.json)
        println(
          ctx.stdout,
          JSON.stringify(
            results.map((r) => ({ file: r.entry.file, ok: r.ok, problem: r.problem })),
            null,
            2,
          ),
        );
      else
        for (const r of results)
          println(
            ctx.stdout,
            `${r.ok ? 'ok  ' : 'BAD '} ${r.entry.file}${r.problem ? `  (${r.problem})` : ''}`,
          );
      const bad = results.filter((r) => !r.ok).length;
      if (!f.json)
        println(ctx.stdout, `${results.length - bad} of ${results.length} videos verified in ${store.dir}`);
      if (bad)
        throw new DraftvaultError(
          'E_JOB_INCOMPLETE',
          `${bad} backed-up video${bad > 1 ? 's do' : ' does'} not verify`,
        );
    });
}

function printSummary(
  ctx: CliContext,
  r: Awaited<ReturnType<typeof backupJob>>['report'],
  folder: string,
  runDir: string,
): void {
  println(ctx.stdout);
  println(ctx.stdout, `${'draft'.padEnd(14)} ${'status'.padEnd(14)} file / reason`);
  for (const d of r.drafts)
    println(ctx.stdout, `${d.marker.padEnd(14)} ${d.status.padEnd(14)} ${d.file ?? d.reason ?? ''}`);
  println(ctx.stdout);
  println(ctx.stdout, `found ${r.found}, backed up ${r.backedUp}, failed ${r.failed}, skipped ${r.skipped}`);
  println(ctx.stdout, `backups: ${folder}`);
  println(ctx.stdout, `log: ${join(runDir, 'run.jsonl')}`);
}
