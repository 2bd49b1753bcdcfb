/** Every event as one JSON line in a file (the run's machine-readable log). */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter } from '../../runner/events.js';

/** A reporter appending `{"time": ..., ...event}` lines to `file`. */
export function jsonlReporter(file: string): Reporter {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  return {
    emit(e) {
      // Synchronous on purpose: the log must hold every event even if the process dies right after.
      appendFileSync(file, `${JSON.stringify({ time: new Date().toISOString(), ...e })}\n`, { mode: 0o600 });
    },
  };
}
