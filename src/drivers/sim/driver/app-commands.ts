/**
 * App lifecycle and file transfer, with the real drivers' semantics: base64 file bodies, app
 * states 0-4, and no access to an app's private storage (a phone without root refuses it; see
 * paths.ts).
 */
import { errors } from '@appium/base-driver';
import { background, launch } from '../model/navigation.js';
import { top } from '../model/state.js';
import { keyboardShown } from '../screens/keyboard.js';
import type { SimDriver } from './driver.js';
import { iosPull, iosPush } from './ios-files.js';
import { onPhone, shellFilePath } from './paths.js';

const LAUNCHER = 'com.android.launcher3';

function dev(d: SimDriver) {
  if (!d.phone) throw new errors.NoSuchDriverError('no session');
  return d.phone;
}

/** Commands mixed into SimDriver. */
export const appCommands = {
  async activateApp(this: SimDriver, appId: string) {
    const d = dev(this);
    if (appId !== d.profile.packageName || d.state.faults.notInstalled)
      throw new errors.InvalidArgumentError(`app ${appId} is not installed`);
    launch(d.state, Date.now());
    d.tick();
  },
  async terminateApp(this: SimDriver, appId: string) {
    const d = dev(this);
    const was = appId === d.profile.packageName && d.state.app.running;
    if (was) background(d.state);
    d.tick();
    return was;
  },
  async queryAppState(this: SimDriver, appId: string) {
    const d = dev(this);
    if (appId !== d.profile.packageName || d.state.faults.notInstalled) return 0;
    return d.state.app.running ? 4 : 1;
  },
  async getCurrentPackage(this: SimDriver) {
    const d = dev(this);
    return d.state.app.running ? d.profile.packageName : LAUNCHER;
  },
  async getCurrentActivity(this: SimDriver) {
    const d = dev(this);
    if (!d.state.app.running) return '.Launcher';
    const name = top(d.state).name;
    if (name === 'splash') return 'com.ss.android.ugc.aweme.splash.SplashActivity';
    if (name === 'drafts') return 'com.ss.android.ugc.aweme.tools.draft.DraftBoxActivity';
    return 'com.ss.android.ugc.aweme.main.MainActivity';
  },
  async pushFile(this: SimDriver, remotePath: string, base64Data: string) {
    const d = dev(this);
    if (d.state.platform === 'ios') return iosPush(d, remotePath, base64Data);
    const path = shellFilePath(remotePath);
    onPhone(() => d.store.writeFile(path, Buffer.from(base64Data, 'base64'), Date.now()));
  },
  async pullFile(this: SimDriver, remotePath: string) {
    const d = dev(this);
    if (d.state.platform === 'ios') return iosPull(d, remotePath);
    const path = shellFilePath(remotePath);
    if (!onPhone(() => d.store.fileExists(path)))
      throw new errors.UnknownError(`Remote path '${remotePath}' does not exist on the device`);
    return onPhone(() => d.store.readFile(path)).toString('base64');
  },
  /** As UiAutomator2's: whether the input method's window is up (screens/keyboard.ts). */
  async isKeyboardShown(this: SimDriver) {
    return keyboardShown(dev(this));
  },
  /** Closes the keyboard (as Back would, without reaching the app); an error when none is up, as UiAutomator2. */
  async hideKeyboard(this: SimDriver) {
    const d = dev(this);
    if (!keyboardShown(d)) throw new errors.InvalidElementStateError('the soft keyboard is not shown');
    d.back();
    d.tick();
    return true;
  },
  async getDeviceTime(this: SimDriver) {
    return new Date().toISOString();
  },
};
