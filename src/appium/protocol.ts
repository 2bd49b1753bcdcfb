/** Messages between draftvault and its embedded Appium child (see child.ts). */

/** What the parent passes to the child, as JSON in the environment. */
export interface AppiumChildOptions {
  /** 0 = any free port. */
  port: number;
  logFile: string;
  /** Driver-prefixed insecure features, e.g. `uiautomator2:adb_shell`. */
  allowInsecure: string[];
}

/** What the child reports back over IPC. */
export type AppiumChildMessage = { type: 'ready'; port: number } | { type: 'failed'; message: string };
