/**
 * `draftvault restore`: put backed-up videos back as new drafts. Each file is pushed into the
 * phone's gallery, then the restore flow makes a draft of the newest gallery video; the drafts
 * count must rise by exactly one.
 */
import { basename } from 'node:path';
import { waitUntil } from '../core/wait.js';
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

/** Where a file goes on the phone. */
function remoteFor(d: DeviceSession, f: RestoreFile): string {
  return `${d.media.restore}/draftvault-${Date.now()}-${basename(f.path).replace(/[^\w.-]/g, '_')}`;
}

/**
 * Restore each video (already read and checked) as a new draft; with `oneDraft`, all of them as
 * one draft (the files become its clips in the given order, through "Select multiple").
 */
export async function runRestore(
  d: DeviceSession,
  kit: FlowKit,
  files: RestoreFile[],
  reporter: Reporter,
  signal: AbortSignal,
  oneDraft = false,
): Promise<RestoreOutcome[]> {
  const groups = oneDraft ? [files] : files.map((f) => [f]);
  const out: RestoreOutcome[] = [];
  for (const g of groups) {
    signal.throwIfAborted();
    out.push(await restoreDraft(d, kit, g, reporter, signal));
  }
  return out;
}

/**
 * One new draft of `files`: pushed in order, then picked (several: ticked oldest first with
 * "Select multiple"); the caption is the first file's, and the drafts count must rise by one.
 * Gallery pickers order by the time a file was added, which phones keep in whole seconds, so
 * several files are pushed a second apart (else the clips' order would be the phone's guess).
 */
async function restoreDraft(
  d: DeviceSession,
  kit: FlowKit,
  files: RestoreFile[],
  reporter: Reporter,
  signal: AbortSignal,
): Promise<RestoreOutcome> {
  const file = files.map((f) => f.path).join(', ');
  const caption = files[0]!.caption;
  let remote: string | undefined;
  try {
    const before = await kit.countDrafts();
    const what = files.length > 1 ? `${files.length} files as one draft` : file;
    reporter.emit({ type: 'log', message: `restoring ${what} (drafts now: ${before})` });
    for (const [i, f] of files.entries()) {
      // A pause through the one wait helper (nothing to look for: it only honours the signal).
      if (i > 0) await waitUntil(async () => undefined, { timeoutMs: 1100, intervalMs: 1100, signal });
      remote = remoteFor(d, f);
      await d.io.push(remote, f.bytes);
    }
    await kit.run('restore', { caption, count: files.length });
    const after = await kit.countDrafts();
    if (after !== before + 1)
      throw new DraftvaultError(
        'E_STEP_FAILED',
        `the drafts count went from ${before} to ${after}, not up by one`,
      );
    return { file, ok: true, remote, caption, draftsBefore: before, draftsAfter: after };
  } catch (err) {
    const e = toDraftvaultError(rethrowInterrupt(err, signal), 'E_STEP_FAILED');
    await kit.recover();
    return { file, ok: false, remote, reason: e.message };
  }
}
