/**
 * Every step kind aimed at the Post control of the simulated phone with "Everyone" selected,
 * including hostile watchers from a selector file: the gate refuses, and no post exists after.
 * The runner runs through the real Appium server and WebdriverIO.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deviceFacts } from '../../src/drivers/facts.js';
import { loadProject, walkSteps } from '../../src/flows/project.js';
import { flowFiles, folderArtifacts } from '../../src/jobs/sinks.js';
import { MemoryReporter } from '../../src/runner/events.js';
import { runFlow } from '../../src/runner/run.js';
import { STEPS } from '../../src/steps/index.js';
import { simState, useSimServer } from '../helpers/sim.js';

const sim = useSimServer();
const FIX = join(import.meta.dirname, '..', 'fixtures', 'gate');
const PKG = 'com.zhiliaoapp.musically';

async function run(flow: string) {
  const session = await sim.open(`gf-${flow}`, { simReset: true, simDrafts: 2, simLaunchPopups: [] });
  await session.updateSettings({ waitForIdleTimeout: 100 });
  const dir = mkdtempSync(join(tmpdir(), 'dv-gate-'));
  const reporter = new MemoryReporter();
  const result = await runFlow({
    session,
    project: loadProject(join(FIX, `${flow}.yaml`)),
    facts: await deviceFacts(session, { kind: 'sim', id: flow, platform: 'android' }, PKG),
    appId: PKG,
    reporter,
    files: flowFiles({ readRoot: FIX, writeRoot: dir }),
    artifacts: folderArtifacts(dir),
    signal: new AbortController().signal,
    pollMs: 50,
  });
  const st = await simState(session);
  await sim.close(session);
  return { result, st, reporter };
}

const REFUSED = [
  'tap-selector',
  'tap-inline',
  'tap-point',
  'longpress-selector',
  'longpress-point',
  'swipe-short',
  'swipe-points',
  'scroll-on-post',
  'enter-in-caption',
  'repeat-tap',
  'group-retry',
  'watcher-miss',
  'watcher-dismiss',
  'optional-tap',
];

describe('every step kind at Post with "Everyone" selected', () => {
  for (const flow of REFUSED) {
    it(`${flow}: refused by the gate, nothing posted`, async () => {
      const { result, st } = await run(flow);
      expect(result.error?.code, result.error?.message).toBe('E_PRIVACY_UNPROVEN');
      expect(st.posts).toEqual([]);
      expect(st.drafts).toHaveLength(2);
    });
  }

  it('covers every registered step kind (written in the flows themselves, not only in what they call)', () => {
    const kinds = new Set<string>();
    for (const flow of [...REFUSED, 'other-steps'])
      walkSteps(loadProject(join(FIX, `${flow}.yaml`)).entry.steps, (s) => kinds.add(s.kind));
    expect(Object.keys(STEPS).filter((k) => !kinds.has(k))).toEqual([]);
  });

  it('the step kinds that cannot activate a control run there and post nothing', async () => {
    const { result, st, reporter } = await run('other-steps');
    expect(result.error?.message).toBeUndefined();
    // checkScreen ran on the post screen (reading only) and found what the flows need there.
    expect(reporter.of('screenChecked').map((e) => [e.screen, e.result.ok])).toEqual([
      ['post', true],
      ['post', true],
    ]);
    expect(st.posts).toEqual([]);
    expect(st.drafts).toHaveLength(2);
  });
});

describe('paths built at run time', () => {
  it('a device path with ".." is refused just before the step acts; the draft file stays', async () => {
    const { result, st } = await run('templated-paths');
    expect(result.error?.code).toBe('E_PATH_OUTSIDE');
    expect(st.drafts).toHaveLength(2);
    const file = join(
      sim.phones,
      'gf-templated-paths',
      'fs',
      st.drafts.find((d) => d.id === 'd1')!.media.path,
    );
    expect(existsSync(file), file).toBe(true);
  });

  it('a host path outside the flow folder is refused', async () => {
    const { result } = await run('templated-host');
    expect(result.error?.code).toBe('E_PATH_OUTSIDE');
    expect(result.error?.message).toMatch(/\/etc\/hostname/);
  });
});
