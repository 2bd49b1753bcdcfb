/**
 * File commands of the simulated iPhone, as appium-xcuitest-driver answers them
 * (lib/commands/file-movement.ts): a path without `@<bundle id>` is on the media partition
 * (model/photos.ts); a missing file is "does not exist"; a path ending in `/` is refused. What a
 * pushed file becomes depends on the `iosPush` variant: `photos`, the driver's documented way
 * (on an iOS Simulator it adds the file to Photos, `addMedia`), or `file-only`, what the same
 * code does on a real device (AFC writes the file where it is told; Photos, which names and
 * indexes what it imports itself, does not list it: INFERRED, no source shows either on TikTok).
 * There is no `mobile: shell` on iOS: the listing goes through the library's counter.
 */
import { extname } from 'node:path';
import { errors } from '@appium/base-driver';
import { addToLibrary, mediaPath } from '../model/photos.js';
import type { SimDevice } from './device.js';
import { onPhone } from './paths.js';

function filePath(remotePath: string): string {
  if (remotePath.endsWith('/'))
    throw new errors.InvalidArgumentError(
      `It is expected that remote path points to a file and not to a folder. '${remotePath}' is given instead`,
    );
  try {
    return mediaPath(remotePath);
  } catch (err) {
    throw new errors.InvalidArgumentError((err as Error).message);
  }
}

/** `pullFile` on the simulated iPhone: base64 of the file. */
export function iosPull(d: SimDevice, remotePath: string): string {
  const path = filePath(remotePath);
  if (!onPhone(() => d.store.fileExists(path)))
    throw new errors.UnknownError(`The remote file at '${remotePath}' does not exist`);
  return onPhone(() => d.store.readFile(path)).toString('base64');
}

/** `pushFile` on the simulated iPhone: into Photos, or only onto the media partition (the variant). */
export function iosPush(d: SimDevice, remotePath: string, base64Data: string): void {
  const path = filePath(remotePath);
  const bytes = Buffer.from(base64Data, 'base64');
  if (d.state.variants.iosPush === 'photos')
    onPhone(() => addToLibrary(d.store, bytes, extname(path).slice(1) || 'MP4', Date.now()));
  else onPhone(() => d.store.writeFile(path, bytes, Date.now()));
}

/** `mobile: deleteFile` on the simulated iPhone. */
export function iosDelete(d: SimDevice, remotePath: string): boolean {
  const path = filePath(remotePath);
  return onPhone(() => d.store.deleteFile(path));
}

/** `mobile: listApps`: the installed user apps by bundle id, with the Info.plist keys draftvault reads. */
export function iosListApps(d: SimDevice): Record<string, Record<string, string>> {
  if (d.state.faults.notInstalled) return {};
  const p = d.profile;
  return {
    [p.packageName]: {
      CFBundleIdentifier: p.packageName,
      CFBundleName: 'TikTok',
      CFBundleShortVersionString: d.state.faults.appVersion ?? p.versionName,
      CFBundleVersion: String(p.versionCode),
    },
  };
}
