/**
 * What every job shares once its checks have passed: a run folder, its reporter, one device
 * session with the config's device folders, and the flow kit for that session.
 */
import type { AppiumLease } from '../appium/endpoint.js';
import type { Config } from '../config/config.js';
import type { DeviceRef } from '../drivers/types.js';
import { newRunDir } from '../paths.js';
import { type DeviceSession, withDeviceSession } from './device-session.js';
import type { JobReporter } from './events.js';
import { FlowKit, type JobFlows } from './flow-kit.js';

/** The options every job takes. */
export interface JobOptions {
  device: DeviceRef;
  appiumUrl?: string;
  /** Extra capabilities (checked by the job before anything starts). */
  capabilities: Record<string, unknown>;
  /** draftvault's data folder (run folders go there). */
  home: string;
  config: Config;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  /** Where the run's events go, given its folder. */
  reporter: (runDir: string) => JobReporter;
  /** An Appium server shared with other jobs (a fleet backup); default: this job's own. */
  lease?: AppiumLease;
}

/** A job's run: its folder and reporter, then its session. */
export interface JobRun {
  runDir: string;
  reporter: JobReporter;
}

/** What a job's body gets on the device. */
export interface JobSession extends JobRun {
  d: DeviceSession;
  /** The flow kit for these flows on this session. */
  kit(flows: JobFlows): FlowKit;
}

/**
 * Make the run folder (`label`), let `start` prepare with it, then run `body` on a device session
 * that is always released.
 */
export async function inJobSession<T, S = void>(
  o: JobOptions,
  label: string,
  body: (s: JobSession, started: S) => Promise<T>,
  start?: (run: JobRun) => S,
): Promise<{ value: T; runDir: string }> {
  o.signal.throwIfAborted();
  const runDir = newRunDir(label, o.home);
  const reporter = o.reporter(runDir);
  const started = start?.({ runDir, reporter }) as S;
  const roots = o.config.deviceRoots;
  const value = await withDeviceSession(
    {
      device: o.device,
      appiumUrl: o.appiumUrl,
      runDir,
      signal: o.signal,
      capabilities: o.capabilities,
      deviceRoots: roots,
      lease: o.lease,
    },
    (d) =>
      body(
        {
          d,
          runDir,
          reporter,
          kit: (flows) =>
            new FlowKit(flows, d, { reporter, runDir, signal: o.signal, env: o.env, deviceRoots: roots }),
        },
        started,
      ),
  );
  return { value, runDir };
}
