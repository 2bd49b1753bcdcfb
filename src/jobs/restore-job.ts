/**
 * The restore job, assembled: the files, capabilities and flows are checked before anything
 * starts; then each video goes back to the phone as a new draft.
 */
import { readFileSync } from 'node:fs';
import { DraftvaultError } from '../errors.js';
import { captionFor } from './captions.js';
import { loadJobFlows } from './flow-kit.js';
import { inJobSession, type JobOptions } from './job-session.js';
import { checkCapabilities } from './prepare.js';
import { type RestoreFile, type RestoreOutcome, runRestore } from './restore.js';
import { checkVideoFile } from './video-check.js';

/** What the restore job needs. */
export interface RestoreJobOptions extends JobOptions {
  /** Video files to restore, resolved. */
  files: string[];
  flowsDir: string;
  /** All files as one new draft, in the given order ("Select multiple"). */
  oneDraft?: boolean;
}

/** Check and read one video before any session (E_USAGE names the file and the problem). */
async function readVideo(path: string): Promise<RestoreFile> {
  const check = await checkVideoFile(path);
  if (!check.ok)
    throw new DraftvaultError('E_USAGE', `${path} is not a usable video: ${check.problem}`, {
      hint: 'restore MP4 files from a backup folder (`draftvault verify` checks them)',
    });
  return { path, bytes: readFileSync(path), caption: captionFor(path, check.sha256) };
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
  const files: RestoreFile[] = [];
  for (const f of o.files) files.push(await readVideo(f));
  const { value, runDir } = await inJobSession({ ...o, capabilities }, 'restore', (s) =>
    runRestore(s.d, s.kit(flows), files, s.reporter, o.signal, o.oneDraft),
  );
  return { results: value, runDir };
}
