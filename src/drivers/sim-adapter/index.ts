/**
 * draftvault's adapter for the simulated phone (the `draftvault-sim-driver` package): the
 * capabilities that open a session on it, their validation, files through the session, and its
 * session errors in draftvault's terms.
 */
import { parseSimCaps, type SimCapsInput, toWireCaps } from 'draftvault-sim-driver/api';
import { DraftvaultError } from '../../errors.js';
import { ANDROID_MEDIA, TIKTOK_ANDROID_PACKAGE } from '../android/index.js';
import { refuseDestructiveCaps, unprefixed } from '../constraints.js';
import { APPIUM_DRIVERS } from '../kinds.js';
import { shellIO } from '../shell-io.js';
import type { DeviceAdapter, DeviceRef } from '../types.js';
import { simHome } from './home.js';
import { simPreflight } from './preflight.js';

export { simHome } from './home.js';

/** Capabilities for the simulated phone `device`, with any sim options on top. */
export function simCapabilities(
  device: DeviceRef,
  options: Partial<SimCapsInput> = {},
): Record<string, unknown> {
  return toWireCaps({
    platformName: device.platform === 'ios' ? 'iOS' : 'Android',
    automationName: 'DraftvaultSim',
    simDevice: device.id ?? 'sim-1',
    simHome: simHome(),
    ...options,
  });
}

/** Adapter for the simulated phone. */
export const simAdapter: DeviceAdapter = {
  kind: 'sim',
  // The simulated phone lists its Camera folder through `mobile: shell`, like a phone through adb.
  insecureFeatures: ['draftvaultsim:adb_shell'],
  appiumDriver: APPIUM_DRIVERS.sim.name,
  capabilities(device, extra = {}) {
    return { ...simCapabilities(device), ...extra };
  },
  async validateCapabilities(caps) {
    refuseDestructiveCaps(caps);
    const parsed = parseSimCaps(unprefixed(caps));
    if (!parsed.ok)
      throw new DraftvaultError('E_CONFIG', `invalid simulator capabilities: ${parsed.problems.join('; ')}`, {
        hint: 'see `draftvault sim caps` for valid capabilities',
      });
  },
  explainSessionError(err) {
    // Appium wraps the driver's reason as "... Details: <reason> when running ...".
    const details = /Details: (.*?)(?: when running .*)?$/s.exec(err.message)?.[1] ?? err.message;
    if (/appium:sim|capabilities|simulated phone/.test(details)) {
      return new DraftvaultError('E_CONFIG', details, {
        hint: 'see `draftvault sim caps` for valid capabilities',
        cause: err,
      });
    }
    return undefined;
  },
  async prepare(session) {
    await session.updateSettings({ waitForIdleTimeout: 100, waitForSelectorTimeout: 0 });
    const caps = session.capabilities as Record<string, unknown>;
    return { appId: String(caps['appium:appPackage'] ?? caps.appPackage ?? TIKTOK_ANDROID_PACKAGE) };
  },
  io: (ctx) => shellIO(ctx, 'draftvaultsim:adb_shell'),
  // The simulated iPhone keeps Android folder names for now (see README, iOS).
  media: () => ANDROID_MEDIA,
  preflight: simPreflight,
};
