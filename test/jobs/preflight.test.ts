/**
 * Preflight on the simulated phone: a low battery, a locked screen draftvault may not unlock, a
 * full phone storage and a full backup disk each stop the backup before any TikTok step (exit 3,
 * nothing posted, the draft still a draft), with a message that names the fix; the run still
 * leaves a report, and a notification that fails is logged and changes nothing.
 *
 * The simulator keeps the battery level and the lock in the phone's state file (set here before
 * the run) and models a full storage as its `storageFull` fault (its `df -k` says 0 available).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phone } from '../helpers/backup.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('dv-preflight-');

/** A phone with one draft, its state edited; the run's config written beside it. */
async function setUp(name: string, o: { state?: Record<string, unknown>; config?: string } = {}) {
  const home = tmp();
  const p = phone(home, name);
  expect((await p.reset(1)).code).toBe(0);
  if (o.state) {
    const file = join(home, 'sim', name, 'state.json');
    const s = JSON.parse(readFileSync(file, 'utf8'));
    s.device_ = { ...s.device_, ...o.state };
    writeFileSync(file, JSON.stringify(s));
  }
  const config = join(home, 'draftvault.yaml');
  writeFileSync(config, o.config ?? '{}\n');
  return { home, p, env: { ...p.env, DRAFTVAULT_CONFIG: config } };
}

/** The backup stopped before anything was posted, and said why and what to do. */
async function expectStopped(
  t: Awaited<ReturnType<typeof setUp>>,
  args: string[],
  check: string,
  fix: RegExp,
) {
  const r = await t.p.backup(args, t.env);
  expect(r.code, r.stderr).toBe(3);
  expect(r.stderr).toMatch(
    new RegExp(`draftvault: not ready for a backup: .*${check}: .*\\[E_PREFLIGHT_FAILED\\]`),
  );
  expect(r.stderr).toMatch(fix);
  const s = await t.p.state();
  expect(s.posts, 'nothing was posted').toEqual([]);
  expect(s.drafts).toHaveLength(1);
  const reports = readdirSync(join(t.home, 'reports'));
  expect(reports).toHaveLength(1);
  const report = JSON.parse(readFileSync(join(t.home, 'reports', reports[0]!, 'report.json'), 'utf8'));
  expect(report).toMatchObject({ result: 'not ready', exitCode: 3, drafts: [] });
  expect(report.preflight.find((c: { name: string }) => c.name === check)).toMatchObject({ status: 'fail' });
  return { r, report };
}

describe('preflight stops the run before any post', { timeout: 120_000 }, () => {
  it('low battery: stops, says to charge the phone or lower preflight.minBattery', async () => {
    const t = await setUp('low', { state: { battery: 9 } });
    const { r } = await expectStopped(
      t,
      [],
      'battery',
      /hint: .*charge the phone .*lower preflight\.minBattery/,
    );
    expect(r.stderr).toMatch(/battery: 9%, charging, below preflight\.minBattery 20%/);
  });

  it('a locked screen draftvault may not unlock (preflight.unlock: false): stops, says to unlock it', async () => {
    const t = await setUp('locked', { state: { locked: true }, config: 'preflight:\n  unlock: false\n' });
    await expectStopped(
      t,
      [],
      'screen',
      /hint: unlock the phone, or keep the test phone awake .*preflight\.unlock: true/,
    );
  });

  it('full phone storage: stops, says to free space on the phone', async () => {
    const t = await setUp('full');
    const { r } = await expectStopped(
      t,
      ['--caps', '{"appium:simFaults":{"storageFull":true}}'],
      'phone storage',
      /hint: free space on the phone .*--cleanup-device/,
    );
    // Read as on an Android phone behind a server: `df -k /sdcard` through the guarded shell.
    expect(r.stderr).toMatch(/phone storage: 0 B free \(df -k \/sdcard on the simulated phone\)/);
  });

  it('TikTok not installed: stops, says to install it', async () => {
    const t = await setUp('missing');
    await expectStopped(
      t,
      ['--caps', '{"appium:simFaults":{"notInstalled":true}}'],
      'tiktok',
      /tiktok: TikTok \(com\.zhiliaoapp\.musically\) is not installed.*\n.*hint: install TikTok and sign in/,
    );
  });

  it('full backup disk: stops before any session; a failing notification is logged and changes nothing', async () => {
    // 10 videos of 1 PiB each fit on no disk: the same statfs comparison as a full one.
    const out = join(tmp(), 'notified.json');
    const t = await setUp('disk', {
      config: [
        'preflight:',
        `  videoBytes: ${2 ** 50}`,
        'notify:',
        '  webhook: { url: "http://127.0.0.1:9/hook" }',
        `  command: [/bin/sh, -c, 'cat > "$0"; echo >> "$0"; echo "$DRAFTVAULT_EXIT_CODE $DRAFTVAULT_RESULT" >> "$0"', ${JSON.stringify(out)}]`,
        '',
      ].join('\n'),
    });
    const { r, report } = await expectStopped(
      t,
      [],
      'backup disk',
      /hint: free space on that disk, or back up elsewhere/,
    );
    expect(r.stderr).toMatch(/about 10 PiB needed for 10 videos/);
    expect(existsSync(join(t.home, 'runs')), 'no Appium, no session').toBe(false);
    // The webhook's port is closed: logged, the exit code is still preflight's 3.
    expect(r.stderr).toMatch(
      /notification failed \(webhook http:\/\/127\.0\.0\.1:9\): .*the backup's result is unchanged/,
    );
    expect(report.notifications).toEqual([
      expect.objectContaining({ target: 'webhook http://127.0.0.1:9', ok: false }),
      expect.objectContaining({ target: 'command /bin/sh', ok: true }),
    ]);
    const [json, tail] = readFileSync(out, 'utf8').split('\n');
    expect(JSON.parse(json!)).toMatchObject({
      tool: 'draftvault',
      device: 'sim:disk',
      result: 'not ready',
      exitCode: 3,
      error: { code: 'E_PREFLIGHT_FAILED' },
      preflight: [expect.objectContaining({ name: 'backup disk', status: 'fail' })],
    });
    expect(tail).toBe('3 not ready');
  });
});

/** The report of the one run in `home`. */
function onlyReport(home: string) {
  const reports = readdirSync(join(home, 'reports'));
  expect(reports).toHaveLength(1);
  return JSON.parse(readFileSync(join(home, 'reports', reports[0]!, 'report.json'), 'utf8'));
}

describe('preflight warns about a TikTok the flows are not tested with, and the run goes on', {
  timeout: 120_000,
}, () => {
  // The shipped flows declare appVersion ">=43.0.0 <48.0.0" (launch.yaml, open-drafts.yaml).
  for (const [version, words] of [
    ['49.2.0', 'newer than the versions'],
    // Not semver at all: the runner's matcher refuses it, so preflight must not call it tested.
    ['nightly-build', 'not among the versions'],
  ] as const) {
    it(`TikTok ${version}: a warning naming the flows' places, then the flows refuse it (exit 1, not 3)`, async () => {
      const t = await setUp(`v-${version}`);
      const r = await t.p.backup(
        ['--caps', JSON.stringify({ 'appium:simFaults': { appVersion: version } })],
        t.env,
      );
      expect(r.code, r.stderr).toBe(1);
      const report = onlyReport(t.home);
      expect(report.preflight.map((c: { status: string }) => c.status)).not.toContain('fail');
      const check = report.preflight.find((c: { name: string }) => c.name === 'tiktok');
      expect(check.status).toBe('warn');
      expect(check.detail).toContain(`TikTok ${version} is ${words} the flows are tested with`);
      expect(check.detail).toMatch(/>=43\.0\.0 <48\.0\.0 at flows\/tiktok\/launch\.yaml:8:13/);
      expect(check.fix).toMatch(/widen appVersion at those places/);
      // Past preflight: the session went on to the flows, which refuse this version themselves.
      expect(report.error).toMatchObject({ code: 'E_FLOW_NOT_APPLICABLE' });
      expect(r.stderr).toContain(`the phone has ${version} [E_FLOW_NOT_APPLICABLE]`);
      expect((await t.p.state()).posts).toEqual([]);
    });
  }

  it('a TikTok within the tested range: no warning', async () => {
    const t = await setUp('v-ok');
    const r = await t.p.backup(
      ['--dry-run', '--caps', '{"appium:simFaults":{"appVersion":"47.9.1"}}'],
      t.env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(onlyReport(t.home).preflight.find((c: { name: string }) => c.name === 'tiktok')).toMatchObject({
      status: 'ok',
      detail: "TikTok 47.9.1, within the flows' tested range",
    });
  });
});
