/**
 * The few adb facts draftvault needs outside Appium: where adb is, and which devices it sees.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A line of `adb devices -l`. */
export interface AdbDevice {
  serial: string;
  /** `device` is the only usable state. */
  state: 'device' | 'unauthorized' | 'offline' | 'no permissions' | 'recovery' | 'sideload' | string;
  /** `model:`, `product:`, `transport_id:` ... */
  props: Record<string, string>;
}

/** What each unusable state means and how to fix it. */
export const ADB_STATE_FIXES: Record<string, string> = {
  unauthorized: 'unlock the phone and accept "Allow USB debugging?" for this computer',
  offline: 'reconnect the USB cable, or run `adb kill-server && adb devices`',
  'no permissions': 'add a udev rule for the phone (or run adb as a user in the plugdev group)',
  recovery: 'the phone is in recovery mode: reboot it normally',
  sideload: 'the phone is in sideload mode: reboot it normally',
};

/** How to get adb and a phone it can use. */
export const ADB_FIX =
  'install adb (`apt-get install adb`), set ANDROID_HOME=/usr/lib/android-sdk, connect the phone by USB ' +
  'with USB debugging on, accept the computer on the phone, then run `draftvault doctor`';

/** Find adb: `$ANDROID_HOME/platform-tools/adb`, `$ANDROID_SDK_ROOT/...`, then PATH. */
export function findAdb(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates: string[] = [];
  for (const sdk of [env.ANDROID_HOME, env.ANDROID_SDK_ROOT]) {
    if (sdk) candidates.push(join(sdk, 'platform-tools', 'adb'));
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir) candidates.push(join(dir, 'adb'));
  }
  return candidates.find((p) => existsSync(p));
}

/** Parse the output of `adb devices -l`. */
export function parseAdbDevices(output: string): AdbDevice[] {
  const devices: AdbDevice[] = [];
  for (const line of output.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('List of devices') || line.startsWith('*')) continue;
    const m = /^(\S+)\s+(no permissions|\S+)(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const kv of m[3]!.matchAll(/(\w+):(\S+)/g)) props[kv[1]!] = kv[2]!;
    devices.push({ serial: m[1]!, state: m[2]!, props });
  }
  return devices;
}

/** Run `adb devices -l` (starts the adb server if needed). */
export async function listAdbDevices(adb: string, timeoutMs = 15_000): Promise<AdbDevice[]> {
  const { stdout } = await run(adb, ['devices', '-l'], { timeout: timeoutMs });
  return parseAdbDevices(stdout);
}
