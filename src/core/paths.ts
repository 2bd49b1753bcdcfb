/**
 * Where flows and jobs may read, write and delete, on the computer and on the phone.
 *
 * Host paths: a flow reads only inside its project's folder and writes only inside the run
 * folder; jobs delete only inside the folder that owns what they delete. Device paths are
 * normalised, `..` is refused, and only media folders are allowed unless the config adds more.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { DraftvaultError } from '../errors.js';

/** Is `path` (resolved, symlinks followed as far as it exists) inside `root` (or `root` itself)? */
export function isInside(root: string, path: string): boolean {
  const r = realish(resolve(root));
  const p = realish(resolve(path));
  const rel = relative(r, p);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The real path of the longest existing prefix of `p`, with the rest appended. */
function realish(p: string): string {
  let head = p;
  const tail: string[] = [];
  while (!existsSync(head)) {
    const up = dirname(head);
    if (up === head) return p;
    tail.unshift(head.slice(up.length + (up.endsWith(sep) ? 0 : 1)));
    head = up;
  }
  try {
    return resolve(realpathSync(head), ...tail);
  } catch {
    return p;
  }
}

/**
 * A host path confined to `root`: relative paths are taken from `root`; the result must stay
 * inside it. Throws E_PATH_OUTSIDE.
 */
export function confineHostPath(path: string, root: string, what: string): string {
  const abs = resolve(root, path);
  if (!isInside(root, abs)) {
    throw new DraftvaultError('E_PATH_OUTSIDE', `${what} "${path}" is outside ${root}`, {
      hint: `use a path inside ${root} (relative paths start there)`,
    });
  }
  return abs;
}

/** Device folders flows and jobs may use without configuration (Android shared media). */
export const DEFAULT_DEVICE_ROOTS: readonly string[] = [
  '/sdcard/DCIM',
  '/sdcard/Movies',
  '/sdcard/Pictures',
  '/sdcard/Download',
];

/** The usual aliases of Android's shared storage, all spelled `/sdcard`. */
const STORAGE_ALIASES = [
  /^\/storage\/emulated\/0(?=\/|$)/,
  /^\/storage\/self\/primary(?=\/|$)/,
  /^\/mnt\/sdcard(?=\/|$)/,
];

/**
 * Check and normalise a device path: absolute, no `..` segment, no NUL, strictly inside one of
 * `roots` (a folder itself is never a target). Throws E_PATH_OUTSIDE.
 */
export function checkDevicePath(path: string, roots: readonly string[] = DEFAULT_DEVICE_ROOTS): string {
  const refuse = (why: string) =>
    new DraftvaultError('E_PATH_OUTSIDE', `device path "${path}" ${why}`, {
      hint: `flows may use files inside ${roots.join(', ')} (more only through devicePaths.allow in the config)`,
    });
  if (path.includes('\0')) throw refuse('contains a NUL character');
  if (!path.startsWith('/')) throw refuse('is not absolute');
  if (path.split('/').some((seg) => seg === '..')) throw refuse('contains ".."');
  let p = posix.normalize(path);
  for (const a of STORAGE_ALIASES) p = p.replace(a, '/sdcard');
  p = p.replace(/\/+$/, '');
  const ok = roots.some((root) => {
    const r = posix.normalize(root).replace(/\/+$/, '');
    return p.startsWith(`${r}/`) && p.length > r.length + 1;
  });
  if (!ok) throw refuse('is not inside an allowed folder');
  return p;
}
