/**
 * `draftvault check-ui`: walk the screens of the backup and restore flows on a phone, posting,
 * deleting and saving nothing (flows/tiktok/check-ui.yaml), checking on each screen the
 * selectors the flows need there. Meant for after a TikTok update, before the nightly backup.
 */
import { join } from 'node:path';
import { loadProject } from '../flows/project.js';
import { runFlow } from '../runner/run.js';
import type { ScreenCheckResult } from '../steps/types.js';
import { inJobSession, type JobOptions } from './job-session.js';
import { checkCapabilities } from './prepare.js';
import { flowFiles, folderArtifacts } from './sinks.js';

/** What `check-ui` needs. */
export interface CheckUiOptions extends JobOptions {
  flowsDir: string;
}

/** The walk's outcome: each screen checked, and whether the walk itself got through. */
export interface CheckUiReport {
  screens: { screen: string; result: ScreenCheckResult }[];
  /** Why the walk stopped early (a screen it could not reach), if it did. */
  walkError?: { code: string; message: string; hint?: string };
  ok: boolean;
  runDir: string;
}

/** Run the walk. */
export async function checkUiJob(o: CheckUiOptions): Promise<CheckUiReport> {
  const file = join(o.flowsDir, 'check-ui.yaml');
  const project = loadProject(file, {
    maxBytes: o.config.limits.yamlFileBytes,
    deviceRoots: o.config.deviceRoots,
  });
  const capabilities = await checkCapabilities(o.device, o.capabilities);
  const screens: CheckUiReport['screens'] = [];
  const { value, runDir } = await inJobSession(
    { ...o, capabilities },
    'check-ui',
    ({ d, runDir, reporter }) =>
      runFlow({
        session: d.session,
        project,
        facts: d.facts,
        appId: d.appId,
        reporter: {
          emit(e) {
            if (e.type === 'screenChecked') screens.push({ screen: e.screen, result: e.result });
            reporter.emit(e);
          },
        },
        files: flowFiles({ readRoot: o.flowsDir, writeRoot: runDir }),
        artifacts: folderArtifacts(runDir),
        signal: o.signal,
        env: o.env,
        appiumLogTail: d.appiumLogTail,
        deviceRoots: o.config.deviceRoots,
      }),
  );
  const walkError = value.error && {
    code: value.error.code,
    message: value.error.message,
    hint: value.error.hint,
  };
  return { screens, walkError, ok: !walkError && screens.every((s) => s.result.ok), runDir };
}
