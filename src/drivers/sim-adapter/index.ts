/**
 * draftvault's adapter for the simulated phone (the `draftvault-sim-driver` package): the
 * capabilities that open a session on it, their validation, files through the session, and its
 * session errors in draftvault's terms.
 */
import { adbPull, parseSimCaps, type SimCapsInput, toWireCaps } from 'draftvault-sim-driver/api';
import { DraftvaultError } from '../../errors.js';
import { ANDROID_MEDIA, androidSessionPorts, TIKTOK_ANDROID_PACKAGE } from '../android/index.js';
import { refuseDestructiveCaps, unprefixed } from '../constraints.js';
import { IOS_SETTINGS } from '../ios/index.js';
import { IOS_MEDIA, photosIO } from '../ios/photos.js';
import { APPIUM_DRIVERS } from '../kinds.js';
import { shellIO } from '../shell-io.js';
import type { DeviceAdapter, DeviceRef } from '../types.js';
import { simHome } from './home.js';
import { simPreflight } from './preflight.js';

export { simHome } from './home.js';

/** The simulated phone's name (its folder under the sim home). */
function simDeviceName(device: DeviceRef): string {
  return device.id ?? 'sim-1';
}

/** Capabilities for the simulated phone `device`, with any sim options on top. */
export function simCapabilities(
  device: DeviceRef,
  options: Partial<SimCapsInput> = {},
): Record<string, unknown> {
  return toWireCaps({
    platformName: device.platform === 'ios' ? 'iOS' : 'Android',
    automationName: 'DraftvaultSim',
    simDevice: simDeviceName(device),
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
    // As on a phone: a session without noReset: true would clear TikTok's data, drafts included
    // (the simulator honours it like UiAutomator2 does, src/drivers/sim/model/session-start.ts).
    return {
      ...simCapabilities(device),
      'appium:noReset': true,
      'appium:dontStopAppOnReset': true,
      ...extra,
    };
  },
  // The simulated phone checks systemPort like UiAutomator2 (busy in another session: refused).
  sessionPorts: androidSessionPorts,
  // A new or reset simulated phone plays the build; an existing one keeps what it was made as.
  appCapabilities: (app) => (app === 'trill' ? { 'appium:simProfile': 'trill-44.4.3' } : {}),
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
  async prepare(session, device) {
    // The settings of the driver the simulated phone plays (it honours both kinds).
    if (device.platform === 'ios') await session.updateSettings({ ...IOS_SETTINGS });
    else await session.updateSettings({ waitForIdleTimeout: 100, waitForSelectorTimeout: 0 });
    const caps = session.capabilities as Record<string, unknown>;
    return { appId: String(caps['appium:appPackage'] ?? caps.appPackage ?? TIKTOK_ANDROID_PACKAGE) };
  },
  io(ctx) {
    // The simulated iPhone has a Photos library and no shell, as an iPhone: the real iPhone's code.
    if (ctx.device.platform === 'ios') return photosIO(ctx);
    const io = shellIO(ctx, 'draftvaultsim:adb_shell');
    if (!ctx.local) return io;
    // The embedded server's phones live under this computer's sim home: pull as adb would,
    // streamed to disk (pullFile holds the whole video, base64, in memory on both sides).
    return {
      ...io,
      async pull(remote, local) {
        await adbPull(simHome(), simDeviceName(ctx.device), remote, local, ctx.signal);
      },
    };
  },
  media: (device) => (device.platform === 'ios' ? IOS_MEDIA : ANDROID_MEDIA),
  preflight: simPreflight,
};
