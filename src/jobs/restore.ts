/**
 * `draftvault restore`: put backed-up videos back as new drafts. Each file is pushed into the
 * phone's gallery, then the restore flow makes a draft of the newest gallery video; the drafts
 * count must rise by exactly one.
 */
import { basename } from 'node:path';
import { DraftvaultError, toDraftvaultError } from '../errors.js';
import type { Reporter } from '../runner/events.js';
import type { DeviceSession } from './device-session.js';
import type { FlowKit } from './flow-kit.js';

/** Where restored videos are put on the phone (a gallery folder the picker shows). */
export const RESTORE_DIR = '/sdcard/Movies';

/** One file's result. */
export interface RestoreOutcome {
  file: string;
  ok: boolean;
  remote?: string;
  draftsBefore?: number;
  draftsAfter?: number;
  reason?: string;
}

/** Restore each video (already read and checked) as a new draft. */
export async function runRestore(
  d: DeviceSession,
  kit: FlowKit,
  files: { path: string; bytes: Buffer }[],
  reporter: Reporter,
): Promise<RestoreOutcome[]> {
  const out: RestoreOutcome[] = [];
  for (const f of files) {
    const remote = `${RESTORE_DIR}/draftvault-${Date.now()}-${basename(f.path).replace(/[^\w.-]/g, '_')}`;
    try {
      const before = await kit.countDrafts();
      reporter.emit({ type: 'log', message: `restoring ${f.path} (drafts now: ${before})` });
      await d.session.pushFile(remote, f.bytes.toString('base64'));
      await kit.run('restore');
      const after = await kit.countDrafts();
      if (after !== before + 1)
        throw new DraftvaultError(
          'E_STEP_FAILED',
          `the drafts count went from ${before} to ${after}, not up by one`,
        );
      out.push({ file: f.path, ok: true, remote, draftsBefore: before, draftsAfter: after });
    } catch (err) {
      const e = toDraftvaultError(err, 'E_STEP_FAILED');
      if (e.code === 'E_INTERRUPTED') throw e;
      await kit.recover();
      out.push({ file: f.path, ok: false, remote, reason: e.message });
    }
  }
  return out;
}
