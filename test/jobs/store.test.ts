import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { encodeVideo } from 'draftvault-sim-driver/api';
import { describe, expect, it } from 'vitest';
import writeFileAtomic from 'write-file-atomic';
import { BackupStore, fileName } from '../../src/jobs/backup-store.js';
import { privateFolder } from '../../src/jobs/folders.js';

const meta = (marker: string) => ({
  marker,
  caption: `beach day ${marker}`,
  remotePath: '/sdcard/DCIM/Camera/x.mp4',
  via: 'save-to-device' as const,
  device: 'd',
});

/** The folder, created private the way the backup job does. */
function mk(d: string): string {
  privateFolder(d);
  return d;
}

describe('backup folder', () => {
  it('verifies a pulled file from disk, stores it atomically and privately, and never twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dv-store-'));
    const store = new BackupStore(mk(join(dir, 'd')), 'd');
    const video = await encodeVideo(7, 'store-test', 45);
    writeFileSync(store.partialPath('#dv1'), video.bytes);
    const e = await store.storeFile(store.partialPath('#dv1'), meta('#dv1'));
    expect(e).toMatchObject({
      n: 1,
      file: '001-beach-day-dv1.mp4',
      size: video.bytes.length,
      sha256: video.sha256,
      durationMs: 3000,
    });
    expect(statSync(join(store.dir, e.file)).mode & 0o777).toBe(0o600);
    // The same bytes under another marker: the existing entry, no second file.
    writeFileSync(store.partialPath('#dv2'), video.bytes);
    expect(await store.storeFile(store.partialPath('#dv2'), meta('#dv2'))).toEqual(e);
    expect(readdirSync(store.dir).sort()).toEqual(['001-beach-day-dv1.mp4', 'manifest.json']);
    // A truncated pull is refused and cleaned up.
    writeFileSync(store.partialPath('#dv3'), video.bytes.subarray(0, 300));
    await expect(store.storeFile(store.partialPath('#dv3'), meta('#dv3'))).rejects.toMatchObject({
      code: 'E_STEP_FAILED',
    });
    expect(existsSync(store.partialPath('#dv3'))).toBe(false);
    // verify catches a changed file; a reopened store reads the same manifest.
    expect((await new BackupStore(store.dir, 'd').verifyAll()).map((v) => v.ok)).toEqual([true]);
    const changed = Buffer.from(video.bytes);
    changed.writeUInt8(changed.readUInt8(changed.length - 1) ^ 1, changed.length - 1);
    writeFileSync(join(store.dir, e.file), changed);
    expect((await new BackupStore(store.dir, 'd').verifyAll())[0]).toMatchObject({
      ok: false,
      problem: 'sha256 differs from the manifest',
    });
  });

  it('names files readably and safely', () => {
    expect(fileName(7, 'Beach day! 🌊 #dvk3x9 #fun', '#dvk3x9')).toBe('007-beach-day-fun-dvk3x9.mp4');
    expect(fileName(12, '#dvzz', '#dvzz')).toBe('012-draft-dvzz.mp4');
  });
  it('cleans a manifest temp file left by a kill mid-write, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dv-store-'));
    const folder = mk(join(dir, 'd'));
    // The name write-file-atomic gives the temp file of manifest.json (its own function).
    const tmpName = (writeFileAtomic as unknown as { _getTmpname(f: string): string })._getTmpname;
    const stray = basename(tmpName(join(folder, 'manifest.json')));
    expect(stray).toMatch(/^manifest\.json\.\d+$/);
    const keep = ['manifest.json.bak', 'manifest.json.1.mp4', 'notes.manifest.json.12', '001-a-dv1.mp4'];
    for (const f of [stray, '.dv1.mp4.partial', ...keep]) writeFileSync(join(folder, f), 'x');
    // Outside the backup folder, the same pattern is left alone.
    writeFileSync(join(dir, 'manifest.json.123'), 'x');
    new BackupStore(folder, 'd').cleanPartials();
    expect(readdirSync(folder).sort()).toEqual([...keep].sort());
    expect(existsSync(join(dir, 'manifest.json.123'))).toBe(true);
  });
});
