/**
 * The check-ui walk on a session someone else opened: the WebdriverIO testrunner's `browser`
 * (wdio.conf.ts, `npm run test:device`), where the runner and its Appium service own the session
 * and draftvault only walks the screens. Reads only: the same flow as `draftvault check-ui`.
 */
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import { deviceFacts } from '../drivers/facts.js';
import { adapterFor } from '../drivers/index.js';
import type { DeviceRef } from '../drivers/types.js';
import { loadProject } from '../flows/project.js';
import { runFlow } from '../runner/run.js';
import { type CheckUiReport, stoppedSection, uncheckedScreens } from './check-ui.js';
import { flowFiles, folderArtifacts } from './sinks.js';

/** What the walk needs besides the session. */
export interface CheckUiSessionOptions {
  device: DeviceRef;
  flowsDir: string;
  config: Config;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  /** Where a failure's screenshot and page source go. */
  runDir: string;
}

/** Walk check-ui.yaml on `session`; every screen checked is in the report, in walk order. */
export async function checkUiOnSession(
  session: WebdriverIO.Browser,
  o: CheckUiSessionOptions,
): Promise<CheckUiReport> {
  const project = loadProject(join(o.flowsDir, 'check-ui.yaml'), {
    maxBytes: o.config.limits.yamlFileBytes,
    deviceRoots: o.config.deviceRoots,
  });
  const adapter = adapterFor(o.device.kind);
  const { appId } = await adapter.prepare(session, o.device);
  const io = adapter.io({ session, device: o.device, local: false, signal: o.signal });
  const facts = await deviceFacts(session, o.device, appId, io);
  const screens: CheckUiReport['screens'] = [];
  const value = await runFlow({
    session,
    project,
    facts,
    appId,
    reporter: {
      emit(e) {
        if (e.type === 'screenChecked') screens.push({ screen: e.screen, result: e.result });
      },
    },
    files: flowFiles({ readRoot: o.flowsDir, writeRoot: o.runDir }),
    artifacts: folderArtifacts(o.runDir),
    signal: o.signal,
    env: o.env,
    appiumLogTail: async () => '',
    deviceRoots: o.config.deviceRoots,
  });
  // One flow run for the whole walk: the testrunner reports each screen as its own test.
  const stopped = value.error ? [stoppedSection('check-ui', value, value.error)] : [];
  const ok = !stopped.length && screens.every((s) => s.result.ok);
  return {
    screens,
    stopped,
    outOfRange: [],
    unchecked: uncheckedScreens(project, screens),
    ok,
    runDir: o.runDir,
  };
}
