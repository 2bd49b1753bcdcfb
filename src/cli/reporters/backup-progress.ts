/**
 * Backup progress for people: a progress bar (drafts done / total, current step, elapsed) on a
 * terminal, one line per event otherwise (logs, CI).
 */
import type { Writable } from 'node:stream';
import { SingleBar } from 'cli-progress';
import type { JobEvent, JobReporter } from '../../jobs/events.js';

/** A reporter for the backup job. */
export function backupProgress(out: Writable & { isTTY?: boolean }): JobReporter & { stop(): void } {
  const tty = !!out.isTTY;
  const bar = tty
    ? new SingleBar({
        format: 'drafts {value}/{total} |{bar}| {step} | {duration_formatted}',
        stream: out,
        hideCursor: true,
        clearOnComplete: false,
      })
    : undefined;
  let total = 0;
  let done = 0;
  let started = false;
  const line = (s: string) => (tty ? undefined : out.write(`${s}\n`));
  return {
    emit(e: JobEvent) {
      switch (e.type) {
        case 'draftsCounted':
          total = Math.max(total, done + e.count);
          if (bar && !started) bar.start(total, done, { step: 'starting' });
          else bar?.setTotal(total);
          started = true;
          line(`drafts left on the phone: ${e.count}`);
          break;
        case 'draftStarted':
          bar?.update(done, { step: `${e.resumed ? 'resuming' : 'draft'} ${e.marker}` });
          line(
            `${e.resumed ? 'resuming' : 'starting'} ${e.marker}${e.resumed ? '' : ` (draft ${e.index + 1} in the grid)`}`,
          );
          break;
        case 'draftStep':
          bar?.update(done, { step: `${e.marker}: ${e.step}` });
          line(`  ${e.marker}: ${e.step}`);
          break;
        case 'draftFinished':
          if (e.outcome.status === 'backed-up' || e.outcome.status === 'would-back-up') done += 1;
          bar?.update(done, { step: `${e.outcome.marker}: ${e.outcome.status}` });
          line(
            `  ${e.outcome.marker}: ${e.outcome.status}${e.outcome.file ? ` → ${e.outcome.file}` : ''}${e.outcome.reason ? ` (${e.outcome.reason})` : ''}`,
          );
          break;
        case 'preflight':
          // Before the drafts are counted: no bar yet, so a plain line on a terminal too.
          if (!started || !tty)
            out.write(
              `preflight ${e.check.status.padEnd(7)} ${e.check.name}: ${e.check.detail}${e.check.status === 'warn' && e.check.fix ? ` (${e.check.fix})` : ''}\n`,
            );
          break;
        case 'watcher':
          line(`  pop-up "${e.name}" cleared`);
          break;
        default:
          break;
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
