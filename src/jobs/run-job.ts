/**
 * `run`: one flow on one device. The flow, its parameters and the capabilities are checked before
 * anything starts; the flow reads files only inside its own folder and writes into the run folder.
 */
import { dirname, resolve } from 'node:path';
import { bindParams } from '../flows/params.js';
import { loadProject, type Project } from '../flows/project.js';
import { type RunResult, runFlow } from '../runner/run.js';
import { inJobSession, type JobOptions } from './job-session.js';
import { checkCapabilities } from './prepare.js';
import { flowFiles, folderArtifacts } from './sinks.js';

/** What `run` needs. */
export interface RunJobOptions extends JobOptions {
  file: string;
  /** `name=value` pairs from the command line. */
  params: string[];
}

/** Run one flow; the result says whether it passed. */
export async function runJob(
  o: RunJobOptions,
): Promise<{ result: RunResult; project: Project; runDir: string }> {
  const project = loadProject(o.file, {
    maxBytes: o.config.limits.yamlFileBytes,
    deviceRoots: o.config.deviceRoots,
  });
  const params = bindParams(project.entry, o.params);
  const capabilities = await checkCapabilities(o.device, o.capabilities);
  const { value, runDir } = await inJobSession({ ...o, capabilities }, 'run', ({ d, runDir, reporter }) =>
    runFlow({
      session: d.session,
      project,
      facts: d.facts,
      appId: d.appId,
      params,
      reporter,
      files: flowFiles({ readRoot: dirname(resolve(o.file)), writeRoot: runDir }),
      artifacts: folderArtifacts(runDir),
      signal: o.signal,
      env: o.env,
      appiumLogTail: d.appiumLogTail,
      deviceRoots: o.config.deviceRoots,
    }),
  );
  return { result: value, project, runDir };
}
