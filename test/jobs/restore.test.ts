/**
 * Restore on simulated phones through the real CLI, embedded Appium and WebdriverIO: the caption
 * comes back from the manifest, onto the same phone or another one.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phone } from '../helpers/backup.js';
import { runCli } from '../helpers/proc.js';
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
