/**
 * The runner through the real Appium server and WebdriverIO, on the simulated phone.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimCapsInput } from 'draftvault-sim-driver/api';
import { describe, expect, it } from 'vitest';
import type { Value } from '../../src/core/expr.js';
import { deviceFacts } from '../../src/drivers/facts.js';
import { loadProject } from '../../src/flows/project.js';
import { flowFiles, folderArtifacts } from '../../src/jobs/sinks.js';
import { MemoryReporter } from '../../src/runner/events.js';
import { runFlow } from '../../src/runner/run.js';
import { simState, useSimServer } from '../helpers/sim.js';

const sim = useSimServer();
const FIX = join(import.meta.dirname, '..', 'fixtures', 'run');
const PKG = 'com.zhiliaoapp.musically';

async function runOnSim(
  device: string,
  flow: string,
  caps: Partial<SimCapsInput>,
  params: Record<string, Value> = {},
) {
  const session = await sim.open(device, { simReset: true, ...caps });
  await session.updateSettings({ waitForIdleTimeout: 100 });
  const reporter = new MemoryReporter();
  const dir = mkdtempSync(join(tmpdir(), 'dv-run-'));
  const result = await runFlow({
    session,
    project: loadProject(join(FIX, flow)),
    facts: await deviceFacts(session, { kind: 'sim', id: device, platform: 'android' }, PKG),
    appId: PKG,
    params,
    reporter,
    files: flowFiles({ readRoot: FIX, writeRoot: dir }),
    artifacts: folderArtifacts(dir),
    signal: new AbortController().signal,
    pollMs: 50,
  });
  return { result, reporter, session, dir };
}

describe('flow runner on the simulated phone', () => {
  it('posts every draft: sub-flows with params, repeat-while, waits for the upload, conditions', async () => {
    const { result, reporter, session } = await runOnSim('r-all', 'post-all.yaml', {
      simDrafts: 3,
      simTimeScale: 0.05,
    });
    expect(result.error?.message).toBeUndefined();
    expect(result.ok).toBe(true);
    const st = await simState(session);
    expect(st.drafts).toHaveLength(0);
    expect(st.posts.map((p) => [p.privacy, p.caption]).sort()).toEqual([
      ['only_you', '#dv 0'],
      ['only_you', '#dv 1'],
      ['only_you', '#dv 2'],
    ]);
    const finished = reporter.of('stepFinished');
    // The conditional steps were skipped, not failed.
    expect(
      finished
        .filter((e) => e.step === 'tap nav.create' || e.step === 'assertVisible drafts.grid')
        .map((e) => e.status),
    ).toEqual(['skipped', 'skipped']);
    // Benchmark hook: every step reports the WebDriver commands it issued.
    const taps = finished.filter((e) => e.step === 'tap post.post');
    expect(taps).toHaveLength(3);
    for (const t of taps) expect(t.commands).toBeGreaterThan(0);
    const top = finished.filter((e) => e.depth === 1).reduce((n, e) => n + e.commands, 0);
    expect(top).toBeLessThanOrEqual(result.commands);
  });

  it('a random pop-up is cleared by a watcher and the flow goes on', async () => {
    const { result, reporter, session } = await runOnSim('r-popup', 'post-all.yaml', {
      simDrafts: 2,
      simFaults: { popupRate: 1 },
    });
    expect(result.error?.message).toBeUndefined();
    // Every screen change brings a pop-up: the 2 launch pop-ups and random ones are cleared by watchers.
    expect(reporter.of('watcher').length).toBeGreaterThan(2);
    const st = await simState(session);
    expect(st.drafts).toHaveLength(0);
    expect(st.posts.map((p) => p.privacy)).toEqual(['only_you', 'only_you']);
  });

  it('retry: a privacy choice that does not stick is retried by the flow group', async () => {
    const { result, reporter, session } = await runOnSim('r-retry', 'post-all.yaml', {
      simDrafts: 1,
      simFaults: { privacyNotStick: 1 },
    });
    expect(result.ok).toBe(true);
    const asserts = reporter
      .of('stepFinished')
      .filter((e) => e.step === 'assertVisible post.privacyRowPrivate');
    expect(asserts.map((e) => e.status)).toEqual(['failed', 'passed']);
    expect((await simState(session)).posts[0]!.privacy).toBe('only_you');
  });

  it('typing opens no keyboard: a plain Back after it leaves the post screen; mark-caption stays', async () => {
    // tiktok-ui.md C.14: UiAutomator2's set-text is ACTION_SET_TEXT, no tap, so no keyboard.
    const naive = await runOnSim('r-kb-naive', 'caption-naive.yaml', { simDrafts: 1 }, { back: 'naive' });
    expect(naive.result.ok).toBe(false);
    expect(naive.result.error?.message).toMatch(/expected it to be visible/);
    expect((await simState(naive.session)).app.stack.at(-1)?.name).toBe('editor');
    const shipped = await runOnSim(
      'r-kb-shipped',
      'caption-naive.yaml',
      { simDrafts: 1 },
      { back: 'shipped' },
    );
    expect(shipped.result.error?.message).toBeUndefined();
    const st = await simState(shipped.session);
    expect(st.app.stack.at(-1)?.name).toBe('post');
    expect(st.app.compose?.caption).toMatch(/#dvshipped$/);
  });

  it('a launch pop-up is its own window: the naive launch restarts TikTok, the shipped one clears it', async () => {
    // tiktok-ui.md C.1: with a pop-up up, the bottom bar is absent from the tree.
    const caps: Partial<SimCapsInput> = { simDrafts: 1, simLaunchPopups: ['notif', 'contacts'] };
    const naive = await runOnSim('r-launch-naive', 'launch-naive.yaml', caps);
    expect(naive.result.error?.message).toBeUndefined();
    expect((await simState(naive.session)).counters.launches).toBe(2);
    const shipped = await runOnSim('r-launch-shipped', '../../../flows/tiktok/launch.yaml', caps);
    expect(shipped.result.error?.message).toBeUndefined();
    const st = await simState(shipped.session);
    expect(st.counters.launches).toBe(1);
    expect(st.app.popup).toBeUndefined();
    expect(st.app.pendingPopups).toEqual([]);
  });

  it('the upload badge is a window UiSelector does not search: a wait on it returns mid-upload; wait-upload waits', async () => {
    // tiktok-ui.md C.8: the 46.6.3 badge is its own window; the own profile's tile shows the %.
    const caps = { simDrafts: 1, simTimeScale: 1, simFaults: { slowUploadFactor: 1 } };
    const naive = await runOnSim('r-up-naive', 'post-then-wait.yaml', caps, { wait: 'naive' });
    expect(naive.result.error?.message).toBeUndefined();
    expect((await simState(naive.session)).posts[0]?.status).toBe('uploading');
    const shipped = await runOnSim('r-up-shipped', 'post-then-wait.yaml', caps, { wait: 'shipped' });
    expect(shipped.result.error?.message).toBeUndefined();
    expect((await simState(shipped.session)).posts[0]?.status).toBe('posted');
  });

  it('alternatives fall through; optional steps do not fail the flow; failures say what was tried and leave artifacts', async () => {
    const { result, reporter, dir } = await runOnSim('r-fall', 'fallback.yaml', { simDrafts: 2 });
    const finished = reporter.of('stepFinished');
    expect(finished.find((e) => e.step === 'tap test.profileFallback')?.status).toBe('passed');
    expect(finished.find((e) => e.status === 'failedOptional')?.step).toBe('tap test.missing');
    expect(result.vars.n).toBe(2);
    expect(result.ok).toBe(false);
    const e = result.error!;
    expect(e.code).toBe('E_ELEMENT_NOT_FOUND');
    expect(e.exitCode).toBe(1);
    expect(e.message).toBe('test.missing (something that is never there): not found within 300ms');
    expect(e.hint).toMatch(/^tried, in order: text="Nope" \(0 on screen\); desc="Nada" \(0 on screen\)\n/);
    expect(e.hint).toMatch(/edit test\.missing at test\/fixtures\/run\/selectors\.yaml:\d+:3/);
    expect(result.stack?.at(-1)).toMatchObject({
      step: 'the step that fails',
      at: expect.stringMatching(/fallback\.yaml:8:5$/),
    });
    expect(result.artifactsDir).toBe(dir);
    expect(readdirSync(dir).sort()).toEqual([
      'failure-page-source.xml',
      'failure-screenshot.png',
      'failure-stack.json',
    ]);
    expect(readFileSync(join(dir, 'failure-page-source.xml'), 'utf8')).toContain('<hierarchy');
  });

  it('a selector whose label changed: the failure shows the closest label on screen and where to edit', async () => {
    const { result } = await runOnSim('r-renamed', 'renamed.yaml', { simDrafts: 2 });
    const e = result.error!;
    expect(e.code).toBe('E_ELEMENT_NOT_FOUND');
    expect(e.hint).toMatch(/textStartsWith="Draft box" \(0 on screen\)/);
    expect(e.hint).toMatch(/edit test\.renamed at .*selectors\.yaml:\d+:3/);
    expect(e.hint).toMatch(/closest on screen: text "Drafts: 2"/);
    expect(e.details?.diagnosis).toMatchObject({
      selector: 'test.renamed',
      closest: [expect.objectContaining({ text: 'Drafts: 2' })],
    });
  });
});
