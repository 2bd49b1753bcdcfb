/**
 * Every event as one JSON line in a file (the run's machine-readable log), written with pino.
 * The destination is synchronous on purpose: the log must hold every event even if the process
 * dies right after (a SIGKILL gives no chance to flush a buffer).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pino from 'pino';
import type { Reporter } from '../../runner/events.js';

/** A reporter writing `{"time": ..., ...event}` lines to `file` (0600). */
export function jsonlReporter(file: string): Reporter {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const log = pino(
    // The events themselves (and pino's level): no pid or hostname, the time from the event.
    { base: null, timestamp: false },
    pino.destination({ dest: file, sync: true, mode: 0o600, mkdir: true }),
  );
  return {
    emit(e) {
      log.info({ time: new Date().toISOString(), ...e });
    },
  };
}
