/**
 * One run per device, not only per backup folder: while another process holds the device, a
 * backup of it into another folder exits 4 naming the holder and touches nothing (no folder, no
 * Appium, no report, the phone unchanged); once that process is SIGKILLed, the next run takes
 * the lock over and backs up.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phone } from '../helpers/backup.js';
import { ROOT } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('dv-devlock-');

/** Another process that holds the device's lock (as a running backup does) until killed. */
function holder(home: string, key: string): Promise<ChildProcess> {
  const code = `import('${join(ROOT, 'dist', 'jobs', 'device-lock.js')}').then(async (m) => { await m.lockDevice(${JSON.stringify(home)}, ${JSON.stringify(key)}, 'sim:shared', 'backup of sim:shared'); console.log('held'); setInterval(() => {}, 1000); });`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (s: string) => s.includes('held') && resolve(child));
    child.on('exit', (c) => reject(new Error(`holder exited ${c}`)));
  });
}

describe('one run per device', { timeout: 120_000 }, () => {
  it('a second run on the device exits 4 touching nothing; a killed holder’s lock is taken over', async () => {
    const home = tmp();
    const p = phone(home, 'shared');
    await p.reset(1);
    const before = await p.state();
    const child = await holder(home, 'sim-shared');

    const otherOut = join(home, 'elsewhere');
    const busy = await p.backup(['--out', otherOut]);
    expect(busy.code, busy.stderr).toBe(4);
    expect(busy.stderr).toMatch(
      /the device sim:shared is in use by another draftvault run \(backup of sim:shared, pid \d+ on .*\) \[E_LOCKED\]/,
    );
    expect(busy.stderr).toMatch(/hint: wait for it to finish, or stop it/);
    expect(existsSync(otherOut), 'its backup folder was not created').toBe(false);
    expect(existsSync(join(home, 'runs')), 'no Appium, no session').toBe(false);
    expect(existsSync(join(home, 'reports')), 'no report').toBe(false);
    expect(await p.state()).toEqual(before);

    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;
    const next = await p.backup(['--out', otherOut]);
    expect(next.code, next.stderr).toBe(0);
    expect(JSON.parse(next.stdout)).toMatchObject({ found: 1, backedUp: 1 });
    expect(readdirSync(join(otherOut, 'shared')).filter((f) => f.endsWith('.mp4'))).toHaveLength(1);
  });
});
