/**
 * Preflight on an Android phone: its adb state before any session (an offline phone is
 * reconnected once; an unauthorized one is named with the fix), the screen and battery through
 * UiAutomator2's `mobile:` commands, and the free space of shared storage with draftvault's own
 * adb (`df -k /sdcard`), or through the user's server when it allows the shell.
 */
import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { rethrowInterrupt } from '../../errors.js';
import { dfThroughSession, firstLine, mobileReadings, parseDfAvailable } from '../preflight.js';
import type { DevicePreflight, DeviceReach, DeviceRef } from '../types.js';
import { ADB_FIX, ADB_STATE_FIXES, type AdbDevice, findAdb, listAdbDevices } from './adb.js';

const run = promisify(execFile);

/** How long adb needs after `reconnect` before the phone is listed again. */
const RECONNECT_SETTLE_MS = 2000;

/** BatteryManager.BATTERY_STATUS_CHARGING and _FULL: on the charger. */
const ANDROID_CHARGING = [2, 5] as const;

function pick(devices: AdbDevice[], device: DeviceRef): AdbDevice | AdbDevice[] | undefined {
  if (device.id) return devices.find((d) => d.serial === device.id);
  return devices.length === 1 ? devices[0] : devices.length ? devices : undefined;
}

/** Is the phone listed by adb as usable? Reconnects an offline phone once. */
async function reach(
  device: DeviceRef,
  o: { env: NodeJS.ProcessEnv; local: boolean; signal: AbortSignal },
): Promise<DeviceReach> {
  if (!o.local)
    return { ok: true, detail: 'reached through the Appium server you named (its adb is not ours to ask)' };
  const adb = findAdb(o.env);
  if (!adb)
    return { ok: false, detail: 'adb is not installed (or not on PATH / ANDROID_HOME)', fix: ADB_FIX };
  const which = device.id ? `Android phone ${device.id}` : 'an Android phone';
  let notes = '';
  for (let attempt = 0; ; attempt++) {
    const found = pick(await listAdbDevices(adb), device);
    if (!found)
      return {
        ok: false,
        detail: `${which} is not connected (adb devices lists ${device.id ? 'other phones or none' : 'none'})`,
        fix: `${ADB_FIX}; \`adb devices -l\` must list it`,
      };
    if (Array.isArray(found))
      return {
        ok: false,
        detail: `several phones are connected (${found.map((d) => d.serial).join(', ')})`,
        fix: `name one: --device android:${found[0]!.serial}`,
      };
    if (found.state === 'device')
      return { ok: true, detail: `${found.serial} is connected${notes}`, id: found.serial };
    if (found.state === 'offline' && attempt === 0) {
      // A phone that went to sleep on a hub often comes back with one reconnect.
      await run(adb, ['reconnect', 'offline'], { timeout: 15_000, signal: o.signal }).catch((e: unknown) =>
        rethrowInterrupt(e, o.signal),
      );
      await sleep(RECONNECT_SETTLE_MS, undefined, { signal: o.signal });
      notes = ' (it was offline; reconnected once)';
      continue;
    }
    return {
      ok: false,
      detail: `${found.serial} is ${found.state}${notes ? ' after one reconnect' : ''}`,
      fix: ADB_STATE_FIXES[found.state] ?? ADB_FIX,
    };
  }
}

/** Android phones: adb for what adb knows, UiAutomator2 for the rest. */
export const androidPreflight: DevicePreflight = {
  reach,
  ...mobileReadings(ANDROID_CHARGING),
  async storage(ctx) {
    const adb = ctx.local ? findAdb() : undefined;
    if (!adb) return dfThroughSession(ctx, 'df -k /sdcard through the Appium server');
    try {
      const target = ctx.device.id ? ['-s', ctx.device.id] : [];
      const { stdout } = await run(adb, [...target, 'shell', 'df -k /sdcard'], {
        timeout: 15_000,
        signal: ctx.signal,
      });
      return { freeBytes: parseDfAvailable(stdout), how: 'adb shell df -k /sdcard' };
    } catch (err) {
      rethrowInterrupt(err, ctx.signal);
      return { how: `not readable (${firstLine(err)})` };
    }
  },
};
