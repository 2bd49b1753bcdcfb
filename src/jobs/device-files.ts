/**
 * The saved-videos folder the backup watches (`/sdcard/DCIM/Camera/<32 hex>.mp4` on Android,
 * tiktok-ui.md §4.4), through the device adapter's file access.
 */
import type { DeviceSession } from './device-session.js';

/** Names of the videos in the saved-videos folder. */
export async function listSaved(d: DeviceSession): Promise<string[]> {
  return (await d.io.list(d.media.saved)).filter((s) => /\.mp4$/i.test(s)).sort();
}

/** Videos that appeared since `before`. */
export function newFiles(before: readonly string[], now: readonly string[]): string[] {
  const had = new Set(before);
  return now.filter((f) => !had.has(f));
}
