/**
 * What flows key on about a device: platform, TikTok version and UI locale. Read the way a real
 * phone allows: `mobile: deviceInfo` for the locale, the adapter's file access for the app
 * version (adb, or `dumpsys` through the server's shell). Unknown values stay unknown.
 */
import type { DeviceFacts, DeviceIO, DeviceRef } from './types.js';

/** Facts about the device behind `session`. */
export async function deviceFacts(
  session: WebdriverIO.Browser,
  device: DeviceRef,
  appId: string,
  io?: DeviceIO,
): Promise<DeviceFacts> {
  const facts: DeviceFacts = { platform: device.platform, device: device.id ?? device.kind };
  try {
    const info = (await session.execute('mobile: deviceInfo', {})) as { locale?: string };
    if (info.locale) facts.locale = info.locale.replace('-', '_');
  } catch {
    // Unknown locale: selectors fall back to their locale-free alternatives.
  }
  if (device.platform === 'android' && io) {
    facts.appVersion = await io.appVersion(appId).catch(() => undefined);
  }
  return facts;
}
