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
