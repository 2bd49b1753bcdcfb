/**
 * A nightly run end to end, the way a test phone is left overnight: `draftvault daemon` with a
 * schedule a few seconds ahead, a phone whose screen is locked, a webhook on 127.0.0.1. The run
 * happens by itself, unlocks the phone, backs every draft up privately, writes its reports,
 * the webhook gets the summary, history lists the run, and SIGTERM stops the daemon with exit
 * 130. The HTML report is then rendered in headless Chromium (a test of its own, skipped, and
 * listed as skipped, where Chromium is missing).
 */

import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { phone } from '../helpers/backup.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { eventually, ROOT, runCli, startCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';
import { webhook } from '../helpers/webhook.js';

const tmp = useTmpDir('dv-nightly-');
/** A copy of the nightly run's HTML report, for the browser test after it. */
let nightlyReport: string | undefined;
afterAll(() => {
  if (nightlyReport) rmSync(dirname(nightlyReport), { recursive: true, force: true });
});

/** Local time `seconds` from now, HH:MM:SS. */
function inSeconds(seconds: number): string {
  const d = new Date(Date.now() + seconds * 1000);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

describe('a nightly run through draftvault daemon', { timeout: 240_000 }, () => {
  it('runs at its time: unlocked, backed up, reported, notified; SIGTERM stops it with 130', async () => {
    const home = tmp();
    const p = phone(home, 'night');
    expect((await p.reset(2)).code).toBe(0);
    const stateFile = join(home, 'sim', 'night', 'state.json');
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    state.device_.locked = true;
    writeFileSync(stateFile, JSON.stringify(state));
    const hook = await webhook();
    const config = join(home, 'draftvault.yaml');
    writeFileSync(
      config,
      `backup:\n  folder: backups\nnotify:\n  when: always\n  webhook: { url: "${hook.url}" }\n`,
    );
    const env = { ...p.env, DRAFTVAULT_CONFIG: config };
    try {
      const at = inSeconds(8);
      const daemon = await startCli(['daemon', '--at', at, '--device', 'sim:night'], env, /next (\S+)/);
      const next = Date.parse(daemon.match[1]!);
      expect(next - Date.now(), `the run is due in seconds, at ${at}`).toBeLessThan(15_000);

      const summary = await hook.first;
      expect(await eventually(() => /finished: exit 0/.test(daemon.output()), 30_000), daemon.output()).toBe(
        true,
      );
      expect(summary).toMatchObject({
        tool: 'draftvault',
        device: 'sim:night',
        result: 'ok',
        exitCode: 0,
        found: 2,
        backedUp: 2,
        failed: 0,
      });
      const report = summary.report as { dir: string; html: string; json: string; junit: string };
      for (const f of [report.html, report.json, report.junit]) expect(existsSync(f), f).toBe(true);
      const saved = JSON.parse(readFileSync(report.json, 'utf8'));
      expect(saved.preflight.find((c: { name: string }) => c.name === 'screen')).toMatchObject({
        status: 'ok',
        detail: 'was locked: woken and unlocked',
      });
      expect(saved.notifications).toEqual([expect.objectContaining({ ok: true, detail: 'HTTP 204' })]);
      expect(daemon.output()).toContain(`report: ${report.html}`);
      // backup.folder is relative to the config file.
      expect(readdirSync(join(home, 'backups', 'night')).filter((f) => f.endsWith('.mp4'))).toHaveLength(2);
      expect((await p.state()).posts.map((x) => x.privacy)).toEqual(['only_you', 'only_you']);

      const history = await runCli(['history', '--json'], env);
      expect(JSON.parse(history.stdout)).toEqual([
        expect.objectContaining({
          device: 'sim:night',
          found: 2,
          backedUp: 2,
          failed: 0,
          exitCode: 0,
          report: report.dir,
        }),
      ]);

      // The page is self-contained: a copy of the file alone (kept for the next test, after this
      // test's folder is gone) must render with its pictures.
      nightlyReport = join(mkdtempSync(join(tmpdir(), 'dv-nightly-page-')), 'report.html');
      copyFileSync(report.html, nightlyReport);
      const exited = new Promise<number | null>((r) => daemon.child.on('exit', r));
      const stopAsked = Date.now();
      daemon.child.kill('SIGTERM');
      expect(await exited).toBe(130);
      expect(Date.now() - stopAsked).toBeLessThan(5000);
    } finally {
      hook.close();
    }
  });

  // Its own test, so a machine without Chromium reports it skipped instead of passing it silently.
  it.skipIf(!hasBrowser)(
    'the nightly run’s HTML report renders in headless Chromium, thumbnails decoded',
    async () => {
      expect(nightlyReport, 'the nightly run above wrote no report').toBeDefined();
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
        await page.goto(`file://${nightlyReport}`);
        expect(await page.locator('header h1').textContent()).toMatch(/draftvault backup of sim:night\s+ok/);
        expect(
          await page.$$eval('img.thumb', (i) => i.map((x) => (x as HTMLImageElement).naturalWidth)),
        ).toEqual([160, 160]);
        mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
        await page.screenshot({ path: join(ROOT, 'test-artifacts', 'nightly-report.png'), fullPage: true });
      } finally {
        await browser.close();
      }
    },
  );
});
