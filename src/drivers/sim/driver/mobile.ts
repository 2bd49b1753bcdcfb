/**
 * `mobile:` execute methods: the ones the product needs, named and shaped as in the
 * UiAutomator2 driver, plus `mobile: simStats` / `mobile: simState` for tests and benchmarks.
 */
import { errors } from '@appium/base-driver';
import type { SimDriver } from './driver.js';
import { iosDelete, iosListApps } from './ios-files.js';
import { onPhone, shellFilePath } from './paths.js';
import { runShell } from './shell.js';

/** Method name → driver command and parameters (Appium validates them). */
export const EXECUTE_METHODS = {
  'mobile: deleteFile': { command: 'mobileDeleteFile', params: { required: ['remotePath'] } },
  'mobile: batteryInfo': { command: 'mobileGetBatteryInfo' },
  'mobile: isLocked': { command: 'mobileIsLocked' },
  'mobile: lock': { command: 'mobileLock' },
  'mobile: unlock': { command: 'mobileUnlock' },
  'mobile: getDeviceTime': { command: 'mobileGetDeviceTime', params: { optional: ['format'] } },
  'mobile: activateApp': { command: 'activateApp', params: { required: ['appId'] } },
  'mobile: terminateApp': { command: 'terminateApp', params: { required: ['appId'] } },
  'mobile: queryAppState': { command: 'queryAppState', params: { required: ['appId'] } },
  'mobile: getCurrentActivity': { command: 'getCurrentActivity' },
  'mobile: getCurrentPackage': { command: 'getCurrentPackage' },
  'mobile: pushFile': { command: 'pushFile', params: { required: ['remotePath', 'payload'] } },
  'mobile: pullFile': { command: 'pullFile', params: { required: ['remotePath'] } },
  'mobile: shell': {
    command: 'mobileShell',
    params: { required: ['command'], optional: ['args', 'timeout'] },
  },
  'mobile: deviceInfo': { command: 'mobileGetDeviceInfo' },
  'mobile: listApps': { command: 'mobileListApps', params: { optional: ['applicationType'] } },
  'mobile: isKeyboardShown': { command: 'isKeyboardShown' },
  'mobile: hideKeyboard': { command: 'hideKeyboard' },
  'mobile: simStats': { command: 'mobileSimStats' },
  'mobile: simState': { command: 'mobileSimState' },
} as const;

function dev(d: SimDriver) {
  if (!d.phone) throw new errors.NoSuchDriverError('no session');
  return d.phone;
}

/** Commands mixed into SimDriver. */
export const mobileCommands = {
  /** Delete one file (not a folder); false when there is none. Paths are checked as the shell user's. */
  async mobileDeleteFile(this: SimDriver, remotePath: string) {
    if (dev(this).state.platform === 'ios') return iosDelete(dev(this), remotePath);
    const path = shellFilePath(remotePath);
    return onPhone(() => dev(this).store.deleteFile(path));
  },
  async mobileGetBatteryInfo(this: SimDriver) {
    return { level: dev(this).state.device_.battery / 100, state: 2 };
  },
  async mobileIsLocked(this: SimDriver) {
    return dev(this).state.device_.locked;
  },
  async mobileLock(this: SimDriver) {
    dev(this).state.device_.locked = true;
  },
  async mobileUnlock(this: SimDriver) {
    dev(this).state.device_.locked = false;
  },
  async mobileGetDeviceTime(this: SimDriver) {
    return new Date().toISOString();
  },
  /**
   * `mobile: shell`, gated like the real driver (insecure feature `adb_shell`). Understands what
   * draftvault uses: `ls`, `dumpsys package <pkg>` and `df -k <path>` (shell.ts).
   */
  async mobileShell(this: SimDriver, command: string, args: string[] = []) {
    // XCUITest has no shell: the same answer as its execute-method lookup gives.
    if (dev(this).state.platform === 'ios')
      throw new errors.UnsupportedOperationError(
        `Unsupported execute method 'mobile: shell'. Available methods are: ${Object.keys(EXECUTE_METHODS)
          .filter((m) => m !== 'mobile: shell')
          .join(', ')}`,
      );
    this.assertFeatureEnabled('adb_shell');
    return runShell(dev(this), command, args);
  },
  /** As UiAutomator2's `mobile: deviceInfo` (the fields draftvault reads). */
  async mobileGetDeviceInfo(this: SimDriver) {
    const d = dev(this);
    return {
      locale: d.state.locale === 'fr' ? 'fr_FR' : 'en_US',
      timeZone: 'UTC',
      manufacturer: 'draftvault',
      model: `simulated ${d.state.platform === 'ios' ? 'iPhone' : 'Android'} (${d.state.device})`,
      platformVersion: d.state.platform === 'ios' ? '18.0' : '14',
      apiVersion: '34',
    };
  },
  /** XCUITest's `mobile: listApps` (iOS only; UiAutomator2 has no such method). */
  async mobileListApps(this: SimDriver) {
    const d = dev(this);
    if (d.state.platform !== 'ios')
      throw new errors.UnsupportedOperationError(`Unsupported execute method 'mobile: listApps'`);
    return iosListApps(d);
  },
  async mobileSimStats(this: SimDriver) {
    return { commands: { ...this.stats }, total: Object.values(this.stats).reduce((a, b) => a + b, 0) };
  },
  async mobileSimState(this: SimDriver) {
    return dev(this).state;
  },
};
