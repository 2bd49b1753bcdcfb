/**
 * Folders the jobs write to: checked quickly before anything starts, created private, tightened
 * when they already exist, and the one way to delete inside them (never outside their owner).
 */
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statfsSync,
  statSync,
} from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { isInside } from '../core/paths.js';
import { DraftvaultError } from '../errors.js';

/** File systems that are views of the kernel, not storage (statfs magic numbers). */
const PSEUDO_FS: Record<number, string> = {
  40864: 'proc',
  1650812274: 'sysfs',
  7377: 'devpts',
  2613483: 'cgroup',
  1667723888: 'cgroup2',
  1684170528: 'debugfs',
  1935894131: 'securityfs',
  1953653091: 'tracefs',
  1650812272: 'configfs',
  3405662737: 'bpf',
  1634035564: 'pstore',
  1702057283: 'fusectl',
  427819522: 'mqueue',
  1112100429: 'binfmt_misc',
  1853056627: 'nsfs',
  3730735588: 'efivarfs',
  4185718668: 'selinuxfs',
};
/** Kernel trees refused by name too (devtmpfs shares tmpfs's magic number). */
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];

/**
 * Check, without creating anything, that `path` is (or can become) a writable folder on a normal
 * file system. Fast: it only stats the path and its nearest existing parent. Throws E_USAGE.
 */
export function checkWritableFolder(path: string, what: string, write = true): string {
  const abs = resolve(path);
  const bad = (why: string, hint = `choose another folder with ${what}`) =>
    new DraftvaultError('E_USAGE', `${what} ${abs}: ${why}`, { hint });
  if (PSEUDO_ROOTS.some((r) => abs === r || abs.startsWith(`${r}${sep}`)))
    throw bad('is inside a kernel file system, not storage');
  let existing = abs;
  while (!existsSync(existing)) {
    const up = dirname(existing);
    if (up === existing) break;
    existing = up;
  }
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(existing);
  } catch (cause) {
    throw bad(`cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!st.isDirectory())
    throw bad(existing === abs ? 'is not a folder' : `${existing} is a file, not a folder`);
  const fsType = PSEUDO_FS[Number(statfsSync(existing).type)];
  if (fsType) throw bad(`is on ${fsType}, a kernel file system, not storage`);
  try {
    accessSync(existing, write ? constants.W_OK | constants.X_OK : constants.R_OK | constants.X_OK);
  } catch {
    throw bad(existing === abs ? 'is not writable' : `cannot be created: ${existing} is not writable`);
  }
  return abs;
}

/**
 * Create `dir` private (0700), or tighten an existing one to 0700 and its files to 0600.
 * Returns what was tightened, so the job can say so.
 */
export function privateFolder(dir: string): string[] {
  const changed: string[] = [];
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return changed;
  }
  const mode = statSync(dir).mode & 0o777;
  if (mode !== 0o700) {
    chmodSync(dir, 0o700);
    changed.push(`${dir} (was ${mode.toString(8)})`);
  }
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isFile()) continue;
    const f = join(dir, e.name);
    const m = statSync(f).mode & 0o777;
    if (m & 0o077) {
      chmodSync(f, m & 0o700);
      changed.push(`${f} (was ${m.toString(8)})`);
    }
  }
  return changed;
}

/** Delete `path`, but only when it is strictly inside `owner` (symlinks resolved). */
export function removeInside(owner: string, path: string): void {
  const o = resolve(owner);
  const p = resolve(path);
  if (p === o || !isInside(o, p)) {
    throw new DraftvaultError('E_INTERNAL', `refused to delete ${p}: it is not inside ${o}`);
  }
  rmSync(p, { recursive: true, force: true });
}
