/**
 * `draftvault backup --device a --device b` and `--all-devices`: which phones (the devices file's
 * names, or the `--device` grammar), then the fleet job with a combined progress display (a bar
 * per device) and one summary table, or one JSON object with every device's result.
 */
import { join } from 'node:path';
import { MultiBar } from 'cli-progress';
import { parseAppiumUrl } from '../../appium/endpoint.js';
import { type FleetDevice, loadFleet, resolveDevice } from '../../config/devices.js';
import { DraftvaultError } from '../../errors.js';
import type { BackupJobOptions } from '../../jobs/backup-job.js';
import { type FleetOutcome, fleetBackup, fleetCapabilities } from '../../jobs/fleet.js';
import { fanOut } from '../../runner/events.js';
import { type CliContext, println } from '../context.js';
import { backupProgress } from '../reporters/backup-progress.js';
import { jsonlReporter } from '../reporters/jsonl.js';

/** The phones a backup names: `--all-devices` (the devices file), else each `--device` (default sim). */
export function backupTargets(
  ctx: CliContext,
  f: { device: string[]; allDevices?: boolean },
): { devices: FleetDevice[]; fleet: boolean } {
  const { file, devices } = loadFleet(ctx.env, ctx.cwd);
  if (f.allDevices) {
    if (f.device.length)
      throw new DraftvaultError('E_USAGE', '--all-devices and --device cannot be combined', {
        hint: 'name the phones with --device (repeated), or back up every phone of the devices file',
      });
    if (!devices.length)
      throw new DraftvaultError('E_USAGE', `--all-devices: ${file ?? 'no devices file'} lists no device`, {
        hint: 'list the phones in config/devices.yaml (or the file DRAFTVAULT_DEVICES names); see docs/fleet.md',
      });
    return { devices, fleet: true };
  }
  const names = f.device.length ? f.device : ['sim'];
  return { devices: names.map((n) => resolveDevice(n, devices)), fleet: names.length > 1 };
}

/** A device's own server and capabilities: `--appium-url` and `--caps` win over the devices file. */
export function targetOptions(
  d: FleetDevice,
  slot: number | undefined,
  f: { appiumUrl?: string },
  caps: Record<string, unknown>,
): Pick<BackupJobOptions, 'device' | 'appiumUrl' | 'capabilities'> {
  const appiumUrl = f.appiumUrl ?? d.appiumUrl;
  if (appiumUrl) parseAppiumUrl(appiumUrl);
  const capabilities = fleetCapabilities(d.ref, slot, d.app, { ...d.capabilities, ...caps });
  return { device: d.ref, appiumUrl, capabilities };
}

/** Run the fleet backup with its display; throws the combined error when a device did not complete. */
export async function runFleet(
  ctx: CliContext,
  devices: readonly FleetDevice[],
  base: Omit<BackupJobOptions, 'device' | 'appiumUrl' | 'capabilities' | 'reporter'>,
  f: { appiumUrl?: string; json?: boolean },
  caps: Record<string, unknown>,
): Promise<void> {
  const out = ctx.stdout as NodeJS.WriteStream;
  const multi =
    !f.json && out.isTTY
      ? new MultiBar({
          format: '{device} drafts {value}/{total} |{bar}| {step} | {duration_formatted}',
          stream: out,
          hideCursor: true,
          clearOnComplete: false,
        })
      : undefined;
  const sink = f.json ? ({ write: () => true } as never) : out;
  const members = devices.map((d, slot) => {
    const progress = backupProgress(sink, { label: d.name, multi });
    return {
      name: d.name,
      options: {
        ...base,
        ...targetOptions(d, slot, f, caps),
        reporter: (runDir: string) => fanOut(jsonlReporter(join(runDir, 'run.jsonl')), progress),
        notice: (m: string) => println(ctx.stderr, `draftvault: [${d.name}] ${m}`),
        onReport: (html: string, failed: boolean) => {
          if (!f.json || failed) println(ctx.stderr, `draftvault: [${d.name}] report: ${html}`);
        },
      },
    };
  });
  const r = await fleetBackup(members, { home: base.home, signal: ctx.signal }).finally(() => multi?.stop());
  if (f.json) {
    const list = r.outcomes.map((o, i) => ({
      ...jsonOf(o),
      ports: portsOf(members[i]!.options.capabilities),
    }));
    println(ctx.stdout, JSON.stringify({ exitCode: r.exitCode, runDir: r.runDir, devices: list }, null, 2));
  } else printFleetSummary(ctx, r.outcomes);
  if (r.code) {
    const bad = r.outcomes.filter((o) => o.error);
    throw new DraftvaultError(
      r.code,
      `${bad.length} of ${r.outcomes.length} devices did not complete: ${bad.map((o) => `${o.name} (${o.error!.message})`).join('; ')}`,
      {
        hint: 'each device has its own report and journal; run backup again: finished drafts are not redone',
      },
    );
  }
}

/** The session's own ports, as sent (`appium:systemPort`...). */
function portsOf(caps: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(caps).filter(([k]) => /Port$/.test(k)));
}

function jsonOf(o: FleetOutcome): Record<string, unknown> {
  const r = o.result;
  return {
    name: o.name,
    exitCode: o.exitCode,
    ...(o.error ? { error: { code: o.error.code, message: o.error.message } } : {}),
    ...(r
      ? { ...r.report, folder: r.folder, runDir: r.runDir, reportDir: r.reportDir, preflight: r.preflight }
      : {}),
  };
}

function printFleetSummary(ctx: CliContext, outcomes: readonly FleetOutcome[]): void {
  const w = Math.max(6, ...outcomes.map((o) => o.name.length));
  println(ctx.stdout);
  println(ctx.stdout, `${'device'.padEnd(w)} found  backed up  failed  skipped  exit  folder / why`);
  for (const o of outcomes) {
    const r = o.result?.report;
    const n = (v: number | undefined, width: number) => String(v ?? '-').padStart(width);
    println(
      ctx.stdout,
      `${o.name.padEnd(w)} ${n(r?.found, 5)}  ${n(r?.backedUp, 9)}  ${n(r?.failed, 6)}  ${n(r?.skipped, 7)}  ${n(o.exitCode, 4)}  ${o.result?.folder ?? o.error?.message ?? ''}`,
    );
  }
  const sum = (k: 'found' | 'backedUp' | 'failed' | 'skipped') =>
    outcomes.reduce((a, o) => a + (o.result?.report[k] ?? 0), 0);
  println(ctx.stdout);
  println(
    ctx.stdout,
    `${outcomes.length} devices: found ${sum('found')}, backed up ${sum('backedUp')}, failed ${sum('failed')}, skipped ${sum('skipped')}; ${outcomes.filter((o) => !o.exitCode).length} complete`,
  );
}
