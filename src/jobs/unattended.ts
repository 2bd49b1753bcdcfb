/**
 * What makes a backup fit to run unattended, around the job's own steps: the device is reached
 * and locked for this run (one run per device, whatever the backup folder), preflight stops it
 * before any TikTok step when the phone or the computer is not ready, and whatever happens a
 * report folder is written, old ones pruned and the configured notifications sent.
 */
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import type { DeviceRef } from '../drivers/types.js';
import { fanOut } from '../runner/events.js';
import type { BackupReport } from './backup.js';
import { deviceKey, deviceName, lockDevice } from './device-lock.js';
import type { DeviceSession } from './device-session.js';
import type { JobEvent, JobReporter } from './events.js';
import type { JobFlows } from './flow-kit.js';
import { notify } from './notify.js';
import {
  hostChecks,
  type PreflightCheck,
  type PreflightContext,
  reachDevice,
  type SpaceNeeds,
  stopOnFailures,
} from './preflight.js';
import { deviceChecks } from './preflight-device.js';
import { RunRecorder } from './reports/record.js';
import { newReportDir, pruneReports, rewriteReportJson, writeReport } from './reports/write.js';

/** What the wrapper needs from the job. */
export interface UnattendedOptions {
  job: string;
  device: DeviceRef;
  appiumUrl?: string;
  home: string;
  config: Config;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  /** The device's backup folder. */
  folder: string;
  needs: SpaceNeeds;
  notice?: (message: string) => void;
  onReport?: (htmlPath: string, failed: boolean) => void;
}

/** The hooks the job calls at its stages. */
export interface Unattended {
  /** The job's reporter factory, heard by the report too (and given the checks made before it). */
  reporter(make: (runDir: string) => JobReporter): (runDir: string) => JobReporter;
  /** Before the session: the device reached, the backup disk, an external Appium. Throws when not ready. */
  beforeSession(): Promise<void>;
  /** Right after the session opens, before any flow: screen, battery, phone storage, TikTok. */
  onSession(d: DeviceSession, flows: JobFlows): Promise<void>;
}

/** Run `body` unattended-ready; the result gains its report folder and preflight checks. */
export async function unattended<T extends { report: BackupReport; runDir: string }>(
  o: UnattendedOptions,
  body: (u: Unattended) => Promise<T>,
): Promise<T & { reportDir: string; preflight: PreflightCheck[] }> {
  const pre: PreflightContext = {
    device: o.device,
    appiumUrl: o.appiumUrl,
    env: o.env,
    signal: o.signal,
    config: o.config,
    needs: o.needs,
    configName: o.config.file ?? 'config/draftvault.yaml',
  };
  const reached = await reachDevice(pre);
  const key = deviceKey(o.device, reached.reach.id);
  const name = deviceName(o.device);
  const release = await lockDevice(o.home, key, name, `backup of ${name}`);
  const rec = new RunRecorder({ job: o.job, device: name, deviceKey: key, folder: o.folder });
  const reportDir = newReportDir(o.home, key);
  const early: JobEvent[] = [];
  let live: JobReporter | undefined;
  const checked = (checks: PreflightCheck[]) => {
    for (const check of checks) {
      const e: JobEvent = { type: 'preflight', check };
      rec.emit(e);
      if (live) live.emit(e);
      else early.push(e);
    }
    stopOnFailures(checks);
  };
  const hooks: Unattended = {
    reporter: (make) => (runDir) => {
      rec.runDir = runDir;
      live = make(runDir);
      for (const e of early.splice(0)) live.emit(e);
      return fanOut(live, rec);
    },
    beforeSession: async () => checked([reached.check, ...(await hostChecks(pre, o.folder))]),
    onSession: async (d, flows) => {
      rec.appVersion = d.facts.appVersion;
      checked(await deviceChecks(d, pre, flows));
    },
  };
  let result: T | undefined;
  let error: unknown;
  try {
    result = await body(hooks);
    return { ...result, reportDir, preflight: rec.preflight };
  } catch (err) {
    error = err;
    throw err;
  } finally {
    try {
      await finish(o, rec, { result, error, reportDir, key });
    } catch (err) {
      // The backup's outcome stands; only its report is missing.
      o.notice?.(`could not write the report in ${reportDir}: ${(err as Error).message}`);
    }
    await release();
  }
}

async function finish(
  o: UnattendedOptions,
  rec: RunRecorder,
  r: { result?: { report: BackupReport; runDir: string }; error: unknown; reportDir: string; key: string },
): Promise<void> {
  const interrupted = o.signal.aborted;
  const report = rec.finish({
    result: r.result?.report,
    error: r.error,
    interrupted,
    reportDir: r.reportDir,
  });
  report.runDir = r.result?.runDir ?? rec.runDir;
  // Interrupted: the process has a moment left, not the seconds thumbnails or a webhook may take.
  await writeReport(report, { pictures: !interrupted });
  o.onReport?.(join(r.reportDir, 'report.html'), report.exitCode !== 0);
  if (!interrupted) {
    report.notifications = await notify(report, o.config.notify);
    for (const n of report.notifications.filter((x) => !x.ok))
      o.notice?.(`notification failed (${n.target}): ${n.detail}; the backup's result is unchanged`);
    if (report.notifications.length) await rewriteReportJson(report);
  }
  pruneReports(o.home, r.key, o.config.reports.keep);
}
