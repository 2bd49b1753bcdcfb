import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

describe('draftvault CLI', () => {
  it('prints help with every command', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['doctor', 'appium', 'sim']) expect(r.stdout).toContain(cmd);
  });

  it('rejects an unknown option with one line and a hint on stderr, and exit 2', async () => {
    const r = await runCli(['doctor', '--bogus']);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^draftvault: unknown option '--bogus'.*\[E_USAGE\]$/);
    expect(lines[1]).toMatch(/^ {2}hint: /);
  });

  it('rejects an unknown command with a suggestion and exit 2', async () => {
    const r = await runCli(['docter']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/doctor/);
  });

  for (const bad of ['not a url', 'ftp://host:21/', 'http://']) {
    it(`rejects --appium-url "${bad}" with exit 2 before starting anything`, async () => {
      const r = await runCli(['doctor', '--appium-url', bad], { DRAFTVAULT_HOME: tmp() });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/appium-url/);
      expect(r.stderr).toContain('[E_USAGE]');
    });
  }

  it('rejects a bad --port with exit 2', async () => {
    const r = await runCli(['appium', '--port', 'abc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port takes a whole number/);
  });

  it('doctor reports versions and exits 0 when the simulated phone can run', async () => {
    const r = await runCli(['doctor', '--json'], { PATH: '/usr/bin:/bin', ANDROID_HOME: '' });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      appium: string;
      simReady: boolean;
      drivers: Record<string, unknown>;
    };
    expect(report.appium).toMatch(/^3\./);
    expect(report.simReady).toBe(true);
    expect(Object.keys(report.drivers)).toEqual(
      expect.arrayContaining(['uiautomator2', 'xcuitest', 'draftvault-sim']),
    );
  });

  it('doctor exits 3 when a requested real device cannot be used', async () => {
    const r = await runCli(['doctor', '--device', 'android:NOPE123'], { ANDROID_HOME: '' });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/requested device: NOT usable/);
    expect(r.stderr).toContain('[E_DEVICE_UNAVAILABLE]');
  });
});
