/** Device references (`--device`) and the adapter for each device kind. */
import { isValidPhoneName, PHONE_NAME_RULE } from 'draftvault-sim-driver/api';
import { DraftvaultError } from '../errors.js';
import { androidAdapter } from './android/index.js';
import { iosAdapter } from './ios/index.js';
import { simAdapter } from './sim-adapter/index.js';
import type { DeviceAdapter, DeviceKind, DeviceRef } from './types.js';

const ADAPTERS: Record<DeviceKind, DeviceAdapter> = {
  android: androidAdapter,
  ios: iosAdapter,
  sim: simAdapter,
};

/** The adapter for a device kind. */
export function adapterFor(kind: DeviceKind): DeviceAdapter {
  return ADAPTERS[kind];
}

const DEVICE_HINT =
  'use "sim" (the simulated phone), "sim:<name>", "sim-ios:<name>", "android", "android:<serial>", ' +
  '"ios:<udid>", or a bare Android serial';

/**
 * Parse `--device`: `sim`, `sim:<name>`, `sim-ios[:<name>]`, `android[:<serial>]`, `ios[:<udid>]`,
 * or a bare serial (Android).
 */
export function parseDeviceRef(raw: string): DeviceRef {
  const m = /^(sim-ios|sim|android|ios)(?::(.+))?$/.exec(raw);
  const id = m?.[2];
  if (id !== undefined && !/^[\w.:-]{1,64}$/.test(id)) {
    throw new DraftvaultError('E_USAGE', `invalid device name "${id}" in --device ${raw}`, {
      hint: DEVICE_HINT,
    });
  }
  if (m) {
    const kind = m[1]!;
    if (kind === 'sim' || kind === 'sim-ios') {
      // A simulated phone's name is its folder's name: `sim:..` must never reach a path.
      if (id !== undefined && !isValidPhoneName(id)) {
        throw new DraftvaultError('E_USAGE', `invalid simulated phone name "${id}" in --device ${raw}`, {
          hint: PHONE_NAME_RULE,
        });
      }
      return { kind: 'sim', id: id ?? 'sim-1', platform: kind === 'sim' ? 'android' : 'ios' };
    }
    return { kind: kind as DeviceKind, id, platform: kind === 'ios' ? 'ios' : 'android' };
  }
  if (/^[\w.:-]{1,64}$/.test(raw)) return { kind: 'android', id: raw, platform: 'android' };
  throw new DraftvaultError('E_USAGE', `unknown device "${raw}"`, { hint: DEVICE_HINT });
}

export type { DeviceAdapter, DeviceKind, DeviceRef } from './types.js';
