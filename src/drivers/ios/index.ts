/** iPhones through appium-xcuitest-driver (untested on a real phone: see README). */
import { DraftvaultError } from '../../errors.js';
import { checkDriverCaps } from '../constraints.js';
import { APPIUM_DRIVERS } from '../kinds.js';
import { mobileReadings } from '../preflight.js';
import type { DeviceAdapter, DeviceRef } from '../types.js';
import { IOS_MEDIA, IOS_STORAGE, photosIO } from './photos.js';

/** The TikTok app on iOS (global build). */
export const TIKTOK_IOS_BUNDLE = 'com.zhiliaoapp.musically';

/**
 * WebDriverAgent settings for TikTok (names and units from appium-webdriveragent's FBSettings and
 * FBConfiguration): system alerts (the Photos permission) are searchable only with
 * `respectSystemAlerts` (FBSession.m `activeApplication`); TikTok's feed never stops playing, so
 * the idle wait (seconds, default 10) and the animation cool-off (seconds, default 2) are cut
 * short, as UiAutomator2's idle wait is on Android. `snapshotMaxDepth` stays at its default (50).
 */
export const IOS_SETTINGS = {
  respectSystemAlerts: true,
  waitForIdleTimeout: 0.1,
  animationCoolOffTimeout: 0,
} as const;

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
  async prepare(session) {
    await session.updateSettings({ ...IOS_SETTINGS });
    return { appId: TIKTOK_IOS_BUNDLE };
  },
  io: photosIO,
  media: () => IOS_MEDIA,
  preflight: {
    // XCUITest itself finds the phone when the session starts, with its own error.
    reach: async () => ({ ok: true, detail: 'checked when the session starts (XCUITest)' }),
    // XCUITest's batteryInfo state: 2 charging, 3 full.
    ...mobileReadings([2, 3]),
    storage: async () => IOS_STORAGE,
  },
};
