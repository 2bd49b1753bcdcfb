/**
 * Many phones in one run: four simulated phones from a devices file backed up in parallel by one
 * `backup --all-devices` on one embedded server, each session with its own ports, each phone with
 * its own folder, journal, lock and report. One phone goes away mid-run (the sim's vanishAfterPosts
 * fault, as a phone unplugged right after its second post): the other three complete, and the next
 * run of that phone finishes what it had started, posting and storing nothing twice. Bad input stops everything before a session.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phone } from '../helpers/backup.js';
import { runCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('dv-fleet-');
const PHONES = ['f1', 'f2', 'f3', 'f4'];

interface FleetJson {
  exitCode: number;
  runDir?: string;
  devices: {
    name: string;
    exitCode: number;
    error?: { code: string; message: string };
    backedUp?: number;
    found?: number;
    folder?: string;
    reportDir?: string;
    runDir?: string;
    ports: Record<string, number>;
  }[];
}

/** A devices file of the four phones; `vanish` gives f3 the fault that makes it go away. */
function devicesFile(home: string, vanish: boolean): string {
  const file = join(home, 'devices.yaml');
  const lines = PHONES.map(
    (n) =>
      `  - name: ${n}\n    platform: sim\n    account: "@${n}"` +
      (vanish && n === 'f3' ? `\n    capabilities: { "appium:simFaults": { vanishAfterPosts: 2 } }` : ''),
  );
  writeFileSync(file, `devices:\n${lines.join('\n')}\n`);
  return file;
}

describe('backup --all-devices: four phones in parallel', { timeout: 300_000 }, () => {
  it('backs up each into its own folder, journal and report; a phone removed mid-run resumes next time', async () => {
    const home = tmp();
    const phones = PHONES.map((n) => phone(home, n));
    for (const p of phones) expect((await p.reset(3)).code).toBe(0);
    const env = { ...phones[0]!.env, DRAFTVAULT_DEVICES: devicesFile(home, true) };
    const out = phones[0]!.out;

    const run = await runCli(['backup', '--all-devices', '--out', out, '--json'], env, 280_000);
    expect(run.code, run.stderr).toBe(1);
    const r = JSON.parse(run.stdout) as FleetJson;
    expect(r.devices.map((d) => d.name)).toEqual(PHONES);
    // One server for all four: its log is in the fleet's run folder, none in the devices' own.
    expect(existsSync(join(r.runDir!, 'appium.log'))).toBe(true);
    for (const d of r.devices.filter((x) => x.runDir))
      expect(existsSync(join(d.runDir!, 'appium.log'))).toBe(false);
    // Each session its own ports (the simulated phone refuses a clash, as UiAutomator2 does).
    const ports = r.devices.map((d) => d.ports['appium:systemPort']);
    expect(new Set(ports).size).toBe(4);
    expect(new Set(r.devices.map((d) => d.ports['appium:mjpegServerPort'])).size).toBe(4);

    const done = r.devices.filter((d) => d.name !== 'f3');
    for (const d of done) {
      expect(d, JSON.stringify(d)).toMatchObject({ exitCode: 0, found: 3, backedUp: 3 });
      expect(d.folder).toBe(join(out, d.name));
      expect(phones[PHONES.indexOf(d.name)]!.manifest().entries).toHaveLength(3);
      expect(existsSync(join(d.folder!, 'journal.jsonl'))).toBe(true);
      expect(JSON.parse(readFileSync(join(d.reportDir!, 'report.json'), 'utf8'))).toMatchObject({
        device: `sim:${d.name}`,
        exitCode: 0,
      });
    }
    expect(new Set(done.map((d) => d.reportDir)).size).toBe(3);
    const gone = r.devices.find((d) => d.name === 'f3')!;
    expect(gone.exitCode).not.toBe(0);
    // The run stopped at the draft it could not finish, and says why: the phone's own words.
    const goneReport = JSON.parse(readFileSync(join(gone.reportDir!, 'report.json'), 'utf8')) as {
      drafts: { status: string; reason?: string }[];
    };
    expect(goneReport.drafts.at(-1)).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/f3" is gone/),
    });
    const f3 = phones[2]!;
    const before = f3.manifest().entries.length;
    // Gone right after its second post: the first draft stored, the second posted, not stored.
    expect(before, 'f3 went away between its first and second draft').toBe(1);

    // Plugged in again: the next run finishes f3 from its journal; nothing twice.
    writeFileSync(env.DRAFTVAULT_DEVICES, readFileSync(devicesFile(home, false), 'utf8'));
    const again = await runCli(['backup', '--device', 'f3', '--out', out, '--json'], env, 200_000);
    expect(again.code, again.stderr).toBe(0);
    const entries = f3.manifest().entries;
    expect(entries).toHaveLength(3);
    expect(new Set(entries.map((e) => e.sha256)).size).toBe(3);
    const state = await f3.state();
    expect(state.drafts).toHaveLength(0);
    expect(state.posts).toHaveLength(3);
    for (const post of state.posts) expect(post.privacy).toBe('only_you');
    // The journal is f3's own: no other phone's marker in it.
    const journal = readFileSync(join(out, 'f3', 'journal.jsonl'), 'utf8');
    for (const other of done)
      for (const e of phones[PHONES.indexOf(other.name)]!.manifest().entries)
        expect(journal).not.toContain(e.marker);
  });

  it('bad input: exit 2 before any server or session (a bad device, the same phone twice, both selectors)', async () => {
    const home = tmp();
    const env = { DRAFTVAULT_HOME: home, DRAFTVAULT_DEVICES: join(home, 'devices.yaml') };
    writeFileSync(
      env.DRAFTVAULT_DEVICES,
      'devices:\n  - { name: a, platform: sim }\n  - { name: b, platform: sim, capabilities: { "appium:simProfile": "tiktok-1.0" } }\n',
    );
    const bad = await runCli(['backup', '--all-devices', '--out', join(home, 'out')], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/b: invalid simulator capabilities: appium:simProfile/);
    writeFileSync(
      env.DRAFTVAULT_DEVICES,
      'devices:\n  - { name: a, platform: sim }\n  - { name: b, platfrom: sim }\n',
    );
    const typo = await runCli(['backup', '--all-devices'], env);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(`${env.DRAFTVAULT_DEVICES}:3:16: unknown field "platfrom"`);
    expect(typo.stderr).toContain('did you mean "platform"?');
    writeFileSync(env.DRAFTVAULT_DEVICES, 'devices:\n  - { name: a, platform: sim, udid: x }\n');
    const twice = await runCli(['backup', '--device', 'a', '--device', 'sim:x'], env);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/"a" and "sim:x" are the same phone/);
    const both = await runCli(['backup', '--all-devices', '--device', 'a'], env);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/cannot be combined/);
    // Nothing started: no run folder, no backup folder, no lock, no simulated phone made.
    for (const dir of ['runs', 'out', 'devices', 'sim']) expect(existsSync(join(home, dir)), dir).toBe(false);
    expect(readdirSync(home).sort()).toEqual(['devices.yaml']);
  });
});
