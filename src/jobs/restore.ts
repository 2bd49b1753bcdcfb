/**
 * `draftvault restore`: put backed-up videos back as new drafts. Each file is pushed into the
 * phone's gallery, then the restore flow makes a draft of the newest gallery video; the drafts
 * count must rise by exactly one.
 */
import { basename } from 'node:path';
import { DraftvaultError, rethrowInterrupt, toDraftvaultError } from '../errors.js';
import type { Reporter } from '../runner/events.js';
import type { DeviceSession } from './device-session.js';
import type { FlowKit } from './flow-kit.js';

/** One file's result. */
export interface RestoreOutcome {
  file: string;
  ok: boolean;
  remote?: string;
  draftsBefore?: number;
  draftsAfter?: number;
  /** The caption put back (from the backup's manifest). */
  caption?: string;
  reason?: string;
}

/** A video to restore, read and checked, with the caption to put back ('' for none). */
export interface RestoreFile {
  path: string;
  bytes: Buffer;
  caption: string;
}

/** Restore each video (already read and checked) as a new draft. */
export async function runRestore(
  d: DeviceSession,
  kit: FlowKit,
  files: RestoreFile[],
  reporter: Reporter,
  signal: AbortSignal,
): Promise<RestoreOutcome[]> {
  const out: RestoreOutcome[] = [];
  for (const f of files) {
    signal.throwIfAborted();
    const remote = `${d.media.restore}/draftvault-${Date.now()}-${basename(f.path).replace(/[^\w.-]/g, '_')}`;
    try {
      const before = await kit.countDrafts();
      reporter.emit({ type: 'log', message: `restoring ${f.path} (drafts now: ${before})` });
      await d.io.push(remote, f.bytes);
      await kit.run('restore', { caption: f.caption });
      const after = await kit.countDrafts();
      if (after !== before + 1)
        throw new DraftvaultError(
          'E_STEP_FAILED',
          `the drafts count went from ${before} to ${after}, not up by one`,
        );
      out.push({
        file: f.path,
        ok: true,
        remote,
        caption: f.caption,
        draftsBefore: before,
        draftsAfter: after,
      });
    } catch (err) {
      const e = toDraftvaultError(rethrowInterrupt(err, signal), 'E_STEP_FAILED');
      await kit.recover();
      out.push({ file: f.path, ok: false, remote, reason: e.message });
    }
  }
  return out;
}
