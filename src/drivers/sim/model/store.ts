/**
 * Where one simulated phone lives on the computer: `<simHome>/<device>/state.json` (written
 * atomically after every command) and `<simHome>/<device>/fs/` (the phone's files).
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, posix, resolve, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { PHONE_NAME_RULE, phoneNameSchema } from '../caps.js';
import type { PhoneState } from './state.js';

/** A file on the phone. */
export interface PhoneFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Thrown for phone paths the simulator (or a real phone without root) will not touch. */
export class PhonePathError extends Error {}

const SHELL_READABLE_DATA = /^\/data\/local\/tmp(?:\/|$)/;

/**
 * Whether the shell user (adb, UiAutomator2's file commands) may read a normalised phone path:
 * only root reads `/data`, except the shell's own `/data/local/tmp`.
 */
export function shellMayRead(phonePath: string): boolean {
  const p = normalizePhonePath(phonePath);
  return !(p === '/data' || p.startsWith('/data/')) || SHELL_READABLE_DATA.test(p);
}

/**
 * A phone path in its one canonical form: absolute, `.` and `..` resolved (as the phone's shell
 * does: `..` at `/` stays at `/`), the shared-storage aliases mapped to `/sdcard`.
 * @throws PhonePathError for a relative path
 */
export function normalizePhonePath(phonePath: string): string {
  if (!phonePath.startsWith('/')) throw new PhonePathError(`not an absolute path: ${phonePath}`);
  const p = posix.normalize(phonePath).replace(/(.)\/+$/, '$1');
  return p
    .replace(/^\/storage\/emulated\/0(?=\/|$)/, '/sdcard')
    .replace(/^\/storage\/self\/primary(?=\/|$)/, '/sdcard');
}

/** The real path of `p` (symlinks resolved), also for a path that does not exist yet. */
function realPath(p: string): string {
  let rest = '';
  for (let cur = p; ; ) {
    try {
      return join(realpathSync(cur), rest);
    } catch (err) {
      if (!['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
    }
    const parent = dirname(cur);
    if (parent === cur) return p;
    rest = join(basename(cur), rest);
    cur = parent;
  }
}

function isInside(p: string, root: string): boolean {
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Persistence for one simulated phone. */
export class PhoneStore {
  readonly statePath: string;
  readonly fsRoot: string;
  /** The state as last read or written here (a save that changes nothing writes nothing). */
  private written: string | undefined;

  /** The store of the phone `name` under `home`; `name` must be a valid phone name. */
  static of(home: string, name: string): PhoneStore {
    if (!phoneNameSchema.safeParse(name).success) {
      throw new PhonePathError(`invalid simulated phone name ${JSON.stringify(name)}: ${PHONE_NAME_RULE}`);
    }
    return new PhoneStore(join(resolve(home), name));
  }

  constructor(readonly dir: string) {
    this.statePath = join(dir, 'state.json');
    this.fsRoot = join(dir, 'fs');
  }

  exists(): boolean {
    return existsSync(this.statePath);
  }

  load(): PhoneState {
    const text = readFileSync(this.statePath, 'utf8');
    this.written = text;
    return JSON.parse(text) as PhoneState;
  }

  /**
   * Write the state atomically (temp file, rename): a killed process never leaves half a file.
   * No fsync: the state is saved after every command and only has to outlive killed processes
   * (which the page cache does), not a power cut; an fsync per command was most of the driver's
   * own time on slow disks.
   */
  save(state: PhoneState): void {
    // Most commands (finds, attributes, the page source) change nothing: nothing to write.
    const text = JSON.stringify(state);
    if (text === this.written && this.exists()) return;
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic.sync(this.statePath, text, { fsync: false });
    this.written = text;
  }

  /**
   * Forget everything on this phone: delete its folder, and only that. A phone folder that is a
   * link, or whose real path is not `<real home>/<name>`, is refused (nothing is deleted); links
   * inside it are removed, never followed.
   */
  wipe(): void {
    let st: ReturnType<typeof lstatSync>;
    try {
      st = lstatSync(this.dir);
    } catch {
      return; // nothing there
    }
    const expected = join(realPath(dirname(this.dir)), basename(this.dir));
    if (st.isSymbolicLink() || !st.isDirectory() || realPath(this.dir) !== expected) {
      throw new PhonePathError(`refusing to delete ${this.dir}: not a simulated phone's own folder`);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Map a phone path to the computer. `/sdcard/...` and `/storage/emulated/0/...` are the shared
   * storage; `/data/...` is app-private. The result (links resolved) is always inside the
   * phone's file tree; anything else is refused.
   */
  hostPath(phonePath: string): string {
    const host = join(this.fsRoot, normalizePhonePath(phonePath));
    if (!isInside(realPath(host), realPath(this.fsRoot))) {
      throw new PhonePathError(`path escapes the phone's file tree: ${phonePath}`);
    }
    return host;
  }

  writeFile(phonePath: string, bytes: Buffer, mtimeMs?: number): void {
    const host = this.hostPath(phonePath);
    mkdirSync(dirname(host), { recursive: true });
    writeFileSync(host, bytes);
    if (mtimeMs !== undefined) {
      // An explicit time keeps "newest file" ordering exact when several land in one millisecond.
      utimesSync(host, new Date(mtimeMs), new Date(mtimeMs));
    }
  }

  readFile(phonePath: string): Buffer {
    return readFileSync(this.hostPath(phonePath));
  }

  fileExists(phonePath: string): boolean {
    return existsSync(this.hostPath(phonePath));
  }

  /**
   * Delete one file; false when there is none. Folders are refused, as the real driver's
   * `mobile: deleteFile` refuses them (`rm -f` of a file).
   */
  deleteFile(phonePath: string): boolean {
    const host = this.hostPath(phonePath);
    if (!existsSync(host)) return false;
    if (!lstatSync(host).isFile()) throw new PhonePathError(`The item at '${phonePath}' is not a file`);
    rmSync(host, { force: true });
    return true;
  }

  /** Files directly in a phone folder, newest first. */
  list(phoneDir: string): PhoneFile[] {
    const host = this.hostPath(phoneDir);
    if (!existsSync(host)) return [];
    return readdirSync(host, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const st = statSync(join(host, e.name));
        return { path: posix.join(normalizePhonePath(phoneDir), e.name), size: st.size, mtimeMs: st.mtimeMs };
      })
      .sort((a, b) => b.mtimeMs - a.mtimeMs || b.path.localeCompare(a.path));
  }
}
