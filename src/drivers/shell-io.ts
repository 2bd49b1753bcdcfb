/**
 * File access through the WebDriver session: `mobile: shell` for listing and the app version,
 * `pullFile` for copies (base64 in one response: the only way through a remote server), and
 * `mobile: deleteFile`. Used by the simulated phone and by Android phones behind a server the
 * user runs (who enables `uiautomator2:adb_shell` there).
 */
import { DraftvaultError } from '../errors.js';
import { pullToFile } from './session-files.js';
import type { DeviceIO, DeviceIOContext } from './types.js';

/** Names in `ls` output. */
export function lsNames(out: string): string[] {
  return out
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s && !s.endsWith(':') && !/^total \d+$/.test(s))
    .sort();
}

/** Device IO over the session. */
export function shellIO(ctx: DeviceIOContext, feature: string): DeviceIO {
  const s = ctx.session;
  return {
    async list(dir) {
      try {
        return lsNames((await s.execute('mobile: shell', { command: 'ls', args: [dir] })) as string);
      } catch (cause) {
        const said = String(cause instanceof Error ? cause.message : cause);
        if (/No such file|does not exist/i.test(said)) return [];
        // Only a refused feature is the server's settings; anything else (a phone unplugged mid-run)
        // is the phone's, and its own words say which.
        const refused = /insecure feature .* has not been enabled/i.test(said);
        throw new DraftvaultError(
          'E_DEVICE_UNAVAILABLE',
          refused ? `cannot list ${dir} on the phone` : `cannot list ${dir} on the phone: ${said}`,
          {
            hint: refused
              ? `the Appium server must allow the insecure feature ${feature} (draftvault's embedded server does; start your own with --allow-insecure ${feature})`
              : 'check that the phone is still connected (adb devices), then run the backup again',
            cause,
          },
        );
      }
    },
    pull: (remote, local) => pullToFile(s, remote, local),
    async push(remote, bytes) {
      await s.pushFile(remote, bytes.toString('base64'));
    },
    async delete(remote) {
      await s.execute('mobile: deleteFile', { remotePath: remote });
    },
    async appVersion(appId) {
      try {
        const out = (await s.execute('mobile: shell', {
          command: 'dumpsys',
          args: ['package', appId],
        })) as string;
        return /versionName=(\S+)/.exec(out)?.[1];
      } catch {
        // The server does not allow the shell: the app version stays unknown.
        return undefined;
      }
    },
  };
}
