/** iPhones through appium-xcuitest-driver (untested on a real phone: see README). */
import { DraftvaultError } from '../../errors.js';
import { checkDriverCaps } from '../constraints.js';
import { APPIUM_DRIVERS } from '../kinds.js';
import { mobileReadings } from '../preflight.js';
import type { DeviceAdapter, DeviceRef } from '../types.js';

/** The TikTok app on iOS (global build). */
export const TIKTOK_IOS_BUNDLE = 'com.zhiliaoapp.musically';

const notYet = () =>
  new DraftvaultError(
    'E_DEVICE_UNAVAILABLE',
    'reading the Photos library of a real iPhone is not built yet',
    {
      hint: 'on iOS, "Save to device" writes into the Photos library; until draftvault reads it, use an Android phone',
    },
  );

/** Adapter for real iPhones. */
export const iosAdapter: DeviceAdapter = {
  kind: 'ios',
  insecureFeatures: [],
  appiumDriver: APPIUM_DRIVERS.ios.name,
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
  // WebDriverAgent's forward (default 8100) and the MJPEG stream (default 9100), per session.
  sessionPorts: (slot) => ({
    'appium:wdaLocalPort': 8100 + (slot % 100),
    'appium:mjpegServerPort': 9100 + (slot % 100),
  }),
  appCapabilities(app) {
    if (app === 'musically') return { 'appium:bundleId': TIKTOK_IOS_BUNDLE };
    // No source we have names trill's iOS bundle id: refuse rather than guess.
    throw new DraftvaultError('E_CONFIG', 'draftvault does not know the bundle id of trill on iOS', {
      hint: 'give it in the device\'s capabilities: { "appium:bundleId": "..." } and app: musically',
    });
  },
  validateCapabilities: (caps) => checkDriverCaps('xcuitest', 'iOS', caps),
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
  async prepare() {
    return { appId: TIKTOK_IOS_BUNDLE };
  },
  io() {
    return {
      list: async () => Promise.reject(notYet()),
      pull: async () => Promise.reject(notYet()),
      push: async () => Promise.reject(notYet()),
      delete: async () => Promise.reject(notYet()),
      appVersion: async () => undefined,
    };
  },
  media: () => ({ saved: 'photos-library', restore: 'photos-library' }),
  preflight: {
    // XCUITest itself finds the phone when the session starts, with its own error.
    reach: async () => ({ ok: true, detail: 'checked when the session starts (XCUITest)' }),
    // XCUITest's batteryInfo state: 2 charging, 3 full.
    ...mobileReadings([2, 3]),
    storage: async () => ({ how: 'not readable on an iPhone yet' }),
  },
};
