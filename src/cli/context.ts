/**
 * What every CLI command receives: its streams, environment and an AbortSignal that fires on
 * SIGINT/SIGTERM. Commands never call process.exit; they return or throw a DraftvaultError.
 */
import type { Writable } from 'node:stream';

/** The command's world. Tests can pass their own. */
export interface CliContext {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Fires when the user interrupts (Ctrl-C) or the process is asked to stop. */
  signal: AbortSignal;
}

/** Write one line. */
export function println(stream: Writable, line = ''): void {
  stream.write(`${line}\n`);
}
