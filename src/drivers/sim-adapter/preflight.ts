/**
 * Preflight on the simulated phone: the same `mobile:` commands as UiAutomator2 for the screen
 * and the battery (the phone keeps both in its state, so tests can set them), and its storage
 * from its faults: the simulator models a full storage (`appium:simFaults.storageFull`), not a
 * number of free bytes.
 */
import { phoneExists } from 'draftvault-sim-driver/api';
import { rethrowInterrupt } from '../../errors.js';
import { mobileReadings } from '../preflight.js';
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
  async storage(ctx) {
    try {
      const state = (await ctx.session.execute('mobile: simState', {})) as {
        faults?: { storageFull?: boolean };
      };
      return state.faults?.storageFull
        ? { freeBytes: 0, how: 'the simulated phone’s storage is full (appium:simFaults.storageFull)' }
        : { how: 'the simulated phone models only a full storage (appium:simFaults.storageFull)' };
    } catch (err) {
      rethrowInterrupt(err, ctx.signal);
      return { how: 'not readable' };
    }
  },
};
