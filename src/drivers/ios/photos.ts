/**
 * The Photos library of an iPhone through appium-xcuitest-driver's file commands, for the backup
 * ("Save to device" adds the video to Photos) and the restore (TikTok's picker shows Photos).
 *
 * What the driver offers (lib/commands/file-movement.ts, 12.x): `pullFile` / `pushFile` with a
 * path that has no `@<bundle id>` prefix go, on a real device, to the AFC service of the media
 * partition (`/var/mobile/Media`: `DCIM/100APPLE/IMG_0001.MOV`, ...), and on an iOS Simulator
 * a pushed file is added to Photos (`addMedia`). The driver's guide (docs/guides/file-transfer.md)
 * says that format is for simulators only: the two disagree, and nothing of it has run on a real
 * iPhone here (README, "Running on an iPhone"). The driver has no listing command, and pulling the
 * whole DCIM folder (a zip) would copy the camera roll; instead the library's own counter tells
 * the newest item: `PhotoData/MISC/DCIM_APPLE.plist`, keys `DCIMLastDirectoryNumber` and
 * `DCIMLastFileNumber`, written by Photos each time it names a new file (PhotoLibraryServices,
 * `PLSimpleDCIMDirectory _saveUserInfo`; older systems kept `DCIM/.MISC/Info.plist`, keys
 * `LastFileGroupNumber…`, which Photos migrates: read as a fallback).
 */
import { DraftvaultError } from '../../errors.js';
import { pullToFile } from '../session-files.js';
import type { DeviceIO, DeviceIOContext, MediaFolders, StorageReading } from '../types.js';

/** The folders of the media partition the jobs use on an iPhone. */
export const IOS_MEDIA: MediaFolders = {
  // Photos' own folders (100APPLE, 101APPLE, ...): read only, one file at a time.
  saved: '/DCIM',
  // Where a restored video is pushed; on a simulator the driver adds it to Photos from there.
  restore: '/Downloads',
  roots: ['/DCIM', '/Downloads'],
  noCleanup:
    'on an iPhone a saved video is an item of the Photos library: a file deleted under DCIM would stay ' +
    'in Photos as a broken item, so delete the saved copies in the Photos app',
};

/** Free space on an iPhone: the XCUITest driver offers no reading of it (no shell, no df). */
export const IOS_STORAGE: StorageReading = { how: 'not readable through XCUITest (no shell on an iPhone)' };

/** Where Photos keeps its counter (current systems), and the older place it migrates from. */
export const PHOTOS_COUNTER = '/PhotoData/MISC/DCIM_APPLE.plist';
export const PHOTOS_COUNTER_OLD = '/DCIM/.MISC/Info.plist';

/** The newest item Photos has named: its folder number (100 = `100APPLE`) and file number. */
export interface PhotosCounter {
  dir: number;
  file: number;
}

/** Parse a counter plist (XML or binary); undefined when it holds no counter. */
export async function parseCounter(bytes: Buffer): Promise<PhotosCounter | undefined> {
  // appium/support loads much of Appium: only when an iPhone's library is read.
  const { plist } = await import('appium/support.js');
  const data = plist.parsePlist(bytes) as Record<string, unknown>;
  const dir = Number(data.DCIMLastDirectoryNumber);
  const file = Number(data.DCIMLastFileNumber);
  if (Number.isInteger(dir) && Number.isInteger(file) && dir >= 100) return { dir, file };
  // The old plist: LastFileGroupNumber<dir> → <file> (Photos takes the highest group).
  let best: PhotosCounter | undefined;
  for (const [k, v] of Object.entries(data)) {
    const m = /^LastFileGroupNumber(\d{3})$/.exec(k);
    if (m && (!best || Number(m[1]) > best.dir)) best = { dir: Number(m[1]), file: Number(v) };
  }
  return best;
}

/**
 * The name, under `/DCIM`, of the item a counter points at. Videos another app adds keep their
 * container's extension (TikTok saves MP4: INFERRED, no iOS capture shows it).
 */
export function counterName(c: PhotosCounter): string {
  return `${c.dir}APPLE/IMG_${String(c.file).padStart(4, '0')}.MP4`;
}

/** File access to the Photos library of the iPhone behind the session. */
export function photosIO(ctx: DeviceIOContext): DeviceIO {
  const s = ctx.session;
  async function read(path: string): Promise<Buffer | undefined> {
    try {
      return Buffer.from(await s.pullFile(path), 'base64');
    } catch (err) {
      // The driver's words for a missing item (real device: AFC's OBJECT_NOT_FOUND).
      if (/does not exist|OBJECT_NOT_FOUND|No such file/i.test(String((err as Error).message)))
        return undefined;
      throw new DraftvaultError('E_DEVICE_UNAVAILABLE', `cannot read ${path} on the iPhone`, {
        hint: 'check that the iPhone is still connected and unlocked, then run again',
        cause: err,
      });
    }
  }
  async function counter(): Promise<PhotosCounter | undefined> {
    for (const p of [PHOTOS_COUNTER, PHOTOS_COUNTER_OLD]) {
      const bytes = await read(p);
      if (bytes) return parseCounter(bytes);
    }
    return undefined; // an empty library has no counter yet
  }
  return {
    /** The library's newest item, by its counter: the backup compares it before and after Post. */
    async list(dir) {
      if (dir !== IOS_MEDIA.saved) return [];
      const c = await counter();
      return c ? [counterName(c)] : [];
    },
    pull: (remote, local) => pullToFile(s, remote, local),
    async push(remote, bytes) {
      const before = await counter();
      await s.pushFile(remote, bytes.toString('base64'));
      const after = await counter();
      // Photos names every item it imports: an unchanged counter means the file is on the phone
      // but not in the library, where TikTok's picker looks.
      if (after && (!before || after.dir !== before.dir || after.file !== before.file)) return;
      await s.execute('mobile: deleteFile', { remotePath: remote }).catch(() => undefined);
      throw new DraftvaultError(
        'E_DEVICE_UNAVAILABLE',
        'the video reached the iPhone but Photos did not import it',
        {
          hint:
            'on this iPhone the driver copies files without adding them to Photos: add the video to Photos ' +
            'yourself (AirDrop, Finder sync), then make the draft from it in TikTok',
        },
      );
    },
    async delete(remote) {
      throw new DraftvaultError('E_CONFIG', `draftvault does not delete ${remote} on an iPhone`, {
        hint: 'a file removed under DCIM stays in Photos as a broken item: delete saved copies in the Photos app',
      });
    },
    /** TikTok's version from its Info.plist, through `mobile: listApps` (user apps). */
    async appVersion(appId) {
      try {
        const apps = (await s.execute('mobile: listApps', { applicationType: 'User' })) as Record<
          string,
          { CFBundleShortVersionString?: string }
        >;
        return apps[appId]?.CFBundleShortVersionString;
      } catch {
        return undefined; // an older driver or a server that refuses it: the version stays unknown
      }
    },
  };
}
