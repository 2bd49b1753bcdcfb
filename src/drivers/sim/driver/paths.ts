/**
 * Phone paths as the shell user sees them (the user adb and UiAutomator2's file commands run
 * as): normalised before any check, so `/sdcard/../data/...` is `/data/...`, then app-private
 * storage is refused with the real phone's "Permission denied". Only root reads `/data`, except
 * the shell's own `/data/local/tmp`.
 */
import { errors } from '@appium/base-driver';
import { normalizePhonePath, PhonePathError, shellMayRead } from '../model/store.js';

/** `remotePath` normalised; throws what a phone without root answers for app-private paths. */
export function shellPath(remotePath: string): string {
  const p = onPhone(() => normalizePhonePath(remotePath));
  if (!shellMayRead(p)) {
    const shown = p === remotePath ? `'${p}'` : `'${remotePath}' (${p})`;
    throw new errors.UnknownError(
      `Permission denied: cannot access ${shown} (app-private storage: the shell user has no access without root)`,
    );
  }
  return p;
}

/** A file path: one ending in `/` names a folder, which the file commands refuse (as UiAutomator2 does). */
export function shellFilePath(remotePath: string): string {
  if (remotePath.endsWith('/')) {
    throw new errors.InvalidArgumentError(
      `It is expected that remote path points to a file and not to a folder. '${remotePath}' is given instead`,
    );
  }
  return shellPath(remotePath);
}

/** Run a phone file operation; a path the store refuses becomes an invalid argument. */
export function onPhone<T>(op: () => T): T {
  try {
    return op();
  } catch (err) {
    if (err instanceof PhonePathError) throw new errors.InvalidArgumentError(err.message);
    throw err;
  }
}
