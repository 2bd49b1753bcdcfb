/** Android phones through appium-uiautomator2-driver. */
import { DraftvaultError } from '../../errors.js';
import { checkDriverCaps } from '../constraints.js';
import { APPIUM_DRIVERS } from '../kinds.js';
import { shellIO } from '../shell-io.js';
import type { DeviceAdapter, DeviceRef } from '../types.js';
import { ADB_FIX, findAdb } from './adb.js';
import { adbIO } from './adb-io.js';
import { androidPreflight } from './preflight.js';

/** The TikTok app on Android (global build). */
export const TIKTOK_ANDROID_PACKAGE = 'com.zhiliaoapp.musically';

/** TikTok's package per build (trill: the Japanese/Korean build, same activities). */
export const ANDROID_PACKAGES = {
  musically: TIKTOK_ANDROID_PACKAGE,
  trill: 'com.ss.android.ugc.trill',
} as const;

/**
 * Per-session ports of UiAutomator2 on the computer: the forward to the phone's server
 * (`systemPort`, its documented range 8200-8299) and the MJPEG screen stream (default 7810).
 */
export function androidSessionPorts(slot: number): Record<string, number> {
  return { 'appium:systemPort': 8200 + (slot % 100), 'appium:mjpegServerPort': 7810 + (slot % 100) };
}

/** Where TikTok saves videos and where the picker finds restored ones (tiktok-ui.md §4.4, C.12). */
export const ANDROID_MEDIA = { saved: '/sdcard/DCIM/Camera', restore: '/sdcard/Movies' } as const;

/** Adapter for real Android phones. */
export const androidAdapter: DeviceAdapter = {
  kind: 'android',
  // Files go through draftvault's own adb client: the embedded server needs no shell feature.
  insecureFeatures: [],
  appiumDriver: APPIUM_DRIVERS.android.name,
  capabilities(device: DeviceRef, extra = {}) {
    return {
      platformName: 'Android',
      'appium:automationName': 'UiAutomator2',
      ...(device.id ? { 'appium:udid': device.id } : {}),
      'appium:appPackage': TIKTOK_ANDROID_PACKAGE,
      'appium:appActivity': 'com.ss.android.ugc.aweme.splash.SplashActivity',
      // Never reinstall or clear TikTok: its private storage holds the drafts we are saving.
      'appium:noReset': true,
      'appium:dontStopAppOnReset': true,
      'appium:autoGrantPermissions': false,
      'appium:newCommandTimeout': 300,
      ...extra,
    };
  },
  sessionPorts: androidSessionPorts,
  appCapabilities: (app) => ({ 'appium:appPackage': ANDROID_PACKAGES[app] }),
  validateCapabilities: (caps) => checkDriverCaps('uiautomator2', 'Android', caps),
  explainSessionError(err: Error, device: DeviceRef) {
    const msg = err.message;
    const which = device.id ? `Android device ${device.id}` : 'an Android device';
    if (/ANDROID_HOME|ANDROID_SDK_ROOT/.test(msg)) {
      return new DraftvaultError(
        'E_DEVICE_UNAVAILABLE',
        `cannot reach ${which}: the Android SDK (adb) is not set up`,
        { hint: ADB_FIX, cause: err },
      );
    }
    if (/Could not find a connected Android device|was not in the list of connected devices/.test(msg)) {
      return new DraftvaultError('E_DEVICE_UNAVAILABLE', `no connected Android device found (${which})`, {
        hint: `${ADB_FIX}; \`adb devices -l\` must list it as "device" (not "unauthorized" or "offline")`,
        cause: err,
      });
    }
    if (/unauthorized/i.test(msg)) {
      return new DraftvaultError('E_DEVICE_UNAVAILABLE', `${which} has not authorized this computer`, {
        hint: 'unlock the phone and accept the "Allow USB debugging?" prompt, then retry',
        cause: err,
      });
    }
    return undefined;
  },
  async prepare(session) {
    // TikTok never idles (video plays): UiAutomator2's default 10 s idle wait would stall every command.
    // draftvault polls itself (one wait helper), so a UiSelector miss must not wait 10 s on the phone.
    await session.updateSettings({ waitForIdleTimeout: 100, waitForSelectorTimeout: 0 });
    const caps = session.capabilities as Record<string, unknown>;
    return { appId: String(caps['appium:appPackage'] ?? caps.appPackage ?? TIKTOK_ANDROID_PACKAGE) };
  },
  io(ctx) {
    const adb = ctx.local ? findAdb() : undefined;
    return adb ? adbIO(adb, ctx) : shellIO(ctx, 'uiautomator2:adb_shell');
  },
  media: () => ANDROID_MEDIA,
  preflight: androidPreflight,
};
