/**
 * Files on the phone that the backup needs: the Camera folder where TikTok saves videos
 * (`/sdcard/DCIM/Camera/<32 hex>.mp4`, tiktok-ui.md §4.4), and pulling one of them.
 */
import { execFile } from 'node:child_process';
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { findAdb } from '../drivers/android/adb.js';
import { DraftvaultError } from '../errors.js';

const run = promisify(execFile);

import type { DeviceSession } from './device-session.js';

/** Where TikTok's "Save to device" and "Save video" put files. */
export const CAMERA_DIR = '/sdcard/DCIM/Camera';

/** Names of the videos in the Camera folder. Needs the driver's adb_shell feature. */
export async function listCamera(d: DeviceSession): Promise<string[]> {
  try {
    const out = (await d.session.execute('mobile: shell', { command: 'ls', args: [CAMERA_DIR] })) as string;
    return out
      .split(/\s+/)
      .map((s) => s.trim())
      .filter((s) => /\.mp4$/i.test(s))
      .sort();
  } catch (cause) {
    if (/No such file|does not exist/i.test(String(cause))) return [];
    throw new DraftvaultError('E_DEVICE_UNAVAILABLE', `cannot list ${CAMERA_DIR} on the phone`, {
      hint: 'the Appium server must allow the driver-prefixed adb_shell feature (the embedded one does)',
      cause,
    });
  }
}

/** Videos that appeared since `before`. */
export function newFiles(before: readonly string[], now: readonly string[]): string[] {
  const had = new Set(before);
  return now.filter((f) => !had.has(f));
}

/**
 * Pull a video into `local` (then fsynced). A phone attached to this computer goes through
 * `adb pull`, which streams to disk; otherwise WebDriver's pullFile (base64 in one response, the
 * only way through a remote server).
 */
export async function pullVideoTo(d: DeviceSession, remote: string, local: string): Promise<void> {
  const adb = d.device.kind === 'android' && d.local ? findAdb() : undefined;
  if (adb) {
    await run(adb, [...(d.device.id ? ['-s', d.device.id] : []), 'pull', remote, local], {
      timeout: 30 * 60_000,
    });
  } else {
    const fh = await open(local, 'w', 0o600);
    try {
      await fh.writeFile(Buffer.from(await d.session.pullFile(remote), 'base64'));
    } finally {
      await fh.close();
    }
  }
  const fh = await open(local, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
