/**
 * File access on a USB Android phone with draftvault's own adb client, so the embedded Appium
 * server needs no shell feature at all (nobody can run shell commands through it). Paths are
 * checked by the caller; they are single-quoted for the phone's shell all the same.
 */
import { execFile } from 'node:child_process';
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { DraftvaultError } from '../../errors.js';
import { lsNames } from '../shell-io.js';
import type { DeviceIO, DeviceIOContext } from '../types.js';

const run = promisify(execFile);

/** Quote one argument for the phone's /system/bin/sh. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Device IO through `adb`. */
export function adbIO(adb: string, ctx: DeviceIOContext): DeviceIO {
  const target = ctx.device.id ? ['-s', ctx.device.id] : [];
  const adbRun = (args: string[], timeout = 60_000) =>
    run(adb, [...target, ...args], { timeout, signal: ctx.signal, maxBuffer: 16 * 1024 * 1024 });
  return {
    async list(dir) {
      const { stdout } = await adbRun(['shell', `ls -1 ${shQuote(dir)} 2>/dev/null || true`]);
      return lsNames(stdout);
    },
    async pull(remote, local) {
      try {
        // adb pull streams to disk: a large video never sits in memory.
        await adbRun(['pull', remote, local], 30 * 60_000);
      } catch (cause) {
        throw new DraftvaultError('E_DEVICE_UNAVAILABLE', `adb pull ${remote} failed`, {
          hint: 'check the USB connection (`adb devices -l`) and run the backup again: it resumes',
          cause,
        });
      }
      const fh = await open(local, 'r+');
      try {
        await fh.chmod(0o600);
        await fh.sync();
      } finally {
        await fh.close();
      }
    },
    async push(remote, bytes) {
      // Through the session: a restore file is small next to a backup, and needs no temp copy.
      await ctx.session.pushFile(remote, bytes.toString('base64'));
    },
    async delete(remote) {
      await adbRun(['shell', `rm -f ${shQuote(remote)}`]);
    },
    async appVersion(appId) {
      const { stdout } = await adbRun(['shell', `dumpsys package ${shQuote(appId)}`]);
      return /versionName=(\S+)/.exec(stdout)?.[1];
    },
  };
}
