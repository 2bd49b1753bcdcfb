/**
 * The flows a job uses, loaded and checked before any device session starts, and run one after
 * another on the same session. A failed flow becomes a thrown DraftvaultError.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Value } from '../core/expr.js';
import { DraftvaultError, rethrowInterrupt } from '../errors.js';
import { type LoadOptions, loadProject, type Project } from '../flows/project.js';
import type { GatedDevice } from '../runner/device.js';
import type { Reporter } from '../runner/events.js';
import { gatedDevice, runFlow } from '../runner/run.js';
import type { DeviceSession } from './device-session.js';
import { flowFiles, folderArtifacts } from './sinks.js';

/** Flow names the jobs use (files `<name>.yaml` in the flows folder). */
export const JOB_FLOWS = [
  'launch',
  'open-drafts',
  'prepare-post',
  'open-draft',
  'post',
  'wait-upload',
  'save-video',
  'find-draft',
  'delete-private-post',
  'restore',
  'draft-info',
  'select-drafts',
  'pick-draft',
  'delete-selected',
] as const;
export type JobFlow = (typeof JOB_FLOWS)[number];

/** The job flows of one flows folder. */
export interface JobFlows {
  /** The flows folder: pushFile reads only inside it. */
  dir: string;
  projects: Record<JobFlow, Project>;
}

/** Load every job flow from `dir` (throws the first problem as invalid input). */
export function loadJobFlows(dir: string, opts: LoadOptions = {}): JobFlows {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DraftvaultError(
      'E_FLOW_NOT_FOUND',
      `flows folder ${dir} ${existsSync(dir) ? 'is not a folder' : 'does not exist'}`,
      {
        hint: `--flows takes a folder holding ${JOB_FLOWS.map((f) => `${f}.yaml`).join(', ')}`,
      },
    );
  }
  const projects = Object.fromEntries(JOB_FLOWS.map((f) => [f, loadProject(join(dir, `${f}.yaml`), opts)]));
  return { dir, projects: projects as Record<JobFlow, Project> };
}

/** Runs job flows on one device. */
export class FlowKit {
  /** One gated device for every flow of the session (the gate, the window size, what was found). */
  private readonly device: GatedDevice;

  constructor(
    private readonly flows: JobFlows,
    private readonly d: DeviceSession,
    private readonly o: {
      reporter: Reporter;
      runDir: string;
      signal: AbortSignal;
      env: NodeJS.ProcessEnv;
      deviceRoots?: readonly string[];
    },
  ) {
    this.device = gatedDevice({ session: d.session, facts: d.facts, deviceRoots: o.deviceRoots });
  }

  /** Run a flow; returns its variables; throws its error (artifacts are in `artifactsDir`). */
  async run(
    flow: JobFlow,
    params: Record<string, Value> = {},
    artifactsDir = this.o.runDir,
  ): Promise<Record<string, Value>> {
    const r = await runFlow({
      session: this.d.session,
      project: this.flows.projects[flow],
      facts: this.d.facts,
      appId: this.d.appId,
      params,
      reporter: this.o.reporter,
      files: flowFiles({ readRoot: this.flows.dir, writeRoot: this.o.runDir }),
      artifacts: folderArtifacts(artifactsDir),
      signal: this.o.signal,
      env: this.o.env,
      appiumLogTail: this.d.appiumLogTail,
      deviceRoots: this.o.deviceRoots,
      device: this.device,
    });
    if (r.error) throw r.error;
    return r.vars;
  }

  /** Open the drafts grid and read "Drafts: N" (the flow says 0 when there is no banner). */
  async countDrafts(): Promise<number> {
    return Number((await this.run('open-drafts')).draftCount ?? 0);
  }

  /**
   * Back to a known state: restart the app (after a failure, the screen is anyone's guess). A
   * failure to recover is left to the next flow to report; an interrupt is never swallowed.
   */
  async recover(): Promise<void> {
    this.o.signal.throwIfAborted();
    await this.d.session.terminateApp(this.d.appId).catch((e) => rethrowInterrupt(e, this.o.signal));
    await this.run('launch').catch((e) => rethrowInterrupt(e, this.o.signal));
  }
}
