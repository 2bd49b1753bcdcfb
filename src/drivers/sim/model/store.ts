/**
 * Where one simulated phone lives on the computer: `<simHome>/<device>/state.json` (written
 * atomically after every command) and `<simHome>/<device>/fs/` (the phone's files).
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, posix } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { PhoneState } from './state.js';

/** A file on the phone. */
export interface PhoneFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Thrown for phone paths the simulator (or a real phone without root) will not touch. */
export class PhonePathError extends Error {}

/** Persistence for one simulated phone. */
export class PhoneStore {
  readonly statePath: string;
  readonly fsRoot: string;

  constructor(readonly dir: string) {
    this.statePath = join(dir, 'state.json');
    this.fsRoot = join(dir, 'fs');
  }

  exists(): boolean {
    return existsSync(this.statePath);
  }

  load(): PhoneState {
    return JSON.parse(readFileSync(this.statePath, 'utf8')) as PhoneState;
  }

  /** Write the state atomically (temp file, fsync, rename): a kill never leaves half a file. */
  save(state: PhoneState): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic.sync(this.statePath, JSON.stringify(state), { fsync: true });
  }

  /** Forget everything on this phone. */
  wipe(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Map a phone path to the computer. `/sdcard/...` and `/storage/emulated/0/...` are the shared
   * storage; `/data/...` is app-private. Anything that escapes its root is refused.
   */
  hostPath(phonePath: string): string {
    let p = posix.normalize(phonePath);
    if (!p.startsWith('/')) throw new PhonePathError(`not an absolute path: ${phonePath}`);
    p = p
      .replace(/^\/storage\/emulated\/0(?=\/|$)/, '/sdcard')
      .replace(/^\/storage\/self\/primary(?=\/|$)/, '/sdcard');
    if (p.includes('/../') || p.endsWith('/..'))
      throw new PhonePathError(`path escapes its root: ${phonePath}`);
    return join(this.fsRoot, p);
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

  deleteFile(phonePath: string): boolean {
    const host = this.hostPath(phonePath);
    if (!existsSync(host)) return false;
    rmSync(host, { recursive: true, force: true });
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
        return { path: posix.join(posix.normalize(phoneDir), e.name), size: st.size, mtimeMs: st.mtimeMs };
      })
      .sort((a, b) => b.mtimeMs - a.mtimeMs || b.path.localeCompare(a.path));
  }
}
