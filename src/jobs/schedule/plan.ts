/**
 * What a schedule runs: for each device, draftvault's own `backup` with absolute paths (this
 * Node, this bin/draftvault.js), the working directory and the environment it was installed
 * from (the data home, the config file, PATH for adb), at a time of day. The same plan feeds
 * the systemd units, the crontab line and the in-process daemon.
 */
import { join } from 'node:path';
import type { Config } from '../../config/config.js';
import { parseDeviceRef } from '../../drivers/device-ref.js';
import { DraftvaultError } from '../../errors.js';
import { packageRoot } from '../../paths.js';
import { deviceKey, deviceName } from '../device-lock.js';

/** One scheduled backup. */
export interface ScheduledRun {
  /** As the user writes it: `sim:demo`. */
  device: string;
  /** Its key in unit names, locks and reports: `sim-demo`. */
  key: string;
  /** Local time of day, `HH:MM` or `HH:MM:SS`. */
  at: string;
  node: string;
  bin: string;
  cwd: string;
  /** The environment the run needs (DRAFTVAULT_HOME and what it was installed with). */
  env: Record<string, string>;
  /** draftvault's data home (reports, logs). */
  home: string;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** Parse `--at`: `HH:MM` (24 h), or `HH:MM:SS` where seconds are allowed. */
export function parseClock(raw: string, seconds: boolean): { h: number; m: number; s: number } {
  const m = CLOCK.exec(raw.trim());
  if (!m || (m[3] !== undefined && !seconds))
    throw new DraftvaultError('E_USAGE', `--at "${raw}" is not a time of day`, {
      hint: seconds
        ? 'write HH:MM or HH:MM:SS, 24 h, local time: e.g. --at 03:00 or --at 23:59:30'
        : 'write HH:MM, 24 h, local time: e.g. --at 03:00 (cron runs on whole minutes)',
    });
  return { h: Number(m[1]), m: Number(m[2]), s: Number(m[3] ?? 0) };
}

/** A six-field cron pattern (seconds first) for croner, or five fields for crontab. */
export function cronPattern(at: string, withSeconds: boolean): string {
  const { h, m, s } = parseClock(at, true);
  return withSeconds ? `${s} ${m} ${h} * * *` : `${m} ${h} * * *`;
}

/** Variables a nightly run takes from the environment it was installed from. */
const PASSED_ON = ['PATH', 'ANDROID_HOME', 'ANDROID_SDK_ROOT', 'TZ', 'LANG'] as const;

/**
 * The runs for `devices` (default: the config's `devices`) at `at` (default: `schedule.at`),
 * checked like any command line (E_USAGE before anything is written).
 */
export function planRuns(o: {
  devices: readonly string[];
  at?: string;
  seconds: boolean;
  config: Config;
  env: NodeJS.ProcessEnv;
  cwd: string;
  home: string;
}): ScheduledRun[] {
  const at = o.at ?? o.config.schedule.at;
  parseClock(at, o.seconds);
  const env: Record<string, string> = { DRAFTVAULT_HOME: o.home };
  if (o.config.file) env.DRAFTVAULT_CONFIG = o.config.file;
  for (const k of PASSED_ON) if (o.env[k]) env[k] = o.env[k]!;
  const seen = new Set<string>();
  const runs: ScheduledRun[] = [];
  for (const raw of o.devices.length ? o.devices : o.config.devices) {
    const ref = parseDeviceRef(raw);
    const key = deviceKey(ref);
    if (seen.has(key)) continue;
    seen.add(key);
    runs.push({
      device: deviceName(ref),
      key,
      at,
      node: process.execPath,
      bin: join(packageRoot(), 'bin', 'draftvault.js'),
      cwd: o.cwd,
      env,
      home: o.home,
    });
  }
  for (const v of [o.cwd, o.home, ...Object.values(env)])
    if (/[\n\r\0]/.test(v))
      throw new DraftvaultError('E_USAGE', 'a path or variable of this run has a line break in it', {
        hint: 'a unit file or crontab line cannot hold it: run from a folder whose path has none',
      });
  return runs;
}

/** The command a run executes (argv). */
export function runArgv(r: ScheduledRun): string[] {
  return [r.node, r.bin, 'backup', '--device', r.device];
}
