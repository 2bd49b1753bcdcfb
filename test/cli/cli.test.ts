import { describe, expect, it } from 'vitest';
import { parseXctraceDevices } from '../../src/doctor/ios.js';
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

  it('doctor --device ios on this Linux machine: not usable, one fix naming a Mac, exit 3', async () => {
    const r = await runCli(['doctor', '--device', 'ios:00008110-000A1B2C3D4E5F60']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/warn {2}ios: macOS +this is linux: XCUITest .* needs macOS with Xcode/);
    expect(r.stdout).toMatch(/fix: run draftvault on a Mac with Xcode, or give --appium-url/);
    // The checks that need macOS do not run (no Xcode or device line to confuse).
    expect(r.stdout).not.toMatch(/ios: Xcode|ios: device/);
    expect(r.stdout).toMatch(/requested device: NOT usable/);
  });
});

describe('doctor: the iPhone list as xcrun prints it', () => {
  it('keeps real devices, not simulators or this Mac', () => {
    const out = [
      '== Devices ==',
      'My Mac (5A1B2C3D-0000-1111-2222-333344445555)',
      'Ana’s iPhone (18.1) (00008110-000A1B2C3D4E5F60)',
      '',
      '== Simulators ==',
      'iPhone 16 Simulator (18.1) (6F1C2D3E-4A5B-4C6D-8E9F-0A1B2C3D4E5F)',
    ].join('\n');
    expect(parseXctraceDevices(out)).toEqual([{ name: 'Ana’s iPhone', udid: '00008110-000A1B2C3D4E5F60' }]);
  });
});
