/**
 * The simulated phone's `mobile: shell`: the commands draftvault sends, answered as a phone's
 * toybox would. `ls` of a folder (names, or `-l` lines), `dumpsys package <pkg>` (nothing for an
 * app that is not installed, the `appVersion` fault's version when set), and `df -k <path>`.
 * The phone has no real partition: shared storage is a fixed size with the gallery folders' files as
 * its used part, and full (nothing available) under the `storageFull` fault.
 */
import { errors } from '@appium/base-driver';
import { GALLERY_DIRS } from '../model/posting.js';
import type { SimDevice } from './device.js';
import { onPhone, shellPath } from './paths.js';

/** The simulated shared storage: 64 GiB, as a mid-range phone's. */
const STORAGE_KB = 64 * 1024 * 1024;

function used(d: SimDevice, dir: string): number {
  let bytes = 0;
  for (const f of onPhone(() => d.store.list(dir))) bytes += f.size;
  return bytes;
}

/** `df -k`: the shared storage line, `Available` 0 when the storage is full. */
function df(d: SimDevice, args: string[]): string {
  if (args.length !== 2 || args[0] !== '-k')
    throw new errors.InvalidArgumentError(`the simulated phone's df takes "-k <path>" only`);
  shellPath(args[1]!);
  const usedKb = Math.ceil(GALLERY_DIRS.map((dir) => used(d, dir)).reduce((a, b) => a + b, 0) / 1024);
  const avail = d.state.faults.storageFull ? 0 : STORAGE_KB - usedKb;
  const pct = Math.ceil(((STORAGE_KB - avail) * 100) / STORAGE_KB);
  return [
    'Filesystem     1K-blocks    Used Available Use% Mounted on',
    `/dev/fuse      ${STORAGE_KB} ${STORAGE_KB - avail} ${avail} ${pct}% /storage/emulated`,
    '',
  ].join('\n');
}

/** Run one shell command on the phone behind the session. */
export function runShell(d: SimDevice, command: string, args: string[]): string {
  if (command === 'ls') {
    const dir = shellPath(args.filter((a) => !a.startsWith('-')).at(-1) ?? '/');
    return `${onPhone(() => d.store.list(dir))
      .map((f) =>
        args.includes('-l')
          ? `-rw-rw---- 1 u0_a1 media_rw ${f.size} ${new Date(f.mtimeMs).toISOString()} ${f.path.split('/').pop()}`
          : f.path.split('/').pop(),
      )
      .join('\n')}\n`;
  }
  if (command === 'dumpsys' && args[0] === 'package') {
    const p = d.profile;
    if (args[1] !== p.packageName || d.state.faults.notInstalled) return '';
    const version = d.state.faults.appVersion ?? p.versionName;
    return `Packages:\n  Package [${p.packageName}]\n    versionCode=${p.versionCode} minSdk=24 targetSdk=34\n    versionName=${version}\n`;
  }
  if (command === 'df') return df(d, args);
  throw new errors.InvalidArgumentError(`the simulated phone's shell does not know "${command}"`);
}
