/** Where flows and jobs may read, write and delete: host confinement and the device path policy. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDevicePath, confineHostPath, isInside } from '../../src/core/paths.js';
import { isDraftvaultError } from '../../src/errors.js';
import { removeInside } from '../../src/jobs/folders.js';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isDraftvaultError(e) ? e.code : String(e);
  }
  return 'ok';
};

describe('host paths', () => {
  it('stay inside their root, symlinks followed', () => {
    const root = mkdtempSync(join(tmpdir(), 'dv-paths-'));
    mkdirSync(join(root, 'sub'));
    symlinkSync('/etc', join(root, 'sub', 'escape'));
    expect(confineHostPath('sub/a.txt', root, 'reads')).toBe(join(root, 'sub', 'a.txt'));
    expect(code(() => confineHostPath('/etc/hostname', root, 'reads'))).toBe('E_PATH_OUTSIDE');
    expect(code(() => confineHostPath('../x', root, 'reads'))).toBe('E_PATH_OUTSIDE');
    expect(code(() => confineHostPath('sub/../../x', root, 'reads'))).toBe('E_PATH_OUTSIDE');
    expect(code(() => confineHostPath('sub/escape/hostname', root, 'reads'))).toBe('E_PATH_OUTSIDE');
    expect(isInside(root, join(root, 'sub', 'not-yet', 'deep'))).toBe(true);
  });

  it('are deleted only inside the folder that owns them', () => {
    const root = mkdtempSync(join(tmpdir(), 'dv-rm-'));
    const owner = join(root, 'owner');
    mkdirSync(owner);
    writeFileSync(join(owner, 'x.partial'), 'x');
    writeFileSync(join(root, 'outside.txt'), 'keep');
    symlinkSync(root, join(owner, 'up'));
    removeInside(owner, join(owner, 'x.partial'));
    expect(code(() => removeInside(owner, owner))).toBe('E_INTERNAL');
    expect(code(() => removeInside(owner, join(owner, '..', 'outside.txt')))).toBe('E_INTERNAL');
    expect(code(() => removeInside(owner, join(owner, 'up', 'outside.txt')))).toBe('E_INTERNAL');
  });
});

describe('device paths', () => {
  it('are normalised, refuse "..", and stay strictly inside the media folders', () => {
    expect(checkDevicePath('/sdcard/DCIM/Camera/a.mp4')).toBe('/sdcard/DCIM/Camera/a.mp4');
    expect(checkDevicePath('/storage/emulated/0/Movies/a.mp4')).toBe('/sdcard/Movies/a.mp4');
    expect(checkDevicePath('/sdcard//Download/./a.mp4')).toBe('/sdcard/Download/a.mp4');
    for (const bad of [
      '/sdcard/../../data/data/com.zhiliaoapp.musically/files/drafts/1.mp4',
      '/sdcard/DCIM/../Android/data/x',
      '/data/data/com.zhiliaoapp.musically/x',
      '/sdcard/DCIM',
      '/sdcard/DCIM/',
      '/sdcard/Android/data/x',
      'sdcard/DCIM/a.mp4',
      '/sdcard/DCIM/a\0b',
      '/system/bin/sh',
    ]) {
      expect(
        code(() => checkDevicePath(bad)),
        bad,
      ).toBe('E_PATH_OUTSIDE');
    }
    expect(checkDevicePath('/sdcard/TikTok/a.mp4', ['/sdcard/TikTok'])).toBe('/sdcard/TikTok/a.mp4');
  });
});
