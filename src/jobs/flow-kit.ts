/**
 * The flows a job uses, loaded and checked before any device session starts, and run one after
 * another on the same session. A failed flow becomes a thrown DraftvaultError.
 */
import { join } from 'node:path';
import type { Value } from '../flows/expr.js';
import { loadProject, type Project } from '../flows/project.js';
import type { Reporter } from '../runner/events.js';
import { runFlow } from '../runner/run.js';
import type { DeviceSession } from './device-session.js';
import { folderArtifacts, folderFiles } from './sinks.js';

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
] as const;
export type JobFlow = (typeof JOB_FLOWS)[number];

/** Load every job flow from `dir` (throws the first problem as invalid input). */
export function loadJobFlows(dir: string): Record<JobFlow, Project> {
  return Object.fromEntries(JOB_FLOWS.map((f) => [f, loadProject(join(dir, `${f}.yaml`))])) as Record<
    JobFlow,
    Project
  >;
}

/** Runs job flows on one device. */
export class FlowKit {
  constructor(
    private readonly flows: Record<JobFlow, Project>,
    private readonly d: DeviceSession,
    private readonly o: { reporter: Reporter; runDir: string; signal: AbortSignal; env: NodeJS.ProcessEnv },
  ) {}

  /** Run a flow; returns its variables; throws its error (artifacts are in `artifactsDir`). */
  async run(
    flow: JobFlow,
    params: Record<string, Value> = {},
    artifactsDir = this.o.runDir,
  ): Promise<Record<string, Value>> {
    const r = await runFlow({
      session: this.d.session,
      project: this.flows[flow],
      facts: this.d.facts,
      appId: this.d.appId,
      params,
      reporter: this.o.reporter,
      files: folderFiles(this.o.runDir),
      artifacts: folderArtifacts(artifactsDir),
      signal: this.o.signal,
      env: this.o.env,
      appiumLogTail: this.d.appiumLogTail,
    });
    if (r.error) throw r.error;
    return r.vars;
  }

  /** Open the drafts grid and read "Drafts: N" (the flow says 0 when there is no banner). */
  async countDrafts(): Promise<number> {
    return Number((await this.run('open-drafts')).draftCount ?? 0);
  }

  /** Back to a known state: restart the app (after a failure, the screen is anyone's guess). */
  async recover(): Promise<void> {
    await this.d.session.terminateApp(this.d.appId).catch(() => false);
    await this.run('launch').catch(() => undefined);
  }
}
