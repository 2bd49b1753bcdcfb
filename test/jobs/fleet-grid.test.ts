/**
 * Past one computer, on an existing engine: a Selenium Grid 4 hub with two relay nodes, each in
 * front of its own Appium server (all on loopback here; docs/fleet.md has the same files for
 * several computers). Four simulated phones, one `backup --all-devices` through the hub: the Grid
 * places the sessions by capabilities alone, two on each node; the videos come back through
 * WebDriver (no local adb, no file access to the phone's folder).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phone } from '../helpers/backup.js';
import { hasJava, startGrid } from '../helpers/grid.js';
import { runCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('dv-grid-');
const PHONES = ['g1', 'g2', 'g3', 'g4'];

describe.skipIf(!hasJava())('backup --all-devices through a Selenium Grid hub', { timeout: 300_000 }, () => {
  it('four phones over two relay nodes, two sessions each, videos pulled through the protocol', async () => {
    const home = tmp();
    const phones = PHONES.map((n) => phone(home, n));
    for (const p of phones) expect((await p.reset(2)).code).toBe(0);
    const grid = await startGrid(home, phones[0]!.env);
    try {
      const file = join(home, 'devices.yaml');
      writeFileSync(
        file,
        `devices:\n${PHONES.map((n) => `  - { name: ${n}, platform: sim, appiumUrl: "${grid.url}" }`).join('\n')}\n`,
      );
      const out = phones[0]!.out;
      const run = await runCli(
        ['backup', '--all-devices', '--out', out, '--json'],
        { ...phones[0]!.env, DRAFTVAULT_DEVICES: file },
        240_000,
      );
      expect(run.code, run.stderr).toBe(0);
      const r = JSON.parse(run.stdout) as {
        runDir?: string;
        devices: { name: string; exitCode: number; backedUp: number; folder: string }[];
      };
      // No embedded server: every session went to the hub.
      expect(r.runDir).toBeUndefined();
      for (const d of r.devices) {
        expect(d).toMatchObject({ exitCode: 0, backedUp: 2, folder: join(out, d.name) });
        const entries = phones[PHONES.indexOf(d.name)]!.manifest().entries;
        expect(entries).toHaveLength(2);
        for (const e of entries) expect(existsSync(join(d.folder, e.file))).toBe(true);
      }
      // The Grid spread them: each node's Appium served two sessions, asked for as ANDROID.
      for (const log of grid.appiumLogs) {
        const text = readFileSync(log, 'utf8');
        expect(text.match(/added to master session list/g) ?? []).toHaveLength(2);
        expect(text).toMatch(/platformName":"ANDROID"/);
        // Files came through WebDriver: pullFile on the node, not the client reading the phone's folder.
        expect(text).toMatch(/pullFile|\/appium\/device\/pull_file/);
      }
    } finally {
      await grid.stop();
    }
  });
});
