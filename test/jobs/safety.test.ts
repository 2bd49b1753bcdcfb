/**
 * Never publish publicly, never a side effect on bad input; restore round trip.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phone } from '../helpers/backup.js';
import { ROOT, runCli, startCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

/** A copy of the shipped flows with set-private.yaml replaced. */
function editedFlows(dir: string, setPrivateSteps: string): string {
  const flows = join(dir, 'flows');
  cpSync(join(ROOT, 'flows', 'tiktok'), flows, { recursive: true });
  writeFileSync(join(flows, 'set-private.yaml'), `name: set-private\nsteps:\n${setPrivateSteps}`);
  return flows;
}

describe('the privacy interlock in the backup job', { timeout: 300_000 }, () => {
  it('a flow edited to skip "Only you": every draft is skipped and reported, nothing is posted', async () => {
    const home = tmp();
    const p = phone(home, 'edited');
    await p.reset(2);
    const flows = editedFlows(home, '  - log: "privacy step removed"\n');
    const r = await p.backup(['--flows', flows]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { skipped: number; drafts: { status: string; code?: string }[] };
    expect(report.skipped).toBe(2);
    expect(report.drafts.map((d) => [d.status, d.code])).toEqual([
      ['skipped', 'E_PRIVACY_UNPROVEN'],
      ['skipped', 'E_PRIVACY_UNPROVEN'],
    ]);
    const st = await p.state();
    expect(st.posts).toEqual([]);
    expect(st.drafts).toHaveLength(2);
  });

  it('"privacy does not stick" with a flow that does not check: refused, not posted', async () => {
    const home = tmp();
    const p = phone(home, 'nostick');
    await p.reset(1);
    const flows = editedFlows(
      home,
      '  - tap: { selector: post.privacyRow, until: privacy.onlyYou }\n  - tap: privacy.onlyYou\n',
    );
    const r = await p.backup([
      '--flows',
      flows,
      '--caps',
      JSON.stringify({ 'appium:simFaults': { privacyNotStick: 5 } }),
    ]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { skipped: number }).skipped).toBe(1);
    expect((await p.state()).posts).toEqual([]);
  });

  it('"privacy does not stick" with the shipped flows: they retry until it sticks', async () => {
    const p = phone(tmp(), 'stick');
    await p.reset(1);
    const r = await p.backup(['--caps', JSON.stringify({ 'appium:simFaults': { privacyNotStick: 2 } })]);
    expect(r.code).toBe(0);
    expect((await p.state()).posts.map((x) => x.privacy)).toEqual(['only_you']);
  });
});

describe('bad input: a clear message, exit 2 or 3, nothing posted, no session', { timeout: 120_000 }, () => {
  it('unknown device, unwritable folder, corrupt manifest, flows with errors', async () => {
    const home = tmp();
    const p = phone(home, 'bad');
    await p.reset(1);
    const notADir = join(home, 'file.txt');
    writeFileSync(notADir, 'x');
    const broken = join(home, 'broken-flows');
    cpSync(join(ROOT, 'flows', 'tiktok'), broken, { recursive: true });
    writeFileSync(join(broken, 'post.yaml'), 'name: post\nsteps:\n  - tapp: post.post\n');
    const corruptOut = join(home, 'corrupt');
    mkdirSync(join(corruptOut, 'bad'), { recursive: true });
    writeFileSync(
      join(corruptOut, 'bad', 'manifest.json'),
      '{"version": 1, "device": "bad", "entries": [ {"n": 1 ',
    );
    const cases: [string[], number, RegExp][] = [
      [['backup', '--device', 'sim:bad name'], 2, /invalid simulated phone name/],
      [
        ['backup', '--device', 'sim:bad', '--out', join(notADir, 'sub')],
        2,
        /file\.txt is a file, not a folder/,
      ],
      [['backup', '--device', 'sim:bad', '--out', corruptOut], 2, /manifest .* is not valid JSON/],
      [['backup', '--device', 'sim:bad', '--flows', broken], 2, /post\.yaml:3:5: unknown step "tapp"/],
      // With adb: the phone is not connected; without adb (a fresh machine): adb is named.
      [
        ['backup', '--device', 'android:NO_SUCH_PHONE', '--out', join(home, 'o')],
        3,
        /Android|adb is not installed/,
      ],
      [['restore', join(home, 'file.txt'), '--device', 'sim:bad'], 2, /not a usable video/],
    ];
    for (const [args, code, msg] of cases) {
      const r = await runCli(args, p.env);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(code);
      expect(r.stderr).toMatch(msg);
    }
    const st = await p.state();
    expect(st.posts).toEqual([]);
    expect(st.drafts).toHaveLength(1);
    // The exit-2 cases started nothing; only the Android attempt (exit 3) may have got as far as a
    // run folder (with adb installed it tries a session; without, preflight stops it before).
    const runsDir = join(home, 'runs');
    const runs = existsSync(runsDir) ? readdirSync(runsDir) : [];
    expect(runs.length).toBeLessThanOrEqual(1);
    expect(runs.filter((n) => !n.endsWith('-backup'))).toEqual([]);
  });
});

describe('restore', { timeout: 300_000 }, () => {
  it('round trip: back up, restore one file, the drafts count rises by one and its video is that file', async () => {
    const p = phone(tmp(), 'round');
    await p.reset(2);
    expect((await p.backup()).code).toBe(0);
    const entry = p.manifest().entries[0]!;
    const r = await runCli(['restore', join(p.folder, entry.file), '--device', 'sim:round', '--json'], p.env);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as {
      results: { ok: boolean; draftsBefore: number; draftsAfter: number }[];
    };
    expect(res.results).toEqual([expect.objectContaining({ ok: true, draftsBefore: 0, draftsAfter: 1 })]);
    const st = await p.state();
    expect(st.drafts).toHaveLength(1);
    expect(st.drafts[0]!.sha256).toBe(entry.sha256);
  });
});

describe('hostile flow edits in the backup job', { timeout: 300_000 }, () => {
  for (const [name, post] of [
    ['longPress on Post', '  - longPress: post.post\n'],
    ['a 10% swipe on Post', '  - swipe: { direction: up, on: post.post, distance: 0.1 }\n'],
    ['a tap at its coordinates', '  - tap: { point: "74%,93%" }\n'],
  ] as const) {
    it(`set-private only logs and post.yaml uses ${name}: skipped, nothing posted`, async () => {
      const home = tmp();
      const p = phone(home, 'hostile');
      await p.reset(1);
      const flows = editedFlows(home, '  - log: "privacy step removed"\n');
      writeFileSync(join(flows, 'post.yaml'), `name: post\nsteps:\n${post}`);
      const r = await p.backup(['--flows', flows]);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout) as { drafts: { status: string; code?: string }[] };
      expect(report.drafts.map((d) => [d.status, d.code])).toEqual([['skipped', 'E_PRIVACY_UNPROVEN']]);
      expect(report.drafts.some((d) => d.status === 'backed-up')).toBe(false);
      expect((await p.state()).posts).toEqual([]);
    });
  }

  it('a watcher in selectors.yaml that taps Post: refused, nothing posted', async () => {
    const home = tmp();
    const p = phone(home, 'watcher');
    await p.reset(1);
    const flows = editedFlows(home, '  - log: "privacy step removed"\n');
    const sel = join(flows, 'selectors.yaml');
    writeFileSync(
      sel,
      `${readFileSync(sel, 'utf8')}  - name: sneaky\n    selector: post.post\n    action: tap\n`,
    );
    // A step that misses on the post screen makes the runner consult the watchers.
    writeFileSync(
      join(flows, 'post.yaml'),
      'name: post\nsteps:\n  - waitFor: { visible: { text: "not there" }, timeout: 2s }\n',
    );
    const r = await p.backup(['--flows', flows]);
    expect(r.code).toBe(1);
    expect((await p.state()).posts).toEqual([]);
  });
});

describe('the backup folder', { timeout: 300_000 }, () => {
  it('one backup at a time: a second run on the same folder exits 4 and touches nothing', async () => {
    const home = tmp();
    const p = phone(home, 'busy');
    await p.reset(1);
    const first = await startCli(
      ['backup', '--device', 'sim:busy', '--out', p.out, '--caps', '{"appium:simLatencyMs":100}'],
      p.env,
      /drafts left/,
    );
    const second = await runCli(['backup', '--device', 'sim:busy', '--out', p.out], p.env);
    expect(second.code, second.stderr).toBe(4);
    expect(second.stderr).toMatch(/is in use by another draftvault run \(backup of sim:busy, pid \d+/);
    expect(second.stderr).toContain('[E_LOCKED]');
    expect(readdirSync(join(home, 'runs')), 'the second run started nothing').toHaveLength(1);
    expect(await new Promise((r) => first.child.on('exit', r))).toBe(0);
    expect((await p.state()).posts.map((x) => x.privacy)).toEqual(['only_you']);
  });

  it('an existing folder that is too open is tightened to 0700 (and said so), its files to 0600', async () => {
    const home = tmp();
    const p = phone(home, 'loose');
    await p.reset(1);
    mkdirSync(p.folder, { recursive: true, mode: 0o755 });
    chmodSync(p.folder, 0o755);
    writeFileSync(join(p.folder, 'notes.txt'), 'mine', { mode: 0o644 });
    const r = await p.backup();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/tightened permissions: .*loose \(was 755\)/);
    expect(statSync(p.folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(p.folder, 'notes.txt')).mode & 0o777).toBe(0o600);
    for (const f of readdirSync(p.folder).filter((f) => f.endsWith('.mp4')))
      expect(statSync(join(p.folder, f)).mode & 0o777).toBe(0o600);
  });

  it('a 2 MiB flow is refused at the default 1 MiB limit before anything starts', async () => {
    const home = tmp();
    const p = phone(home, 'big');
    await p.reset(1);
    const flows = editedFlows(home, '  - log: ok\n');
    writeFileSync(
      join(flows, 'post.yaml'),
      `name: post\nsteps:\n  - log: "${'x'.repeat(2 * 1024 * 1024)}"\n`,
    );
    const r = await p.backup(['--flows', flows]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/post\.yaml is \d+ bytes, over the limit of 1048576 \[E_BAD_FILE\]/);
    expect(existsSync(join(home, 'runs'))).toBe(false);
  });
});
