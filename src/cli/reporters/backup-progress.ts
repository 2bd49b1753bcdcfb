/**
 * Backup progress for people: a progress bar (drafts done / total, current step, elapsed) on a
 * terminal, one line per event otherwise (logs, CI). A fleet run gives each device a bar of one
 * shared display (cli-progress MultiBar), and its lines the device's name.
 */
import type { Writable } from 'node:stream';
import { type MultiBar, SingleBar } from 'cli-progress';
import type { JobEvent, JobReporter } from '../../jobs/events.js';

/** One device among several: its name, and the shared display its bar goes on (on a terminal). */
export interface FleetBar {
  label: string;
  multi?: MultiBar;
}

/** A reporter for the backup job. */
export function backupProgress(
  out: Writable & { isTTY?: boolean },
  fleet?: FleetBar,
): JobReporter & { stop(): void } {
  const tty = !!out.isTTY;
  let bar =
    tty && !fleet?.multi
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
  const prefix = fleet ? `[${fleet.label}] ` : '';
  const line = (s: string) => (tty ? undefined : out.write(`${prefix}${s}\n`));
  const start = () => {
    if (fleet?.multi) bar = fleet.multi.create(total, done, { step: 'starting', device: fleet.label });
    else bar?.start(total, done, { step: 'starting' });
  };
  return {
    emit(e: JobEvent) {
      switch (e.type) {
        case 'draftsCounted':
          total = Math.max(total, done + e.count);
          if (tty && !started) start();
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
          if (!started || !tty) {
            const text = `${prefix}preflight ${e.check.status.padEnd(7)} ${e.check.name}: ${e.check.detail}${e.check.status === 'warn' && e.check.fix ? ` (${e.check.fix})` : ''}\n`;
            if (tty && fleet?.multi) fleet.multi.log(text);
            else out.write(text);
          }
          break;
        case 'watcher':
          line(`  pop-up "${e.name}" cleared`);
          break;
        default:
          break;
      }
    },
    stop() {
      // A fleet's bars stop with their display.
      if (!fleet?.multi) bar?.stop();
    },
  };
}
