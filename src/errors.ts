/**
 * Errors and exit codes shared by every layer.
 *
 * Every failure a user can see is a {@link DraftvaultError}: a closed `code`, a one-line message,
 * an optional hint that says what to do, and the original `cause`. The exit code is derived from the
 * code, so the CLI never has to guess how bad a failure was.
 */

/** Process exit codes (DEVELOPERS.md). */
export const ExitCode = {
  ok: 0,
  flowFailed: 1,
  invalidInput: 2,
  unavailable: 3,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The closed set of error codes, each with the exit code it leads to. */
export const ErrorCodes = {
  /** Bad command line: unknown option, bad value. */
  E_USAGE: ExitCode.invalidInput,
  /** A config file or capability set is invalid. */
  E_CONFIG: ExitCode.invalidInput,
  /** A flow or selector file is invalid (see FlowError for the span). */
  E_FLOW_INVALID: ExitCode.invalidInput,
  /** The Appium server could not be started or reached. */
  E_APPIUM_UNAVAILABLE: ExitCode.unavailable,
  /** The device named could not be used (missing, unauthorized, offline, tooling missing). */
  E_DEVICE_UNAVAILABLE: ExitCode.unavailable,
  /** A session was created but the device stopped answering. */
  E_SESSION_LOST: ExitCode.unavailable,
  /** A flow step failed on the device. */
  E_STEP_FAILED: ExitCode.flowFailed,
  /** A job finished with drafts that failed or were skipped. */
  E_JOB_INCOMPLETE: ExitCode.flowFailed,
  /** The run was interrupted (SIGINT/SIGTERM or an abort signal). */
  E_INTERRUPTED: ExitCode.interrupted,
  /** A bug: something that should not happen. */
  E_INTERNAL: ExitCode.flowFailed,
} as const;
export type ErrorCode = keyof typeof ErrorCodes;

/** Options for {@link DraftvaultError}. */
export interface DraftvaultErrorOptions {
  /** What the user can do about it, in one sentence. */
  hint?: string;
  /** The underlying error. */
  cause?: unknown;
  /** Machine-readable details (kept out of the message). */
  details?: Record<string, unknown>;
}

/** The one error type users see. */
export class DraftvaultError extends Error {
  override readonly name: string = 'DraftvaultError';
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: DraftvaultErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }

  /** The process exit code this error leads to. */
  get exitCode(): ExitCode {
    return ErrorCodes[this.code];
  }

  /** A plain object for `--json` output and JSON logs. */
  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, hint: this.hint, ...this.details };
  }
}

/** True when `err` is a DraftvaultError, optionally with the given code. */
export function isDraftvaultError(err: unknown, code?: ErrorCode): err is DraftvaultError {
  return err instanceof DraftvaultError && (code === undefined || err.code === code);
}

/** Wrap anything thrown into a DraftvaultError, keeping DraftvaultErrors as they are. */
export function toDraftvaultError(err: unknown, fallback: ErrorCode = 'E_INTERNAL'): DraftvaultError {
  if (err instanceof DraftvaultError) return err;
  if (err instanceof Error && err.name === 'AbortError') {
    return new DraftvaultError('E_INTERRUPTED', 'interrupted', { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new DraftvaultError(fallback, message, { cause: err });
}
