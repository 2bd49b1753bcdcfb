/**
 * One run per device, whatever its backup folder: a lock folder per device under the data home
 * (`<home>/devices/<key>/`), held with the same lock as backup folders (src/jobs/lock.ts), so a
 * second run on the phone exits 4 touching nothing, and a killed run's lock is taken over.
 */
import { join } from 'node:path';
import type { DeviceRef } from '../drivers/types.js';
import { DraftvaultError, isDraftvaultError } from '../errors.js';
import { ensurePrivateDir } from '../paths.js';
import { lockFolder } from './lock.js';

/**
 * The device's name in folders, locks and unit names: kind and id (`sim-demo`,
 * `android-R58M123`). A simulated phone is one folder whatever platform plays it, so `sim:x` and
 * `sim-ios:x` share a key; `resolvedId` is the phone adb found when the user named none.
 */
export function deviceKey(device: DeviceRef, resolvedId?: string): string {
  return `${device.kind}-${device.id ?? resolvedId ?? 'any'}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** The device as the user writes it (`sim:demo`, `android:R58M123`, `android`). */
export function deviceName(device: DeviceRef): string {
  const kind = device.kind === 'sim' && device.platform === 'ios' ? 'sim-ios' : device.kind;
  return device.id ? `${kind}:${device.id}` : kind;
}

/**
 * Lock the device `key` (shown as `name`) for `what`. Throws E_LOCKED (exit 4) naming the other
 * run when it is busy. Returns the release function.
 */
export async function lockDevice(
  home: string,
  key: string,
  name: string,
  what: string,
): Promise<() => Promise<void>> {
  const dir = ensurePrivateDir(join(home, 'devices', key));
  try {
    return await lockFolder(dir, what);
  } catch (err) {
    if (!isDraftvaultError(err, 'E_LOCKED')) throw err;
    throw new DraftvaultError('E_LOCKED', err.message.replace(dir, `the device ${name}`), {
      hint: err.hint,
      cause: err,
    });
  }
}
