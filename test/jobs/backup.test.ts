/**
 * The backup job end to end on simulated phones, through the real CLI, embedded Appium and
 * WebdriverIO.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVideoFile } from '../../src/jobs/video-check.js';
import { phone } from '../helpers/backup.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

interface Report {
  found: number;
  backedUp: number;
  failed: number;
  skipped: number;
  folder: string;
  drafts: { status: string; file?: string; sha256?: string; size?: number; reason?: string }[];
}

describe('draftvault backup', { timeout: 300_000 }, () => {
  it('12 drafts → 12 verified files and a manifest; no drafts left; 12 private posts; none public', async () => {
    const p = phone(tmp(), 'twelve');
    expect((await p.reset(12)).code).toBe(0);
    const before = await p.state();
    const r = await p.backup();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report).toMatchObject({ found: 12, backedUp: 12, failed: 0, skipped: 0, folder: p.folder });
    const m = p.manifest();
    expect(m.entries).toHaveLength(12);
    // Every draft's video is in the folder, byte for byte, exactly once.
    expect(m.entries.map((e) => e.sha256).sort()).toEqual(before.drafts.map((d) => d.sha256).sort());
    for (const e of m.entries) {
      const path = join(p.folder, e.file);
      expect(await checkVideoFile(path)).toMatchObject({ ok: true, sha256: e.sha256, size: e.size });
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    expect(statSync(p.folder).mode & 0o777).toBe(0o700);
    expect(readdirSync(p.folder).filter((f) => f.endsWith('.mp4'))).toHaveLength(12);
    const after = await p.state();
    expect(after.drafts).toHaveLength(0);
    expect(after.posts).toHaveLength(12);
    expect(after.posts.filter((x) => x.privacy !== 'only_you')).toEqual([]);
    // Each post carries its marker, and each marker is in the manifest.
    for (const e of m.entries) expect(after.posts.some((x) => x.caption.includes(e.marker))).toBe(true);
    const verify = await runVerify(p);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/12 of 12 videos verified/);
  });

  it('with random pop-ups, one upload failure and one app crash, every draft ends up backed up', async () => {
    const p = phone(tmp(), 'faults');
    await p.reset(6);
    const caps = JSON.stringify({
      'appium:simFaults': { popupRate: 0.15, uploadFailures: 1, crashOnPost: 3 },
    });
    const r = await p.backup(['--caps', caps]);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.failed, JSON.stringify(report.drafts)).toBe(0);
    expect(r.code).toBe(0);
    expect(report.backedUp).toBe(6);
    expect(report.drafts.filter((d) => d.status === 'abandoned').map((d) => d.reason)).toEqual([
      'upload failed; the draft will be backed up again',
    ]);
    const st = await p.state();
    expect(st.drafts).toHaveLength(0);
    expect(st.posts.map((x) => x.privacy)).toEqual(Array(6).fill('only_you'));
    expect(p.manifest().entries).toHaveLength(6);
  });

  it('a pop-up no watcher knows, over the profile, costs an app restart, not the run', async () => {
    const p = phone(tmp(), 'unknown-popup');
    await p.reset(1);
    const r = await p.backup(['--caps', JSON.stringify({ 'appium:simFaults': { unknownPopup: 1 } })]);
    expect(r.code, r.stderr).toBe(0);
    expect(p.manifest().entries).toHaveLength(1);
    expect((await p.state()).posts.map((x) => x.privacy)).toEqual(['only_you']);
  });

  it('--dry-run walks every draft and posts nothing', async () => {
    const p = phone(tmp(), 'dry');
    await p.reset(3);
    const r = await p.backup(['--dry-run']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.drafts.map((d) => d.status)).toEqual(['would-back-up', 'would-back-up', 'would-back-up']);
    const st = await p.state();
    expect(st.drafts).toHaveLength(3);
    expect(st.posts).toHaveLength(0);
    expect(st.gallery).toHaveLength(0);
  });

  it('--cleanup-device and --delete-private-post remove the phone copies only after a verified backup', async () => {
    const p = phone(tmp(), 'clean');
    await p.reset(2);
    const r = await p.backup(['--cleanup-device', '--delete-private-post']);
    expect(r.code).toBe(0);
    expect(p.manifest().entries).toHaveLength(2);
    const st = await p.state();
    expect(st.gallery).toEqual([]);
    expect(st.posts).toEqual([]);
    const journal = readFileSync(join(p.folder, 'journal.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; marker: string; what?: string });
    for (const m of new Set(journal.map((e) => e.marker))) {
      const types = journal
        .filter((e) => e.marker === m)
        .map((e) => (e.what ? `${e.type}:${e.what}` : e.type));
      expect(types).toEqual([
        'intent-post',
        'posted',
        'located',
        'stored',
        'recorded',
        'intent-delete:gallery',
        'cleaned:gallery',
        'intent-delete:post',
        'cleaned:post',
      ]);
    }
  });

  it('--limit backs up only that many', async () => {
    const p = phone(tmp(), 'limit');
    await p.reset(3);
    const report = JSON.parse((await p.backup(['--limit', '1'])).stdout) as Report;
    expect(report.backedUp).toBe(1);
    expect((await p.state()).drafts).toHaveLength(2);
  });
});

function runVerify(p: ReturnType<typeof phone>) {
  return import('../helpers/proc.js').then(({ runCli }) =>
    runCli(['verify', '--device', `sim:${p.folder.split('/').pop()}`, '--out', p.out], p.env),
  );
}
