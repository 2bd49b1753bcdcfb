/**
 * Preflight on the simulated phone: the same `mobile:` commands as UiAutomator2 for the screen
 * and the battery (the phone keeps both in its state, so tests can set them), and its storage
 * with `df -k /sdcard` as on an Android phone (the simulator's storage is full under
 * `appium:simFaults.storageFull`).
 */
import { phoneExists } from 'draftvault-sim-driver/api';
import { IOS_STORAGE } from '../ios/photos.js';
import { dfThroughSession, mobileReadings } from '../preflight.js';
import type { DevicePreflight } from '../types.js';
import { simHome } from './home.js';

/** The simulated phone says `state: 2` (charging), as Android's BatteryManager does. */
const SIM_CHARGING = [2, 5] as const;

/** The simulated phone's preflight readings. */
export const simPreflight: DevicePreflight = {
  async reach(device, o) {
    const name = device.id ?? 'sim-1';
    return {
      ok: true,
      detail: phoneExists(simHome(o.env), name)
        ? `simulated phone "${name}"`
        : `simulated phone "${name}" (new: it is created with its first session)`,
    };
  },
  ...mobileReadings(SIM_CHARGING),
  // As an Android phone behind a server: `df -k /sdcard` through `mobile: shell`; an iPhone has none.
  storage: async (ctx) =>
    ctx.device.platform === 'ios'
      ? IOS_STORAGE
      : dfThroughSession(ctx, 'df -k /sdcard on the simulated phone'),
};
