/**
 * Sinks the jobs give the runner: a run folder for artifacts and local files for push/pull.
 * Writes are atomic (temp file, fsync, rename) and private (0600 in 0700 folders).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { confineHostPath } from '../core/paths.js';
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

/**
 * Local files for pushFile/pullFile: a flow reads only inside its project's folder and writes
 * only inside the run folder (relative paths start there). Anything else is E_PATH_OUTSIDE.
 */
export function flowFiles(o: { readRoot: string; writeRoot: string }): FileSink {
  return {
    read: (p) => readFile(confineHostPath(p, o.readRoot, 'pushFile reads')),
    async write(p, bytes) {
      const at = confineHostPath(p, o.writeRoot, 'pullFile writes');
      await writePrivate(at, bytes);
      return at;
    },
  };
}
