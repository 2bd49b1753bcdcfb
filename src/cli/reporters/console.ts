/** Human-readable run output, one line per finished step. */
import type { Writable } from 'node:stream';
import type { Reporter, RunEvent } from '../../runner/events.js';

const MARK = { passed: '✓', skipped: '-', failed: '✗', failedOptional: '~' } as const;

/** A reporter that prints steps as they finish. `verbose` also prints logs. */
export function consoleReporter(out: Writable, verbose = true): Reporter {
  return {
    emit(e: RunEvent) {
      const pad = (d: number) => '  '.repeat(Math.max(0, d));
      switch (e.type) {
        case 'flowStarted':
          out.write(`${pad(e.depth)}▶ ${e.flow} (${e.file})\n`);
          break;
        case 'stepFinished': {
          const took = `${(e.durationMs / 1000).toFixed(1)}s`;
          out.write(
            `${pad(e.depth)}${MARK[e.status]} ${e.step.padEnd(38)} ${took.padStart(6)} ${String(e.commands).padStart(4)} cmds\n`,
          );
          if (e.error && e.status === 'failedOptional')
            out.write(`${pad(e.depth + 1)}(optional) ${e.error.message}\n`);
          break;
        }
        case 'watcher':
          out.write(`  ! pop-up "${e.name}" cleared (${e.action})\n`);
          break;
        case 'log':
          if (verbose) out.write(`  · ${e.message}\n`);
          break;
        case 'artifacts':
          out.write(`  failure artifacts: ${e.dir}\n`);
          break;
        default:
          break;
      }
    },
  };
}
