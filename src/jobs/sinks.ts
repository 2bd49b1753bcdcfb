/**
 * Sinks the jobs give the runner: a run folder for artifacts and local files for push/pull.
 * Writes are atomic (temp file, fsync, rename) and private (0600 in 0700 folders).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { ArtifactSink } from '../runner/run.js';
import type { FileSink } from '../steps/types.js';

/** Write `data` to `path` atomically, creating private folders. */
export async function writePrivate(path: string, data: Buffer | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, data, { mode: 0o600, fsync: true });
}

/** Artifacts in one folder; names are reduced to a safe base name. */
export function folderArtifacts(dir: string): ArtifactSink {
  return {
    dir,
    async save(name, data) {
      const path = join(dir, basename(name).replace(/[^\w.-]/g, '_'));
      await writePrivate(path, data);
      return path;
    },
  };
}

/** Local files for pushFile/pullFile: relative paths are under `base`. */
export function folderFiles(base: string): FileSink {
  const at = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  return {
    read: (p) => readFile(at(p)),
    async write(p, bytes) {
      await writePrivate(at(p), bytes);
      return at(p);
    },
  };
}
