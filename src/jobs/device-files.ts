/**
 * Files on the phone that the backup needs: the Camera folder where TikTok saves videos
 * (`/sdcard/DCIM/Camera/<32 hex>.mp4`, tiktok-ui.md §4.4), and pulling one of them.
 */
import { DraftvaultError } from '../errors.js';
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

/** Pull a video (base64 over WebDriver, as the drivers return it). */
export async function pullVideo(d: DeviceSession, remote: string): Promise<Buffer> {
  return Buffer.from(await d.session.pullFile(remote), 'base64');
}
