/**
 * Several phones backed up in one run, in parallel: every device's inputs are checked first
 * (one bad device: exit 2, nothing started), then one embedded Appium server serves them all (or
 * each its own external server / Grid hub), one session per device with its own ports, and each
 * device runs the ordinary backup job: its own lock, journal, backup folder and report. A device
 * that fails is recorded and never stops the others.
 */
import type { AppiumLease } from '../appium/endpoint.js';
import { acquireAppium } from '../appium/endpoint.js';
import { adapterFor } from '../drivers/index.js';
import type { DeviceRef, TikTokApp } from '../drivers/types.js';
import { DraftvaultError, type ErrorCode, isInterrupt, toDraftvaultError } from '../errors.js';
import { newRunDir } from '../paths.js';
import {
  type BackupJobOptions,
  type BackupJobResult,
  type CheckedBackup,
  checkBackup,
  runCheckedBackup,
} from './backup-job.js';
import { deviceKey } from './device-lock.js';

/** One device of a fleet run. */
export interface FleetMember {
  /** Its name in the summary and the progress display. */
  name: string;
  /** The device's backup options (its device, server, capabilities, reporter). */
  options: BackupJobOptions;
}

/** What became of one device. */
export interface FleetOutcome {
  name: string;
  /** The device's result, when its job finished (with drafts that failed or not). */
  result?: BackupJobResult;
  /** Why the device's job stopped, or E_JOB_INCOMPLETE when drafts failed or were skipped. */
  error?: DraftvaultError;
  exitCode: number;
}

/** The fleet run. */
export interface FleetResult {
  outcomes: FleetOutcome[];
  /** The run folder of the shared embedded server (its appium.log), when one was started. */
  runDir?: string;
  /** 0 when every device's backup is complete; else the code the failed devices share, or 1. */
  exitCode: number;
  /** The error code behind `exitCode` (undefined when 0). */
  code?: ErrorCode;
}

/**
 * Capabilities of a device: the TikTok build, ports of its own on the server when it is fleet
 * member `slot` (one phone alone needs none), then the device's own capabilities (they win: a
 * user who pins a port keeps it).
 */
export function fleetCapabilities(
  ref: DeviceRef,
  slot: number | undefined,
  app: TikTokApp,
  own: Record<string, unknown>,
): Record<string, unknown> {
  const adapter = adapterFor(ref.kind);
  const ports = slot === undefined ? {} : adapter.sessionPorts(slot);
  return { ...adapter.appCapabilities(app), ...ports, ...own };
}

/** Back up every member in parallel; resolves when all have finished (throws only for bad input). */
export async function fleetBackup(
  members: readonly FleetMember[],
  o: { home: string; signal: AbortSignal },
): Promise<FleetResult> {
  checkDistinct(members);
  // Sequential on purpose: the first bad device is the one reported, the same every time.
  const checked: CheckedBackup[] = [];
  for (const m of members) {
    try {
      checked.push(await checkBackup(m.options));
    } catch (err) {
      if (err instanceof DraftvaultError) err.message = `${m.name}: ${err.message}`;
      throw err;
    }
  }

  const embedded = members.filter((m) => !m.options.appiumUrl);
  let lease: AppiumLease | undefined;
  let runDir: string | undefined;
  if (embedded.length) {
    runDir = newRunDir('fleet', o.home);
    const adapters = embedded.map((m) => adapterFor(m.options.device.kind));
    lease = await acquireAppium({
      runDir,
      allowInsecure: [...new Set(adapters.flatMap((a) => a.insecureFeatures))],
      useDrivers: [...new Set(adapters.map((a) => a.appiumDriver))],
      signal: o.signal,
    });
  }
  try {
    const settled = await Promise.allSettled(
      members.map((m, i) =>
        runCheckedBackup({ ...m.options, lease: m.options.appiumUrl ? undefined : lease }, checked[i]!),
      ),
    );
    const outcomes = settled.map((s, i) => outcomeOf(members[i]!.name, s, o.signal));
    return { outcomes, runDir, ...combined(outcomes, o.signal) };
  } finally {
    await lease?.release();
  }
}

/** The same phone twice would lock against itself: refused before anything starts. */
function checkDistinct(members: readonly FleetMember[]): void {
  const seen = new Map<string, string>();
  for (const m of members) {
    const key = deviceKey(m.options.device);
    const other = seen.get(key);
    if (other !== undefined)
      throw new DraftvaultError('E_USAGE', `"${other}" and "${m.name}" are the same phone (${key})`, {
        hint: 'name each phone once (--device, or the devices file)',
      });
    seen.set(key, m.name);
  }
}

function outcomeOf(
  name: string,
  s: PromiseSettledResult<BackupJobResult>,
  signal: AbortSignal,
): FleetOutcome {
  if (s.status === 'rejected') {
    const error = isInterrupt(s.reason, signal)
      ? toDraftvaultError(signal.reason ?? s.reason)
      : toDraftvaultError(s.reason);
    return { name, error, exitCode: error.exitCode };
  }
  const r = s.value.report;
  if (r.failed === 0 && r.skipped === 0) return { name, result: s.value, exitCode: 0 };
  const error = new DraftvaultError(
    'E_JOB_INCOMPLETE',
    `${r.failed} failed, ${r.skipped} skipped (not posted)`,
    {
      hint: 'run backup again to retry',
    },
  );
  return { name, result: s.value, error, exitCode: error.exitCode };
}

function combined(
  outcomes: readonly FleetOutcome[],
  signal: AbortSignal,
): Pick<FleetResult, 'exitCode' | 'code'> {
  if (signal.aborted) return { exitCode: 130, code: 'E_INTERRUPTED' };
  const failed = outcomes.filter((x) => x.error);
  if (!failed.length) return { exitCode: 0 };
  const codes = new Set(failed.map((x) => x.error!.code));
  const code: ErrorCode = codes.size === 1 ? failed[0]!.error!.code : 'E_JOB_INCOMPLETE';
  return { exitCode: new DraftvaultError(code, '').exitCode, code };
}
