/** Messages between draftvault and its embedded Appium child (see child.ts). */

/** The capability that carries the guard token (a vendor prefix Appium passes through untouched). */
export const TOKEN_CAP = 'draftvault:token';

/** What the parent passes to the child, over IPC (never through argv or the environment). */
export interface AppiumChildOptions {
  /** 0 = any free port. */
  port: number;
  logFile: string;
  /** Driver-prefixed insecure features, e.g. `uiautomator2:adb_shell`. */
  allowInsecure: string[];
  /** When set, the guard plugin accepts only sessions presenting this token. */
  guardToken?: string;
  /** Folders the guard lets `mobile: shell ls` list (the media folders and the config's devicePaths.allow). */
  guardRoots?: string[];
  /** Drivers to load (Appium's `useDrivers`); undefined = all installed. */
  useDrivers?: string[];
}

/**
 * What the parent sends to the child. `warm` (optional, first): load Appium and these driver
 * packages now, while the parent checks its input; nothing listens until `start`.
 */
export type AppiumParentMessage =
  | { type: 'warm'; packages: string[] }
  | { type: 'start'; options: AppiumChildOptions }
  | { type: 'stop' };

/** What the child reports back over IPC. */
export type AppiumChildMessage = { type: 'ready'; port: number } | { type: 'failed'; message: string };
