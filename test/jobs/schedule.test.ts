/**
 * `schedule install|remove|status` into a temporary home: HOME, XDG_* and PATH point at it, with
 * stand-in `systemctl` and `crontab` programs that log what they are asked (the real system is
 * never touched). The units are checked by systemd's own parser (`systemd-analyze verify`), the
 * crontab line's time by croner.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { localTime } from '../../src/jobs/reports/html.js';
import { BIN, type CliResult } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('dv-sched-');
const ANALYZE = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => existsSync(p));
if (!ANALYZE)
  console.warn('schedule tests: systemd-analyze is missing, the unit files are NOT verified by systemd');

/** A temporary home (with a space and a % in its path) and stand-ins for systemctl and crontab. */
/** `draftvault ...args` in `cwd` (the units record the working directory they were installed from). */
function cli(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let homes = 0;
function fakeHome(o: { systemd: boolean; crontab: boolean; crontabFails?: boolean }) {
  const home = join(tmp(), String(++homes), 'user home 100%');
  const bin = join(home, 'bin');
  mkdirSync(bin, { recursive: true });
  mkdirSync(join(home, '.config'));
  mkdirSync(join(home, '.local', 'share'), { recursive: true });
  const log = join(home, 'calls.log');
  const table = join(home, 'crontab.txt');
  if (o.systemd !== undefined)
    writeFileSync(
      join(bin, 'systemctl'),
      `#!/bin/sh\necho "systemctl $*" >> '${log}'\n${o.systemd ? '[ "$2" = show ] && echo ActiveState=active\nexit 0' : 'echo "System has not been booted with systemd as init system (PID 1). Can\'t operate." >&2\nexit 1'}\n`,
    );
  if (o.crontab)
    writeFileSync(
      join(bin, 'crontab'),
      `#!/bin/sh\necho "crontab $*" >> '${log}'\n${o.crontabFails ? 'echo "crontab: permission denied" >&2; exit 1\n' : ''}case "$1" in\n  -l) [ -f '${table}' ] || { echo "no crontab for tester" >&2; exit 1; }; /bin/cat '${table}';;\n  -r) /bin/rm -f '${table}';;\n  -) /bin/cat > '${table}';;\nesac\n`,
    );
  for (const f of readdirSync(bin)) chmodSync(join(bin, f), 0o755);
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    PATH: bin,
    DRAFTVAULT_HOME: join(home, 'dv data'),
    DRAFTVAULT_CONFIG: '',
  };
  const units = join(home, '.config', 'systemd', 'user');
  return {
    home,
    env,
    units,
    table,
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []),
    tree: () => execFileSync('/usr/bin/find', [home, '-not', '-name', 'calls.log'], { encoding: 'utf8' }),
    cli: (args: string[]) => cli(args, env, home),
  };
}

describe('schedule with systemd (a user manager answers)', () => {
  it('install writes a timer and a service that systemd accepts, enables it; remove leaves no trace', async () => {
    const h = fakeHome({ systemd: true, crontab: false });
    const before = h.tree();
    const r = await h.cli(['schedule', 'install', '--device', 'sim:night', '--at', '02:45']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /installed a systemd user timer for sim:night, daily at 02:45 \(next: \d{4}-\d\d-\d\d 02:45:00\)/,
    );
    expect(r.stdout).toMatch(/loginctl enable-linger/);
    const timer = readFileSync(join(h.units, 'draftvault-backup-sim-night.timer'), 'utf8');
    const service = readFileSync(join(h.units, 'draftvault-backup-sim-night.service'), 'utf8');
    expect(timer).toMatch(/^OnCalendar=\*-\*-\* 02:45:00$/m);
    expect(timer).toMatch(/^Persistent=true$/m);
    expect(timer).toMatch(/^WantedBy=timers.target$/m);
    // Absolute paths, the data home and the working directory; % is doubled (a systemd specifier).
    expect(service).toMatch(
      new RegExp(`^ExecStart=${process.execPath} /\\S+/bin/draftvault\\.js backup --device sim:night$`, 'm'),
    );
    expect(service).toContain(`WorkingDirectory=${h.home.replace('%', '%%')}\n`);
    expect(service).toContain(`Environment="DRAFTVAULT_HOME=${h.env.DRAFTVAULT_HOME.replace('%', '%%')}"`);
    expect(h.calls()).toEqual([
      'systemctl --user show-environment',
      'systemctl --user daemon-reload',
      'systemctl --user enable --now draftvault-backup-sim-night.timer',
    ]);
    if (ANALYZE) {
      // systemd's own parser: bad calendar specs, specifiers and quoting fail it (exit 1).
      const runtime = join(tmp(), 'runtime');
      mkdirSync(runtime, { mode: 0o700 });
      execFileSync(
        ANALYZE,
        ['verify', 'draftvault-backup-sim-night.timer', 'draftvault-backup-sim-night.service'],
        {
          cwd: h.units,
          env: { ...process.env, XDG_RUNTIME_DIR: runtime },
        },
      );
    }

    const status = await h.cli(['schedule', 'status']);
    expect(status.stdout).toMatch(
      /sim:night: systemd, daily at 02:45, next \d{4}-\d\d-\d\d 02:45:00 \[systemd: active\]; no run yet/,
    );

    // systemd's record of the last run of a persistent timer goes too.
    const stamps = join(h.home, '.local', 'share', 'systemd', 'timers');
    mkdirSync(stamps, { recursive: true });
    writeFileSync(join(stamps, 'stamp-draftvault-backup-sim-night.timer'), '');
    const rm = await h.cli(['schedule', 'remove']);
    expect(rm.code, rm.stderr).toBe(0);
    expect(rm.stdout).toBe('removed the systemd timer of sim:night\n');
    expect(h.calls()).toContain('systemctl --user disable --now draftvault-backup-sim-night.timer');
    expect(h.calls().at(-1)).toBe('systemctl --user daemon-reload');
    expect(h.tree().replace(/\n.*dv data.*/g, '')).toBe(before);
    expect((await h.cli(['schedule', 'remove'])).stdout).toBe('no draftvault schedule to remove\n');
  });

  it('status: the next run of each schedule, and the last run’s result once one ran', async () => {
    const h = fakeHome({ systemd: true, crontab: false });
    for (const d of ['sim:night', 'sim:other'])
      expect((await h.cli(['schedule', 'install', '--device', d, '--at', '02:45'])).code).toBe(0);
    expect((await h.cli(['sim', 'reset', '--device', 'night', '--drafts', '1'])).code).toBe(0);
    const next = localTime(new Cron('45 2 * * *').nextRun()!.toISOString());
    const line = async (device: string) =>
      (await h.cli(['schedule', 'status'])).stdout.split('\n').find((l) => l.startsWith(`${device}:`));

    // The run the service would start, in the environment it was installed with.
    const ok = await h.cli(['backup', '--device', 'sim:night']);
    expect(ok.code, ok.stderr).toBe(0);
    const first = JSON.parse((await h.cli(['schedule', 'status', '--json'])).stdout);
    const night = first.find((x: { device: string }) => x.device === 'sim:night');
    expect(night).toMatchObject({
      method: 'systemd',
      at: '02:45',
      systemd: { ActiveState: 'active' },
      last: { result: 'ok', exitCode: 0, backedUp: 1, failed: 0 },
    });
    expect(localTime(night.next)).toBe(next);
    expect(existsSync(join(night.last.reportDir, 'report.html'))).toBe(true);
    expect(await line('sim:night')).toBe(
      `sim:night: systemd, daily at 02:45, next ${next} [systemd: active]; last run ${localTime(night.last.startedAt)}: ok (exit 0), 1 backed up, 0 failed`,
    );
    expect(await line('sim:other')).toMatch(/; no run yet$/);

    // The newest run counts: one stopped by preflight (TikTok missing) shows as not ready.
    const bad = await h.cli([
      'backup',
      '--device',
      'sim:night',
      '--caps',
      '{"appium:simFaults":{"notInstalled":true}}',
    ]);
    expect(bad.code).toBe(3);
    expect(await line('sim:night')).toMatch(
      new RegExp(
        `next ${next} \\[systemd: active\\]; last run \\S+ \\S+: not ready \\(exit 3\\), 0 backed up, 0 failed$`,
      ),
    );
  }, 120_000);

  it('--print shows the files and commands and changes nothing', async () => {
    const h = fakeHome({ systemd: true, crontab: false });
    const before = h.tree();
    const r = await h.cli(['schedule', 'install', '--print', '--device', 'android:R58M123', '--at', '23:59']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`# would write ${join(h.units, 'draftvault-backup-android-R58M123.timer')}`);
    expect(r.stdout).toMatch(/^OnCalendar=\*-\*-\* 23:59:00$/m);
    expect(r.stdout).toContain(
      '# would run: systemctl --user enable --now draftvault-backup-android-R58M123.timer',
    );
    expect(h.tree()).toBe(before);
    expect(h.calls()).toEqual(['systemctl --user show-environment']);
  });

  it('systemd refusing the timer leaves no unit behind (exit 3)', async () => {
    const h = fakeHome({ systemd: false, crontab: false });
    const r = await h.cli(['schedule', 'install', '--using', 'systemd', '--device', 'sim:x']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /systemctl --user daemon-reload failed: System has not been booted with systemd.*\[E_SCHEDULER_UNAVAILABLE\]/,
    );
    expect(r.stderr).toMatch(/hint: .*--using cron, or `draftvault daemon`/);
    expect(readdirSync(h.units)).toEqual([]);
  });
});

describe('schedule with cron (no systemd user manager)', () => {
  it('adds one line per device beside the user’s own, parsed by croner; remove takes only ours out', async () => {
    const h = fakeHome({ systemd: false, crontab: true });
    writeFileSync(h.table, '# my jobs\n15 1 * * * /usr/bin/true\n');
    const r = await h.cli(['schedule', 'install', '--device', 'sim:a', '--device', 'sim:b', '--at', '04:05']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/installed a crontab line for sim:a, daily at 04:05/);
    const lines = readFileSync(h.table, 'utf8').trim().split('\n');
    expect(lines.slice(0, 2)).toEqual(['# my jobs', '15 1 * * * /usr/bin/true']);
    const ours = lines.slice(2);
    expect(ours).toHaveLength(2);
    for (const line of ours) {
      const fields = line.split(' ');
      const next = new Cron(fields.slice(0, 5).join(' ')).nextRun(new Date(2026, 0, 1, 12, 0));
      expect(next).toEqual(new Date(2026, 0, 2, 4, 5));
      // Absolute paths, quoted for sh, % escaped for cron; the output to a log in the data home.
      expect(line).toContain(`exec '${process.execPath}' '`);
      expect(line).toContain("DRAFTVAULT_HOME='");
      expect(line).toContain('100\\%');
      expect(line).not.toMatch(/[^\\]%/);
      expect(line).toMatch(/>>'.*\/logs\/cron-sim-[ab]\.log' 2>&1 # draftvault-schedule: /);
    }
    // Installing again replaces, never duplicates.
    await h.cli(['schedule', 'install', '--device', 'sim:a', '--at', '05:00']);
    expect(readFileSync(h.table, 'utf8').match(/sim:a/g)).toHaveLength(2); // the --device word and the marker
    expect((await h.cli(['schedule', 'status'])).stdout).toMatch(
      /sim:a: cron, daily at 05:00, next .* 05:00:00; no run yet/,
    );

    expect((await h.cli(['schedule', 'remove', '--device', 'sim:a'])).stdout).toBe(
      'removed the crontab line of sim:a\n',
    );
    expect(readFileSync(h.table, 'utf8')).not.toContain('sim:a');
    await h.cli(['schedule', 'remove']);
    expect(readFileSync(h.table, 'utf8')).toBe('# my jobs\n15 1 * * * /usr/bin/true\n');
  });

  it('an empty table after remove is deleted (no trace); an unreadable table is never overwritten', async () => {
    const h = fakeHome({ systemd: false, crontab: true });
    await h.cli(['schedule', 'install', '--at', '03:00']);
    expect(readFileSync(h.table, 'utf8')).toMatch(/--device' 'sim:sim-1'/);
    await h.cli(['schedule', 'remove']);
    expect(existsSync(h.table)).toBe(false);
    expect(h.calls().at(-1)).toBe('crontab -r');

    const bad = fakeHome({ systemd: false, crontab: true, crontabFails: true });
    const r = await bad.cli(['schedule', 'install']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/crontab -l failed: crontab: permission denied \[E_SCHEDULER_UNAVAILABLE\]/);
    expect(bad.calls()).toEqual(['systemctl --user show-environment', 'crontab -l']);
  });

  it('seconds are refused for cron, and neither systemd nor cron is a clear exit 3', async () => {
    const h = fakeHome({ systemd: false, crontab: true });
    const r = await h.cli(['schedule', 'install', '--at', '03:00:30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /--at "03:00:30" is not a time of day \[E_USAGE\]\n {2}hint: .*cron runs on whole minutes/,
    );
    const none = fakeHome({ systemd: false, crontab: false });
    const n = await none.cli(['schedule', 'install']);
    expect(n.code).toBe(3);
    expect(n.stderr).toMatch(/neither a systemd user manager nor cron is here.*\n.*draftvault daemon/);
  });
});
