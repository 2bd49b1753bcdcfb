/**
 * Restore on simulated phones through the real CLI, embedded Appium and WebdriverIO: the caption
 * comes back from the manifest, onto the same phone or another one.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeVideo } from 'draftvault-sim-driver/api';
import { describe, expect, it } from 'vitest';
import { naiveSelectors } from '../fidelity/support.js';
import { phone } from '../helpers/backup.js';
import { ROOT, runCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

describe('restore puts the caption back', { timeout: 300_000 }, () => {
  it('back up, restore: the new draft has the original caption, without the #dv marker', async () => {
    const p = phone(tmp(), 'cap');
    await p.reset(2);
    const before = await p.state();
    expect((await p.backup()).code).toBe(0);
    const entry = p.manifest().entries[0]!;
    expect(entry.caption).toContain(entry.marker);
    const original = before.drafts.find((d) => d.sha256 === entry.sha256)!.caption;
    const r = await runCli(['restore', join(p.folder, entry.file), '--device', 'sim:cap', '--json'], p.env);
    expect(r.code, r.stderr).toBe(0);
    const st = await p.state();
    expect(st.drafts).toHaveLength(1);
    expect(st.drafts[0]).toMatchObject({ sha256: entry.sha256, caption: original });
  });
});

describe('restore onto another phone', { timeout: 300_000 }, () => {
  it('a backup of one simulated phone restores onto another, caption included', async () => {
    const home = tmp();
    const a = phone(home, 'phone-a');
    const b = phone(home, 'phone-b');
    await a.reset(1);
    await b.reset(0, ['--seed', '9']);
    const original = (await a.state()).drafts[0]!;
    expect((await a.backup()).code).toBe(0);
    const entry = a.manifest().entries[0]!;
    expect((entry as { device?: string }).device).toContain('phone-a');
    const r = await runCli(
      ['restore', join(a.folder, entry.file), '--device', 'sim:phone-b', '--json'],
      a.env,
    );
    expect(r.code, r.stderr).toBe(0);
    const st = await b.state();
    expect(st.drafts).toEqual([
      expect.objectContaining({ sha256: original.sha256, caption: original.caption }),
    ]);
    // The source phone is untouched by the restore.
    expect((await a.state()).drafts).toEqual([]);
  });
});

describe('restore onto an iPhone that copies the file but does not add it to Photos', {
  timeout: 300_000,
}, () => {
  it('stops with the reason, makes no draft and leaves no copy on the phone', async () => {
    const home = tmp();
    const a = phone(home, 'src');
    await a.reset(1);
    expect((await a.backup()).code).toBe(0);
    const entry = a.manifest().entries[0]!;
    // The variant of a real iPhone's AFC copy (src/drivers/sim/variants.ts iosPush): Photos does not list it.
    const caps = JSON.stringify({ 'appium:simVariants': { iosPush: 'file-only' } });
    const r = await runCli(
      ['restore', join(a.folder, entry.file), '--device', 'sim-ios:ip', '--caps', caps, '--json'],
      a.env,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/the video reached the iPhone but Photos did not import it/);
    const ip = phone(home, 'ip');
    const st = await ip.state();
    expect(st.drafts.map((d) => d.sha256)).not.toContain(entry.sha256);
    const pushed = join(home, 'sim', 'ip', 'fs', 'var', 'mobile', 'Media', 'Downloads');
    expect(existsSync(pushed) ? readdirSync(pushed) : []).toEqual([]);
  });
});

describe('restore --one-draft', { timeout: 300_000 }, () => {
  it('three files make one draft whose clips are the three files, in the order given', async () => {
    const home = tmp();
    const a = phone(home, 'multi-src');
    const b = phone(home, 'multi-dst');
    await a.reset(3);
    await b.reset(0, ['--seed', '5']);
    const originals = (await a.state()).drafts;
    expect((await a.backup()).code).toBe(0);
    const e = a.manifest().entries;
    expect(e).toHaveLength(3);
    const order = [e[2]!, e[0]!, e[1]!]; // not the backup's order: the given one must win
    const r = await runCli(
      [
        'restore',
        ...order.map((x) => join(a.folder, x.file)),
        '--one-draft',
        '--device',
        'sim:multi-dst',
        '--json',
      ],
      a.env,
    );
    expect(r.code, r.stderr).toBe(0);
    const drafts = (await b.state()).drafts;
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.clips).toEqual(order.map((x) => x.sha256));
    // The first file's caption, without the marker.
    expect(drafts[0]!.caption).toBe(originals.find((d) => d.sha256 === order[0]!.sha256)!.caption);
  });
});

describe('restore on an iPhone: the Photos alert', { timeout: 300_000 }, () => {
  it('naive watchers (none for the Photos alert) leave it up and the restore fails; the shipped flows allow it and deny notifications', async () => {
    const home = tmp();
    const env = { DRAFTVAULT_HOME: home };
    const clip = join(home, 'clip.mp4');
    writeFileSync(clip, (await encodeVideo(81, 'ios-alert')).bytes);
    const caps = JSON.stringify({ 'appium:simPermissions': { media: 'ask', notifications: 'ask' } });
    // The shipped flows with the watchers flows had before the iPhone's alerts were modelled.
    const naive = join(home, 'flows');
    cpSync(join(ROOT, 'flows', 'tiktok'), naive, { recursive: true });
    writeFileSync(join(naive, 'selectors.yaml'), readFileSync(naiveSelectors()));
    const bad = await runCli(
      ['restore', clip, '--device', 'sim-ios:naive', '--flows', naive, '--caps', caps, '--json'],
      env,
    );
    expect(bad.code).toBe(1);
    const n = await phone(home, 'naive').state();
    expect(n.drafts).toHaveLength(5); // the new phone's own drafts, none added
    const ok = await runCli(['restore', clip, '--device', 'sim-ios:shipped', '--caps', caps, '--json'], env);
    expect(ok.code, ok.stdout).toBe(0);
    // The phone's own state file (the summary leaves permissions out).
    const st = JSON.parse(readFileSync(join(home, 'sim', 'shipped', 'state.json'), 'utf8')) as {
      permissions: Record<string, string>;
    };
    expect(st.permissions).toMatchObject({ media: 'granted', notifications: 'denied' });
    expect((await phone(home, 'shipped').state()).drafts).toHaveLength(6);
  });
});
