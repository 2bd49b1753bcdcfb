/**
 * File commands on the simulated phone behave as on a phone without root, whatever the path
 * says: paths are normalised before they are checked, app-private storage is "Permission
 * denied" for the shell user, folders are not deleted as files, and nothing leaves the phone.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adbPull } from '../model/adb.js';
import { useSimServer } from './support/sim.js';
import { simState } from './support/walk.js';

const sim = useSimServer();
const PKG = 'com.zhiliaoapp.musically';
const sneaky = [
  `/sdcard/../../data/data/${PKG}/files/drafts/d1.mp4`,
  `/sdcard/DCIM/../../data/user/0/${PKG}/files/drafts/d1.mp4`,
  `/storage/emulated/0/../../../data/data/${PKG}/files/drafts/d1.mp4`,
  `/data/data/${PKG}/files/drafts/d1.mp4`,
];

describe('simulated phone file commands', () => {
  it('deleteFile, pullFile and pushFile refuse app-private paths, however they are spelt', async () => {
    const s = await sim.open('files-private', { simReset: true, simDrafts: 1 });
    const draft = join(sim.phones, 'files-private', 'fs', 'data', 'data', PKG, 'files', 'drafts', 'd1.mp4');
    expect(existsSync(draft)).toBe(true);
    for (const path of sneaky) {
      await expect(s.execute('mobile: deleteFile', { remotePath: path }), path).rejects.toThrow(
        /Permission denied/,
      );
      await expect(s.pullFile(path), path).rejects.toThrow(/Permission denied/);
      await expect(s.pushFile(path, Buffer.from('x').toString('base64')), path).rejects.toThrow(
        /Permission denied/,
      );
    }
    await expect(
      s.execute('mobile: shell', { command: 'ls', args: [`/sdcard/../data/data/${PKG}/files/drafts`] }),
    ).rejects.toThrow(/Permission denied/);
    expect(existsSync(draft)).toBe(true);
    expect((await simState(s)).drafts).toHaveLength(1);
  });

  it('deleteFile removes one shared-storage file, and refuses folders', async () => {
    const s = await sim.open('files-shared', { simReset: true, simDrafts: 0 });
    await s.pushFile('/sdcard/Movies/a.mp4', Buffer.from('a').toString('base64'));
    await s.pushFile('/data/local/tmp/b.mp4', Buffer.from('b').toString('base64'));
    expect(Buffer.from(await s.pullFile('/sdcard/DCIM/../Movies/a.mp4'), 'base64').toString()).toBe('a');
    await expect(s.execute('mobile: deleteFile', { remotePath: '/sdcard/Movies/' })).rejects.toThrow(
      /points to a file and not to a folder/,
    );
    await expect(s.execute('mobile: deleteFile', { remotePath: '/sdcard/Movies' })).rejects.toThrow(
      /is not a file/,
    );
    await expect(s.execute('mobile: deleteFile', { remotePath: '/sdcard/../..' })).rejects.toThrow(
      /is not a file/,
    );
    expect(await s.execute('mobile: deleteFile', { remotePath: '/storage/emulated/0/Movies/a.mp4' })).toBe(
      true,
    );
    expect(await s.execute('mobile: deleteFile', { remotePath: '/sdcard/Movies/a.mp4' })).toBe(false);
    expect(await s.execute('mobile: deleteFile', { remotePath: '/data/local/tmp/b.mp4' })).toBe(true);
    await expect(s.execute('mobile: deleteFile', { remotePath: 'sdcard/x.mp4' })).rejects.toThrow(
      /not an absolute path/,
    );
  });

  it('a session on a phone named "..", "." or ".hidden" is refused', async () => {
    for (const name of ['..', '.', '.hidden']) {
      await expect(sim.open(name, { simReset: true }), name).rejects.toThrow(/appium:simDevice must be/);
    }
    // No state was written for any of them: not in the phones' folder, its parent, or a hidden one.
    for (const dir of [sim.phones, join(sim.phones, '..'), join(sim.phones, '.hidden')])
      expect(existsSync(join(dir, 'state.json')), dir).toBe(false);
  });
});

describe('the simulated adb pull', () => {
  it('streams a shared-storage file to the computer (0600, same bytes) and refuses app-private paths', async () => {
    const s = await sim.open('files-adb', { simReset: true, simDrafts: 1 });
    const bytes = Buffer.from('not a video, but bytes all the same');
    await s.pushFile('/sdcard/DCIM/Camera/a.mp4', bytes.toString('base64'));
    await s.deleteSession();
    const dir = mkdtempSync(join(tmpdir(), 'adb-'));
    const local = join(dir, 'a.mp4');
    await adbPull(sim.phones, 'files-adb', '/storage/emulated/0/DCIM/Camera/a.mp4', local);
    expect(readFileSync(local)).toEqual(bytes);
    expect(statSync(local).mode & 0o777).toBe(0o600);
    for (const path of sneaky)
      await expect(adbPull(sim.phones, 'files-adb', path, join(dir, 'x')), path).rejects.toThrow(
        /Permission denied/,
      );
    expect(existsSync(join(dir, 'x'))).toBe(false);
    rmSync(dir, { recursive: true });
  });
});
