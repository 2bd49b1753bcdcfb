/**
 * What a UiAutomator2 session does to the app at its start, from its capabilities
 * (appium-uiautomator2-driver lib/commands/aut.ts `initAUT` and `ensureAppStarts`,
 * lib/uiautomator2-server/session.ts): with `appPackage` and no `noReset: true` (a "fast reset")
 * the app is stopped and its data cleared, drafts included (TikTok keeps them in its private
 * storage); then, unless `autoLaunch: false`, the app is started: left alone when `noReset` is
 * on and it already runs (no `forceAppLaunch`), else stopped first unless `dontStopAppOnReset`.
 * Without `appPackage` nothing happens: the phone stays where it was (the launcher).
 */
import { background, launch } from './navigation.js';
import type { PhoneState } from './state.js';

/** The capabilities read here (without the `appium:` prefix). */
export interface SessionAppCaps {
  appPackage?: unknown;
  noReset?: unknown;
  fullReset?: unknown;
  autoLaunch?: unknown;
  forceAppLaunch?: unknown;
  dontStopAppOnReset?: unknown;
}

/** Clear the app's data as `pm clear` does: the drafts are gone; posts live on the account. */
function clearAppData(state: PhoneState): void {
  background(state);
  state.drafts = [];
  state.uploads = [];
  state.savings = [];
}

/**
 * Apply the session's app capabilities to the phone; returns a problem when `appPackage` names an
 * app the phone does not have (UiAutomator2 fails the session then too).
 */
export function startSessionApp(
  state: PhoneState,
  packageName: string,
  caps: SessionAppCaps,
  now: number,
): string | undefined {
  const pkg = caps.appPackage;
  if (pkg === undefined) return undefined;
  if (pkg !== packageName)
    return `appPackage ${String(pkg)} is not installed (this phone has ${packageName})`;
  if (caps.fullReset === true) return 'fullReset requires an app capability (it reinstalls the app)';
  const noReset = caps.noReset === true;
  if (!noReset) clearAppData(state);
  if (caps.autoLaunch === false) return undefined;
  if (noReset && state.app.running && caps.forceAppLaunch !== true) return undefined;
  if (state.app.running && (caps.forceAppLaunch === true || caps.dontStopAppOnReset !== true))
    background(state);
  launch(state, now);
  return undefined;
}
