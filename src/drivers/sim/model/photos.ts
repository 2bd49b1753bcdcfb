/**
 * The simulated iPhone's Photos library, laid out as on an iPhone's media partition
 * (`/var/mobile/Media`, what AFC and the XCUITest driver's un-prefixed file paths reach):
 * `DCIM/100APPLE/IMG_0001.MP4`, ..., and the counter Photos keeps of the names it gave,
 * `PhotoData/MISC/DCIM_APPLE.plist` (XML, keys `DCIMLastDirectoryNumber` / `DCIMLastFileNumber`:
 * PhotoLibraryServices `PLSimpleDCIMDirectory`, `_saveUserInfo` writes the number just taken,
 * format 100 = XML). Folder numbers follow the same class's `_fileNameNumberRangeForDirNumber:`:
 * `100APPLE` holds 0001-0999, `101APPLE` 1000-1999, ... (the INFERRED part: 1000 per folder).
 * No Android folder exists on the simulated iPhone: saved videos and the picker use this only.
 */
import { posix } from 'node:path';
import type { PhoneStore } from './store.js';

/** The media partition, as a path on the simulated phone's file tree. */
export const IOS_MEDIA_ROOT = '/var/mobile/Media';
const DCIM = `${IOS_MEDIA_ROOT}/DCIM`;
const COUNTER = `${IOS_MEDIA_ROOT}/PhotoData/MISC/DCIM_APPLE.plist`;

/** The last name Photos gave: folder and file number (0 = none yet). */
export interface PhotosCounter {
  dir: number;
  file: number;
}

/** The counter plist, as Photos writes it (an XML property list). */
export function counterPlist(c: PhotosCounter): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    `\t<key>DCIMLastDirectoryNumber</key>\n\t<integer>${c.dir}</integer>`,
    `\t<key>DCIMLastFileNumber</key>\n\t<integer>${c.file}</integer>`,
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}

/** The counter on the phone (the library's own file); none yet: 100, 0. */
export function readCounter(store: PhoneStore): PhotosCounter {
  if (!store.fileExists(COUNTER)) return { dir: 100, file: 0 };
  const xml = store.readFile(COUNTER).toString('utf8');
  const num = (key: string) =>
    Number(new RegExp(`<key>${key}</key>\\s*<integer>(\\d+)</integer>`).exec(xml)?.[1]);
  return { dir: num('DCIMLastDirectoryNumber') || 100, file: num('DCIMLastFileNumber') || 0 };
}

/** The library's folders (`DCIM/1xxAPPLE`), on the phone's file tree. */
export function libraryDirs(store: PhoneStore): string[] {
  const { dir } = readCounter(store);
  const out: string[] = [];
  for (let d = 100; d <= dir; d++) out.push(`${DCIM}/${d}APPLE`);
  return out;
}

/**
 * Import a file into Photos, as Photos names it: the next number, in its folder, the extension
 * upper-cased (`IMG_0003.MP4`); the counter is written after the file. Returns the phone path.
 */
export function addToLibrary(store: PhoneStore, bytes: Buffer, ext: string, now: number): string {
  const last = readCounter(store);
  const file = (last.file % 9999) + 1;
  const dir = 100 + Math.floor(file / 1000);
  const path = `${DCIM}/${dir}APPLE/IMG_${String(file).padStart(4, '0')}.${ext.toUpperCase()}`;
  store.writeFile(path, bytes, now);
  store.writeFile(COUNTER, Buffer.from(counterPlist({ dir, file })), now);
  return path;
}

/**
 * An XCUITest file path on the simulated iPhone → its place on the phone's file tree. A path with
 * no `@<bundle id>` prefix is on the media partition (what the driver does on a real device: AFC
 * rooted at `/var/mobile/Media`); `..` never leaves it. `@…` container paths: none is shared here
 * (TikTok has no file sharing that any source shows), so they are refused as the driver refuses an
 * app it cannot mount.
 */
export function mediaPath(remotePath: string): string {
  if (remotePath.startsWith('@')) {
    const bundle = remotePath.slice(1).split(/[:/]/)[0];
    throw new Error(
      `The application '${bundle}' does not share its container (UIFileSharingEnabled is not set)`,
    );
  }
  const rel = posix.normalize(`/${remotePath}`).replace(/\/+$/, '');
  return `${IOS_MEDIA_ROOT}${rel === '/' ? '' : rel}`;
}
