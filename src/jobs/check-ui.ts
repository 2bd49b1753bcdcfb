/**
 * `draftvault check-ui`: walk the screens of the backup and restore flows on a phone, posting,
 * deleting and saving nothing (flows/tiktok/check-ui.yaml), checking on each screen the
 * selectors the flows need there. Meant for after a TikTok update, before the nightly backup.
 *
 * Each top-level step of check-ui.yaml is a section run on its own: one that stops (a screen it
 * cannot reach) is reported with its diagnosis and artifacts, and the walk goes on with the next,
 * so one run names everything an update broke. Flows whose `appVersion:` range leaves out the
 * phone's version still run (the walk only reads) and are reported: that range is one more edit.
 */
import { join } from 'node:path';
import { versionMatches } from '../core/fields.js';
import { DraftvaultError } from '../errors.js';
import { type LoadOptions, loadProject, type Project } from '../flows/project.js';
import type { RunEvent } from '../runner/events.js';
import { describeStep, type RunResult, runFlow } from '../runner/run.js';
import { stepKind } from '../steps/index.js';
import type { ScreenCheckResult, Step } from '../steps/types.js';
import { type JobFlows, loadJobFlows } from './flow-kit.js';
import { inJobSession, type JobOptions } from './job-session.js';
import { testedRanges } from './preflight-device.js';
import { checkCapabilities } from './prepare.js';
import { flowFiles, folderArtifacts } from './sinks.js';

/** What `check-ui` needs. */
export interface CheckUiOptions extends JobOptions {
  flowsDir: string;
}

/** A section of the walk that stopped before its end. */
export interface StoppedSection {
  /** The section (its label, or its step). */
  section: string;
  /** The step that failed and its YAML place. */
  step?: string;
  at?: string;
  code: string;
  message: string;
  /** What to edit: the selector's place, the alternatives tried, the nearest nodes on screen. */
  hint?: string;
  /** The failure screenshot and page source. */
  artifactsDir?: string;
}

/** A flow (of the walk, the backup or the restore) whose `appVersion:` range leaves out the phone's version. */
export interface OutOfRange {
  range: string;
  appVersion: string;
  /** `flows/tiktok/launch.yaml:7:13`: the range to widen. */
  where: string;
}

/** The walk's outcome. */
export interface CheckUiReport {
  screens: { screen: string; result: ScreenCheckResult }[];
  stopped: StoppedSection[];
  outOfRange: OutOfRange[];
  /** Screens the walk checks that it did not reach this time (no draft on the phone...). */
  unchecked: string[];
  ok: boolean;
  runDir: string;
}

/** The ranges of the walk's flows and of the job flows beside it that leave out `version`. */
function rangesLeavingOut(dir: string, walk: Project, opts: LoadOptions, version?: string): OutOfRange[] {
  if (!version) return [];
  let jobs: Partial<JobFlows['projects']> = {};
  try {
    jobs = loadJobFlows(dir, opts).projects;
  } catch {
    // A --flows folder holding only a walk: its own flows are still checked.
  }
  const projects = { ...jobs, 'check-ui': walk } as unknown as JobFlows['projects'];
  return testedRanges({ dir, projects })
    .filter((r) => !versionMatches(version, r.range))
    .map((r) => ({ ...r, appVersion: version }));
}

/** The screens the walk's checkScreen steps name, in walk order. */
function walkScreens(steps: readonly Step[], out: string[] = []): string[] {
  for (const s of steps) {
    if (s.kind === 'checkScreen') out.push((s.args as { screen: string }).screen);
    for (const key of stepKind(s.kind)?.nested ?? [])
      walkScreens(((s.args as Record<string, unknown>)[key] as Step[] | undefined) ?? [], out);
  }
  return out;
}

/** Run the walk. */
export async function checkUiJob(o: CheckUiOptions): Promise<CheckUiReport> {
  const file = join(o.flowsDir, 'check-ui.yaml');
  const opts = { maxBytes: o.config.limits.yamlFileBytes, deviceRoots: o.config.deviceRoots };
  const project = loadProject(file, opts);
  const capabilities = await checkCapabilities(o.device, o.capabilities);
  const screens: CheckUiReport['screens'] = [];
  const stopped: StoppedSection[] = [];
  let outOfRange: OutOfRange[] = [];
  const { runDir } = await inJobSession(
    { ...o, capabilities },
    'check-ui',
    async ({ d, runDir, reporter }) => {
      const emit = (e: RunEvent) => {
        if (e.type === 'screenChecked') screens.push({ screen: e.screen, result: e.result });
        reporter.emit(e);
      };
      outOfRange = rangesLeavingOut(o.flowsDir, project, opts, d.facts.appVersion);
      for (const [i, step] of project.entry.steps.entries()) {
        const r = await runFlow({
          session: d.session,
          project: { ...project, entry: { ...project.entry, steps: [step] } },
          facts: d.facts,
          appId: d.appId,
          reporter: { emit },
          files: flowFiles({ readRoot: o.flowsDir, writeRoot: runDir }),
          artifacts: folderArtifacts(join(runDir, `section-${i + 1}`)),
          signal: o.signal,
          env: o.env,
          appiumLogTail: d.appiumLogTail,
          deviceRoots: o.config.deviceRoots,
          versionRanges: 'report',
        });
        if (r.ok || !r.error) continue;
        if (r.error.code === 'E_INTERRUPTED') throw r.error;
        stopped.push(stoppedSection(describeStep(step), r, r.error));
      }
    },
  );
  const unchecked = uncheckedScreens(project, screens);
  const ok = !stopped.length && !outOfRange.length && screens.every((s) => s.result.ok);
  return { screens, stopped, outOfRange, unchecked, ok, runDir };
}

/** A walk section that stopped, with where and why (what to edit). */
export function stoppedSection(section: string, r: RunResult, error: DraftvaultError): StoppedSection {
  const last = r.stack?.at(-1);
  return {
    section,
    step: last?.step,
    at: last?.at,
    code: error.code,
    message: error.message,
    hint: error.hint,
    artifactsDir: r.artifactsDir,
  };
}

/** The screens the walk checks that it did not reach this time. */
export function uncheckedScreens(walk: Project, screens: CheckUiReport['screens']): string[] {
  const checked = new Set(screens.map((s) => s.screen));
  return [...new Set(walkScreens(walk.entry.steps))].filter((s) => !checked.has(s));
}

/** The exit error of a walk that found something to fix. */
export function checkUiFailure(r: CheckUiReport): DraftvaultError {
  const what = [
    r.screens.some((s) => !s.result.ok) && 'some selectors do not find exactly one node',
    r.stopped.length > 0 && 'some screens could not be reached',
    r.outOfRange.length > 0 && 'some flows are not declared for this TikTok version',
  ].filter(Boolean);
  return new DraftvaultError('E_JOB_INCOMPLETE', `check-ui: ${what.join('; ')}`, {
    hint: 'edit what is named above in flows/tiktok/ (docs/ui-changes.md walks through it)',
  });
}
