/**
 * The smoke suite of `npm run test:device` (wdio.conf.ts): the check-ui walk on the runner's
 * phone, posting, deleting and saving nothing, then one test per screen of the walk: every
 * selector the backup and restore flows need there finds exactly one node.
 */
/// <reference types="mocha" />
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser } from '@wdio/globals';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/config.js';
import type { DeviceRef } from '../../src/drivers/types.js';
import type { CheckUiReport } from '../../src/jobs/check-ui.js';
import { checkUiOnSession } from '../../src/jobs/check-ui-session.js';
import { dataHome, newRunDir } from '../../src/paths.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FLOWS = join(ROOT, 'flows', 'tiktok');

/** The screens check-ui.yaml checks, in walk order (nested `runFlow` steps included). */
function screensOf(steps: unknown): string[] {
  if (Array.isArray(steps)) return steps.flatMap(screensOf);
  if (!steps || typeof steps !== 'object') return [];
  const s = steps as Record<string, unknown>;
  if (typeof s.checkScreen === 'string') return [s.checkScreen];
  return Object.values(s).flatMap(screensOf);
}

/** The phone this worker was given, from the capabilities it asked for. */
function deviceOf(caps: Record<string, unknown>): DeviceRef {
  const platform = String(caps.platformName).toLowerCase() === 'ios' ? 'ios' : 'android';
  if (caps['appium:automationName'] === 'DraftvaultSim')
    return { kind: 'sim', id: String(caps['appium:simDevice']), platform };
  const id = caps['appium:udid'] as string | undefined;
  return { kind: platform, id, platform };
}

const SCREENS = [...new Set(screensOf(parse(readFileSync(join(FLOWS, 'check-ui.yaml'), 'utf8'))))];

describe('check-ui: the screens of the backup and restore flows', () => {
  let report: CheckUiReport;

  before(async () => {
    const device = deviceOf(browser.requestedCapabilities as Record<string, unknown>);
    const home = dataHome(process.env, ROOT);
    report = await checkUiOnSession(browser, {
      device,
      flowsDir: FLOWS,
      config: loadConfig(process.env, ROOT),
      env: process.env,
      signal: new AbortController().signal,
      runDir: newRunDir('wdio-smoke', home),
    });
  });

  it('walks every screen without an error (nothing posted, deleted or saved)', () => {
    assert.deepEqual(report.stopped, [], JSON.stringify(report.stopped));
  });

  for (const screen of SCREENS) {
    it(`${screen}: every selector the flows need finds exactly one node`, function () {
      // A phone with no private video yet has no player or share screen to walk: skipped, visibly.
      if (report.unchecked.includes(screen)) this.skip();
      const seen = report.screens.find((s) => s.screen === screen);
      assert.ok(seen, `the walk did not reach ${screen} (run folder: ${report.runDir})`);
      const bad = seen.result.checks.filter((c) => !c.ok);
      assert.deepEqual(
        bad.map((c) => `${c.name}: ${c.problem ?? `${c.count.device} nodes`}`),
        [],
        `selectors that need an edit in flows/tiktok/selectors.yaml`,
      );
      assert.ok(seen.result.checks.length > 0, `no selector checked on ${screen}`);
    });
  }
});
