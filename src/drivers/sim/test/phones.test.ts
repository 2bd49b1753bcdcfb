/**
 * The public phone API (no Appium needed) and the phone store's safety: strict phone names, and
 * nothing deleted, read or written outside a phone's own folder, links included.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  inspectPhone,
  isValidPhoneName,
  listPhones,
  loadPhone,
  parsePhoneOptions,
  parseSimCaps,
  phoneExists,
  resetPhone,
  SimPhoneError,
} from '../api.js';
import { normalizePhonePath, PhonePathError, PhoneStore } from '../model/store.js';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'sim-phones-'));
  dirs.push(d);
  return d;
}

/** A data folder like draftvault's: phones in `<data>/sim`, precious things beside them. */
function dataFolder() {
  const data = tmp();
  const home = join(data, 'sim');
  mkdirSync(join(data, 'backups'), { recursive: true });
  writeFileSync(join(data, 'backups', 'keep.mp4'), 'precious');
  return { data, home, intact: () => readFileSync(join(data, 'backups', 'keep.mp4'), 'utf8') === 'precious' };
}

describe('phone names', () => {
  it('letters, digits, ".", "_", "-"; no leading dot, no separators, at most 64', () => {
    for (const ok of ['sim-1', 'demo', 'a.b', 'A_9', 'x'.repeat(64), '-x', 'phone..2'])
      expect(isValidPhoneName(ok), ok).toBe(true);
    for (const bad of ['..', '.', '.hidden', 'a/b', '/abs', 'a\\b', '', 'x'.repeat(65), 'é', 'a b', '../x'])
      expect(isValidPhoneName(bad), bad).toBe(false);
  });

  it('appium:simDevice and the options refuse them in their own words', () => {
    const caps = parseSimCaps({ automationName: 'DraftvaultSim', simDevice: '..' });
    expect(caps.ok).toBe(false);
    expect(!caps.ok && caps.problems).toEqual([
      'appium:simDevice must be 1 to 64 letters, digits, ".", "_" or "-", not starting with "."',
    ]);
    const opts = parsePhoneOptions({ name: '.hidden' });
    expect(!opts.ok && opts.problems[0]).toMatchObject({ option: 'name' });
  });

  it.each(['..', '.', '.hidden', 'a/b'])('resetPhone "%s" is refused and touches nothing', async (name) => {
    const { data, home, intact } = dataFolder();
    const err = await resetPhone(home, { name }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimPhoneError);
    expect((err as SimPhoneError).code).toBe('invalid-options');
    expect(intact()).toBe(true);
    expect(existsSync(home)).toBe(false);
    expect(existsSync(join(data, 'a'))).toBe(false);
    expect(() => inspectPhone(home, name)).toThrow(SimPhoneError);
    expect(phoneExists(home, name)).toBe(false);
  });
});

describe('phone API', () => {
  it('resets, lists, inspects and loads phones', async () => {
    const { home } = dataFolder();
    expect(listPhones(home)).toEqual([]);
    const a = await resetPhone(home, { name: 'b-phone', drafts: 2, posts: 1, profile: 'tiktok-47.0.3' });
    expect(a).toMatchObject({
      device: 'b-phone',
      profile: 'tiktok-47.0.3',
      locale: 'fr',
      app: { running: false, screen: 'launcher', popup: null },
      gallery: [],
    });
    expect(a.drafts.map((d) => d.id)).toEqual(['d2', 'd1']);
    expect(a.posts).toEqual([
      { id: 'old1', privacy: 'everyone', status: 'posted', fromDraft: null, caption: 'old video 1' },
    ]);
    await resetPhone(home, { name: 'a-phone', drafts: 0, platform: 'ios' });
    mkdirSync(join(home, 'not-a-phone'));
    expect(listPhones(home)).toEqual(['a-phone', 'b-phone']);
    expect(phoneExists(home, 'a-phone')).toBe(true);
    expect(phoneExists(home, 'nobody')).toBe(false);
    expect(inspectPhone(home, 'b-phone')).toEqual(a);
    expect(loadPhone(home, 'a-phone').platform).toBe('ios');
    const missing = (() => {
      try {
        return inspectPhone(home, 'nobody');
      } catch (e) {
        return e;
      }
    })();
    expect(missing).toMatchObject({ code: 'not-found' });
  });

  it('reports every invalid option by its option name', () => {
    const r = parsePhoneOptions({ name: 'p', drafts: -1, profile: 'tiktok-1.0', colour: 'red' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.option).sort()).toEqual(['', 'drafts', 'profile']);
  });
});

describe('phone store confinement', () => {
  it('a phone folder that is a link is never wiped through', async () => {
    const { data, home, intact } = dataFolder();
    mkdirSync(home);
    symlinkSync(join(data, 'backups'), join(home, 'linked'));
    const err = await resetPhone(home, { name: 'linked', drafts: 1 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'unsafe-path' });
    expect(intact()).toBe(true);
    expect(readlinkSync(join(home, 'linked'))).toBe(join(data, 'backups'));
  });

  it('a link inside a phone is removed with the phone, its target is not', async () => {
    const { data, home, intact } = dataFolder();
    await resetPhone(home, { name: 'p', drafts: 0 });
    mkdirSync(join(home, 'p', 'fs', 'sdcard'), { recursive: true });
    symlinkSync(join(data, 'backups'), join(home, 'p', 'fs', 'sdcard', 'Movies'));
    await resetPhone(home, { name: 'p', drafts: 0 });
    expect(intact()).toBe(true);
    expect(existsSync(join(home, 'p', 'fs', 'sdcard', 'Movies'))).toBe(false);
  });

  it('file operations never follow a link out of the phone', async () => {
    const { data, home, intact } = dataFolder();
    await resetPhone(home, { name: 'p', drafts: 0 });
    const store = PhoneStore.of(home, 'p');
    mkdirSync(join(store.fsRoot, 'sdcard'), { recursive: true });
    symlinkSync(join(data, 'backups'), join(store.fsRoot, 'sdcard', 'Movies'));
    symlinkSync(join(data, 'backups', 'keep.mp4'), join(store.fsRoot, 'sdcard', 'keep.mp4'));
    expect(() => store.deleteFile('/sdcard/Movies/keep.mp4')).toThrow(PhonePathError);
    expect(() => store.deleteFile('/sdcard/keep.mp4')).toThrow(PhonePathError);
    expect(() => store.readFile('/sdcard/keep.mp4')).toThrow(PhonePathError);
    expect(() => store.writeFile('/sdcard/Movies/new.mp4', Buffer.from('x'))).toThrow(PhonePathError);
    expect(() => store.list('/sdcard/Movies')).toThrow(PhonePathError);
    expect(intact()).toBe(true);
    expect(existsSync(join(data, 'backups', 'new.mp4'))).toBe(false);
  });

  it('deletes files only, never folders', async () => {
    const { home } = dataFolder();
    await resetPhone(home, { name: 'p', drafts: 0 });
    const store = PhoneStore.of(home, 'p');
    store.writeFile('/sdcard/DCIM/Camera/a.mp4', Buffer.from('a'));
    expect(() => store.deleteFile('/sdcard/DCIM/Camera')).toThrow(/is not a file/);
    expect(() => store.deleteFile('/')).toThrow(/is not a file/);
    expect(store.deleteFile('/sdcard/DCIM/Camera/a.mp4')).toBe(true);
    expect(store.deleteFile('/sdcard/DCIM/Camera/a.mp4')).toBe(false);
    expect(existsSync(join(store.fsRoot, 'sdcard', 'DCIM', 'Camera'))).toBe(true);
  });

  it('normalises phone paths before anything looks at them', () => {
    expect(normalizePhonePath('/sdcard/../../data/data/p/files/x')).toBe('/data/data/p/files/x');
    expect(normalizePhonePath('/storage/emulated/0/DCIM/./Camera/')).toBe('/sdcard/DCIM/Camera');
    expect(normalizePhonePath('/storage/self/primary')).toBe('/sdcard');
    expect(normalizePhonePath('/../..')).toBe('/');
    expect(() => normalizePhonePath('sdcard/x')).toThrow(PhonePathError);
    expect(() => PhoneStore.of('/tmp', '..')).toThrow(PhonePathError);
  });
});
