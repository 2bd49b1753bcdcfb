/**
 * Run a small flow, written inline, on a simulated phone through the real Appium server and
 * WebdriverIO: the step tests use it to check what each step kind does to the phone.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SimCapsInput, type SimProfileId, simProfileInfo } from 'draftvault-sim-driver/api';
import type { Session } from '../../src/appium/session.js';
import { deviceFacts } from '../../src/drivers/facts.js';
import { loadProject } from '../../src/flows/project.js';
import { flowFiles, folderArtifacts } from '../../src/jobs/sinks.js';
import { MemoryReporter } from '../../src/runner/events.js';
import { type RunResult, runFlow } from '../../src/runner/run.js';
import { ROOT } from './proc.js';
import type { useSimServer } from './sim.js';

const PKG = 'com.zhiliaoapp.musically';
const SELECTORS = join(ROOT, 'flows', 'tiktok', 'selectors.yaml');
const FLOWS = join(ROOT, 'flows', 'tiktok');

/** What a run left behind. */
export interface FlowRun {
  result: RunResult;
  reporter: MemoryReporter;
  session: Session;
  /** The flow's own folder (pushFile reads here). */
  dir: string;
  /** The run folder (pullFile and screenshots land here). */
  runDir: string;
}

/**
 * Run `steps` (YAML list items, indented by two spaces) as a flow on phone `device`. `${flows}` in
 * them is the shipped flows folder. An existing session can be reused to continue on its screen.
 */
export async function runSteps(
  sim: ReturnType<typeof useSimServer>,
  device: string,
  steps: string,
  o: {
    caps?: Partial<SimCapsInput>;
    session?: Session;
    files?: Record<string, string | Buffer>;
    /** Name the shipped screens file (for checkScreen). */
    screens?: boolean;
    /** Another selector file instead of the shipped one (e.g. a naive one). */
    selectors?: string;
    /** The app's package (trill is `com.ss.android.ugc.trill`). */
    appId?: string;
  } = {},
): Promise<FlowRun> {
  const session = o.session ?? (await sim.open(device, { simReset: true, simDrafts: 3, ...o.caps }));
  await session.updateSettings({ waitForIdleTimeout: 100 });
  const dir = mkdtempSync(join(tmpdir(), 'dv-steps-'));
  const runDir = mkdtempSync(join(tmpdir(), 'dv-steps-run-'));
  for (const [name, bytes] of Object.entries(o.files ?? {})) writeFileSync(join(dir, name), bytes);
  const file = join(dir, 'flow.yaml');
  writeFileSync(
    file,
    `name: steps\nselectors: [${o.selectors ?? SELECTORS}]\n${o.screens ? `screens: ${join(FLOWS, 'screens.yaml')}\n` : ''}steps:\n${steps.replaceAll('${flows}', FLOWS)}\n`,
  );
  const reporter = new MemoryReporter();
  const facts = await deviceFacts(session, { kind: 'sim', id: device, platform: 'android' }, o.appId ?? PKG);
  // The app version, as the jobs read it with `dumpsys package` (version overrides key on it).
  const caps = session.capabilities as Record<string, unknown>;
  const profile = caps.simProfile ?? caps['appium:simProfile'];
  facts.appVersion ??=
    typeof profile === 'string' ? simProfileInfo(profile as SimProfileId).versionName : undefined;
  const result = await runFlow({
    session,
    project: loadProject(file),
    facts,
    appId: o.appId ?? PKG,
    reporter,
    files: flowFiles({ readRoot: dir, writeRoot: runDir }),
    artifacts: folderArtifacts(runDir),
    signal: new AbortController().signal,
    pollMs: 50,
  });
  return { result, reporter, session, dir, runDir };
}
