/**
 * The restore job, assembled: the files, capabilities and flows are checked before anything
 * starts; then each video goes back to the phone as a new draft.
 */
import { readFileSync, statSync } from 'node:fs';
import { DraftvaultError } from '../errors.js';
import { checkVideo } from './backup-store.js';
import { loadJobFlows } from './flow-kit.js';
import { inJobSession, type JobOptions } from './job-session.js';
import { checkCapabilities } from './prepare.js';
import { type RestoreOutcome, runRestore } from './restore.js';

/** What the restore job needs. */
export interface RestoreJobOptions extends JobOptions {
  /** Video files to restore, resolved. */
  files: string[];
  flowsDir: string;
}

/** Read and check one video before any session (E_USAGE names the file and the problem). */
function readVideo(path: string): { path: string; bytes: Buffer } {
  let bytes: Buffer;
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
    bytes = readFileSync(path);
  } catch (cause) {
    throw new DraftvaultError('E_USAGE', `cannot read ${path}`, {
      hint: 'give video files from a backup folder',
      cause,
    });
  }
  const check = checkVideo(bytes);
  if (!check.ok)
    throw new DraftvaultError('E_USAGE', `${path} is not a usable video: ${check.problem}`, {
      hint: 'restore MP4 files from a backup folder (`draftvault verify` checks them)',
    });
  return { path, bytes };
}

/** Run the restore job. */
export async function restoreJob(
  o: RestoreJobOptions,
): Promise<{ results: RestoreOutcome[]; runDir: string }> {
  const capabilities = await checkCapabilities(o.device, o.capabilities);
  const flows = loadJobFlows(o.flowsDir, {
    maxBytes: o.config.limits.yamlFileBytes,
    deviceRoots: o.config.deviceRoots,
  });
  const files = o.files.map(readVideo);
  const { value, runDir } = await inJobSession({ ...o, capabilities }, 'restore', (s) =>
    runRestore(s.d, s.kit(flows), files, s.reporter, o.signal),
  );
  return { results: value, runDir };
}
