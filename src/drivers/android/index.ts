/** Android phones through appium-uiautomator2-driver. */
import { DraftvaultError } from '../../errors.js';
import type { DeviceAdapter, DeviceRef } from '../types.js';

/** The TikTok app on Android (global build). */
export const TIKTOK_ANDROID_PACKAGE = 'com.zhiliaoapp.musically';

const ADB_FIX =
  'install adb (`apt-get install adb`), set ANDROID_HOME=/usr/lib/android-sdk, connect the phone by USB ' +
  'with USB debugging on, accept the computer on the phone, then run `draftvault doctor`';

/** Adapter for real Android phones. */
export const androidAdapter: DeviceAdapter = {
  kind: 'android',
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
  explainSessionError(err: Error, device: DeviceRef) {
    const msg = err.message;
    const which = device.id ? `Android device ${device.id}` : 'an Android device';
    if (/ANDROID_HOME|ANDROID_SDK_ROOT/.test(msg)) {
      return new DraftvaultError(
        'E_DEVICE_UNAVAILABLE',
        `cannot reach ${which}: the Android SDK (adb) is not set up`,
        {
          hint: ADB_FIX,
          cause: err,
        },
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
};
