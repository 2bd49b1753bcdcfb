/**
 * The embedded server is draftvault's alone: a second local client cannot open a session on it
 * (so it cannot run shell commands), draftvault's own session runs only the shell commands it
 * needs, and the token never appears in the Appium log.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remote } from 'webdriverio';
import { type AppiumLease, acquireAppium } from '../../src/appium/endpoint.js';
import { shellAllowed } from '../../src/appium/guard/policy.js';
import { closeSession, type Session } from '../../src/appium/session.js';
import { DEFAULT_DEVICE_ROOTS } from '../../src/core/paths.js';
import { openDeviceSession } from '../../src/drivers/index.js';
import { parseDfAvailable } from '../../src/drivers/preflight.js';
import { simCapabilities } from '../../src/drivers/sim-adapter/index.js';
import { withDeviceSession } from '../../src/jobs/device-session.js';

let lease: AppiumLease;
let ours: Session;
let runDir: string;

beforeAll(async () => {
  runDir = mkdtempSync(join(tmpdir(), 'dv-guard-'));
  lease = await acquireAppium({ runDir, allowInsecure: ['draftvaultsim:adb_shell'] });
  ours = await openDeviceSession({
    endpoint: lease.endpoint,
    device: { kind: 'sim', id: 'guarded', platform: 'android' },
    capabilities: {
      'appium:simHome': join(runDir, 'phones'),
      'appium:simReset': true,
      'appium:simDrafts': 1,
    },
    token: lease.token,
  });
});
afterAll(async () => {
  if (ours) await closeSession(ours);
  await lease?.release();
  rmSync(runDir, { recursive: true, force: true });
});

/** A plain WebdriverIO client, as any other local process could run. */
function stranger(extra: Record<string, unknown> = {}) {
  return remote({
    hostname: lease.endpoint.hostname,
    port: lease.endpoint.port,
    path: lease.endpoint.path,
    logLevel: 'silent',
    connectionRetryCount: 0,
    capabilities: {
      ...simCapabilities({ kind: 'sim', id: 'stranger', platform: 'android' }),
      'appium:simHome': join(runDir, 'phones'),
      ...extra,
    } as WebdriverIO.Capabilities,
  });
}

describe('the embedded server guard', () => {
  it('refuses a session from another client, with no token or a wrong one', async () => {
    for (const extra of [{}, { 'draftvault:token': 'not-the-token' }, { 'draftvault:token': 42 }]) {
      const err = await stranger(extra).then(
        async (s) => {
          await s.deleteSession();
          return undefined;
        },
        (e: unknown) => e as Error,
      );
      expect(err, JSON.stringify(extra)).toBeInstanceOf(Error);
      expect(String(err?.message)).toMatch(/accepts only its sessions/);
    }
  });

  it('runs the shell commands draftvault needs on its own session, and refuses any other', async () => {
    const ls = (await ours.execute('mobile: shell', {
      command: 'ls',
      args: ['/sdcard/DCIM/Camera'],
    })) as string;
    expect(typeof ls).toBe('string');
    const version = (await ours.execute('mobile: shell', {
      command: 'dumpsys',
      args: ['package', 'com.zhiliaoapp.musically'],
    })) as string;
    expect(version).toMatch(/versionName=/);
    for (const bad of [
      { command: 'rm', args: ['-rf', '/sdcard'] },
      { command: 'ls', args: ['/data/data'] },
      { command: 'ls', args: ['/sdcard/DCIM/../../data'] },
      { command: 'dumpsys', args: ['battery'] },
      { command: 'sh', args: ['-c', 'id'] },
    ]) {
      const err = await ours.execute('mobile: shell', bad).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(String(err?.message), JSON.stringify(bad)).toMatch(/refuses this shell command/);
    }
  });

  it('lets exactly `df -k <shared storage>` through, and no other df', async () => {
    const out = (await ours.execute('mobile: shell', { command: 'df', args: ['-k', '/sdcard'] })) as string;
    expect(parseDfAvailable(out)).toBeGreaterThan(0);
    for (const args of [
      [],
      ['/sdcard'],
      ['-h', '/sdcard'],
      ['-k'],
      ['-k', '-a', '/sdcard'],
      ['-k', '/sdcard', '/data'],
      ['-k', '/data'],
      ['-k', '/sdcard/../data'],
      ['-k', '-'],
    ]) {
      const err = await ours.execute('mobile: shell', { command: 'df', args }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(String(err?.message), JSON.stringify(args)).toMatch(/refuses this shell command: df/);
    }
  });

  it('refuses shell metacharacters in ls and df arguments (UiAutomator2 hands them to the phone’s shell)', async () => {
    const tails = [
      ';id',
      '|id',
      '&id',
      '&&id',
      '$(id)',
      '`id`',
      '>x',
      '<x',
      '\nid',
      ' id',
      "'",
      '"',
      '*',
      '~',
      '#',
    ];
    const tries = tails.flatMap((tail) => [
      { command: 'ls', args: [`/sdcard/DCIM/Camera${tail}`] },
      { command: 'ls', args: ['-l', `/sdcard/DCIM${tail}`] },
      { command: 'df', args: ['-k', `/sdcard${tail}`] },
    ]);
    const shellRuns = async () =>
      ((await ours.execute('mobile: simStats', {})) as { commands: Record<string, number> }).commands
        .mobileShell;
    const before = await shellRuns();
    for (const bad of tries) {
      const err = await ours.execute('mobile: shell', bad).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(String(err?.message), JSON.stringify(bad)).toMatch(
        /refuses this shell command: argument .* has characters the phone's shell would interpret/,
      );
    }
    // The phone's shell was never asked: the guard stopped each one before the driver.
    expect(await shellRuns()).toBe(before);
  });

  it("honours the config's devicePaths.allow: that folder can be listed, with the allowlist still closed", async () => {
    // This server was started with the default folders: /sdcard/Backups is not one of them.
    const before = await ours.execute('mobile: shell', { command: 'ls', args: ['/sdcard/Backups'] }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(String(before?.message)).toMatch(/refuses this shell command: ls of \/sdcard\/Backups/);
    // A run whose config allows /sdcard/Backups (config.deviceRoots) lists it on its own server.
    const dir = mkdtempSync(join(tmpdir(), 'dv-guard-roots-'));
    try {
      await withDeviceSession(
        {
          device: { kind: 'sim', id: 'roots', platform: 'android' },
          runDir: dir,
          signal: new AbortController().signal,
          capabilities: {
            'appium:simHome': join(dir, 'phones'),
            'appium:simReset': true,
            'appium:simDrafts': 1,
          },
          deviceRoots: [...DEFAULT_DEVICE_ROOTS, '/sdcard/Backups'],
        },
        async (d) => {
          await d.io.push('/sdcard/Backups/kept.mp4', Buffer.from('kept'));
          expect(await d.io.list('/sdcard/Backups')).toEqual(['kept.mp4']);
          for (const bad of ['/sdcard/Other', '/sdcard/Backups/../../data', '/sdcard']) {
            const err = await d.session.execute('mobile: shell', { command: 'ls', args: [bad] }).then(
              () => undefined,
              (e: unknown) => e as Error,
            );
            expect(String(err?.message), bad).toMatch(/refuses this shell command/);
          }
        },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the token out of the Appium log', () => {
    const log = readFileSync(join(runDir, 'appium.log'), 'utf8');
    expect(log).toContain('"draftvault:token":"**SECURE**"');
    expect(log).not.toContain(lease.token!);
  });
});

describe('the shell allowlist', () => {
  it('allows listing media folders and reading an app version, nothing else', () => {
    expect(shellAllowed('ls', ['/sdcard/DCIM/Camera'])).toBeUndefined();
    expect(shellAllowed('ls', ['-t', '/sdcard/Movies/'])).toBeUndefined();
    expect(shellAllowed('dumpsys', ['package', 'com.ss.android.ugc.trill'])).toBeUndefined();
    expect(shellAllowed('ls', ['/sdcard'])).toMatch(/only/);
    expect(shellAllowed('ls', ['/sdcard/DCIM', '/data'])).toMatch(/exactly one folder/);
    expect(shellAllowed('ls', ['-R', '/sdcard/DCIM'])).toMatch(/exactly one folder/);
    expect(shellAllowed('dumpsys', ['package', 'x; rm -rf /'])).toMatch(/package <name>/);
    expect(shellAllowed('ls', [1])).toMatch(/strings/);
    expect(shellAllowed('cat', ['/sdcard/DCIM/a'])).toMatch(/not a command/);
  });

  it('allows df only as `df -k <shared storage or a media folder>`', () => {
    expect(shellAllowed('df', ['-k', '/sdcard'])).toBeUndefined();
    expect(shellAllowed('df', ['-k', '/storage/emulated/0/'])).toBeUndefined();
    expect(shellAllowed('df', ['-k', '/sdcard/DCIM/Camera'])).toBeUndefined();
    expect(shellAllowed('df', ['-k', '/data'])).toMatch(/only \/sdcard/);
    expect(shellAllowed('df', ['-k', '/sdcard/..'])).toMatch(/only \/sdcard/);
    expect(shellAllowed('df', ['-h', '/sdcard'])).toMatch(/-k <folder>/);
    expect(shellAllowed('df', [])).toMatch(/-k <folder>/);
    expect(shellAllowed('df', '-k')).toMatch(/-k <folder>/);
    expect(shellAllowed('df', ['-k', '/sdcard', '/sdcard'])).toMatch(/-k <folder>/);
  });

  it('refuses every character a shell interprets, in ls and df arguments', () => {
    for (const c of [
      ';',
      '|',
      '&',
      '$',
      '`',
      '<',
      '>',
      '\n',
      '\r',
      '\t',
      ' ',
      "'",
      '"',
      '\\',
      '*',
      '?',
      '[',
      '(',
      '{',
      '~',
      '#',
      '!',
      '\0',
    ]) {
      expect(shellAllowed('ls', [`/sdcard/DCIM/a${c}b`]), JSON.stringify(c)).toMatch(/would interpret/);
      expect(shellAllowed('ls', ['-l', `/sdcard/DCIM${c}`]), JSON.stringify(c)).toMatch(/would interpret/);
      expect(shellAllowed('df', ['-k', `/sdcard${c}`]), JSON.stringify(c)).toMatch(/would interpret/);
    }
    expect(shellAllowed('ls', ['-l;id', '/sdcard/DCIM'])).toMatch(/would interpret/);
    expect(shellAllowed('ls', ['/sdcard/DCIM/Camera_2024-01.x@y+z,w=v:u'])).toBeUndefined();
  });
});
