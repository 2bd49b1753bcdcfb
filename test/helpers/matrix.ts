/**
 * The matrix (issue 9), in three files (test/jobs/matrix-*.test.ts) so the workers share it:
 * every version profile × locale on Android, and the simulated iPhone in each locale, backs up 2
 * drafts and restores both with the shipped flows, through the backup and restore jobs, on one
 * Appium server per file (each case only opens its sessions). The phones are as hard as we know
 * how to make them: the profile's own variants, runtime permissions still to be asked, and the
 * GDPR notice among the launch pop-ups.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resetPhone, SIM_PROFILES } from 'draftvault-sim-driver/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppiumServer, startAppium } from '../../src/appium/server.js';
import { loadConfig } from '../../src/config/config.js';
import { parseDeviceRef } from '../../src/drivers/device-ref.js';
import { simHome } from '../../src/drivers/sim-adapter/index.js';
import { backupJob } from '../../src/jobs/backup-job.js';
import { restoreJob } from '../../src/jobs/restore-job.js';
import { MemoryReporter } from '../../src/runner/events.js';
import { ROOT } from './proc.js';

/** Which part of the matrix a file runs. */
export type MatrixPart = 'android-en' | 'android-fr' | 'ios';

/** Register the matrix tests of `part`, on one Appium server for the file. */
export function matrixSuite(part: MatrixPart): void {
  let server: AppiumServer;
  let home: string;
  const saved = process.env.DRAFTVAULT_HOME;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'dv-matrix-'));
    // The server (a child) and the sim adapter both find the phones under $DRAFTVAULT_HOME/sim.
    process.env.DRAFTVAULT_HOME = home;
    server = await startAppium({
      logFile: join(home, 'appium.log'),
      allowInsecure: ['draftvaultsim:adb_shell'],
    });
  });
  afterAll(async () => {
    await server?.stop();
    if (saved === undefined) delete process.env.DRAFTVAULT_HOME;
    else process.env.DRAFTVAULT_HOME = saved;
    rmSync(home, { recursive: true, force: true });
  });

  const HARD = {
    'appium:simPermissions': { camera: 'ask', microphone: 'ask', media: 'ask', notifications: 'ask' },
  };

  function options(device: string) {
    const env = { ...process.env, DRAFTVAULT_HOME: home };
    return {
      device: parseDeviceRef(device),
      appiumUrl: server.url,
      capabilities: HARD,
      home,
      config: loadConfig(env, ROOT),
      env,
      signal: new AbortController().signal,
      reporter: () => new MemoryReporter(),
    };
  }

  // tiktok-48.2.0 is the made-up next version the shipped flows refuse by design until the edit of
  // docs/ui-changes.md is made (test/docs/ui-changes.test.ts covers it).
  const ANDROID = SIM_PROFILES.filter((p) => p !== 'tiktok-48.2.0').flatMap((p) =>
    (['en', 'fr'] as const).map((l) => [p, l, 'android' as 'android' | 'ios'] as const),
  );
  // The simulated iPhone: one profile, both languages.
  const IOS_CASES = [
    ['tiktok-43.1.4', 'en', 'ios'],
    ['tiktok-43.1.4', 'fr', 'ios'],
  ] as const;
  const CASES =
    part === 'ios' ? IOS_CASES : ANDROID.filter(([, l]) => l === (part === 'android-en' ? 'en' : 'fr'));
  describe('every profile × locale × platform backs up and restores 2 drafts', { timeout: 240_000 }, () => {
    for (const [profile, locale, platform] of CASES)
      it(`${profile} ${locale} ${platform}`, async () => {
        const name = `m-${profile}-${locale}-${platform}`;
        await resetPhone(simHome(), {
          name,
          drafts: 2,
          profile,
          locale,
          platform,
          launchPopups: ['notif', 'contacts', 'gdpr'],
        });
        const device = `${platform === 'ios' ? 'sim-ios' : 'sim'}:${name}`;
        const out = join(home, 'backups');
        const b = await backupJob({
          ...options(device),
          outRoot: out,
          flowsDir: join(ROOT, 'flows', 'tiktok'),
        });
        expect(b.report, JSON.stringify(b.report.drafts)).toMatchObject({
          found: 2,
          backedUp: 2,
          failed: 0,
          skipped: 0,
        });
        // The iPhone's videos come out of its Photos library, and go back through it: no Android path.
        const remotes = (
          JSON.parse(readFileSync(join(b.folder, 'manifest.json'), 'utf8')) as {
            entries: { remotePath: string }[];
          }
        ).entries.map((e) => e.remotePath);
        for (const r of remotes)
          expect(r).toMatch(
            platform === 'ios' ? /^\/DCIM\/100APPLE\/IMG_\d{4}\.MP4$/ : /^\/sdcard\/DCIM\/Camera\//,
          );
        const files = b.report.drafts.map((d) => d.file!);
        const r = await restoreJob({ ...options(device), files, flowsDir: join(ROOT, 'flows', 'tiktok') });
        expect(r.results.map((x) => [x.ok, x.reason])).toEqual([
          [true, undefined],
          [true, undefined],
        ]);
        expect(r.results.at(-1)?.draftsAfter).toBe(2);
        for (const x of r.results)
          expect(x.remote).toMatch(platform === 'ios' ? /^\/Downloads\// : /^\/sdcard\//);
        // Nothing on the iPhone ever touched an Android folder.
        if (platform === 'ios') expect(existsSync(join(simHome(), name, 'fs', 'sdcard'))).toBe(false);
      });
  });
}
