/**
 * What flows key on about a device: platform, TikTok version and UI locale. Read the way a real
 * phone allows: `mobile: deviceInfo` for the locale, `dumpsys package` through `mobile: shell`
 * for the app version (needs the driver's adb_shell feature, which draftvault's embedded server
 * enables for the drivers it starts). A server that refuses leaves the value unknown.
 */
import type { DeviceFacts } from '../flows/selectors.js';
import type { DeviceRef } from './types.js';

/** Facts about the device behind `session`. */
export async function deviceFacts(
  session: WebdriverIO.Browser,
  device: DeviceRef,
  appId: string,
): Promise<DeviceFacts & { device: string }> {
  const facts: DeviceFacts & { device: string } = {
    platform: device.platform,
    device: device.id ?? device.kind,
  };
  try {
    const info = (await session.execute('mobile: deviceInfo', {})) as { locale?: string };
    if (info.locale) facts.locale = info.locale.replace('-', '_');
  } catch {
    // Unknown locale: selectors fall back to their locale-free alternatives.
  }
  if (device.platform === 'android') {
    try {
      const out = (await session.execute('mobile: shell', {
        command: 'dumpsys',
        args: ['package', appId],
      })) as string;
      facts.appVersion = /versionName=(\S+)/.exec(out)?.[1];
    } catch {
      // adb_shell not allowed on this server: the app version stays unknown.
    }
  }
  return facts;
}
