/** iPhones through appium-xcuitest-driver (untested on a real phone: see README). */
import { DraftvaultError } from '../../errors.js';
import type { DeviceAdapter, DeviceRef } from '../types.js';

/** The TikTok app on iOS (global build). */
export const TIKTOK_IOS_BUNDLE = 'com.zhiliaoapp.musically';

/** Adapter for real iPhones. */
export const iosAdapter: DeviceAdapter = {
  kind: 'ios',
  capabilities(device: DeviceRef, extra = {}) {
    return {
      platformName: 'iOS',
      'appium:automationName': 'XCUITest',
      ...(device.id ? { 'appium:udid': device.id } : {}),
      'appium:bundleId': TIKTOK_IOS_BUNDLE,
      'appium:noReset': true,
      'appium:autoAcceptAlerts': false,
      'appium:newCommandTimeout': 300,
      ...extra,
    };
  },
  explainSessionError(err: Error, device: DeviceRef) {
    if (/requires macOS|Xcode|xcrun|WebDriverAgent/i.test(err.message)) {
      return new DraftvaultError(
        'E_DEVICE_UNAVAILABLE',
        `cannot reach iOS device ${device.id ?? '(any)'}: iOS automation needs macOS with Xcode`,
        {
          hint:
            'run draftvault on a Mac with Xcode and the phone attached, or point --appium-url at an ' +
            'Appium server on such a Mac',
          cause: err,
        },
      );
    }
    return undefined;
  },
};
