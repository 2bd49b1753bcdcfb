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
  /** Another run holds the lock on this backup folder or device. */
  busy: 4,
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
  /** The device is there but not ready for an unattended run (battery, lock screen, storage). */
  E_PREFLIGHT_FAILED: ExitCode.unavailable,
  /** Neither a systemd user manager nor cron can take the schedule, or it refused it. */
  E_SCHEDULER_UNAVAILABLE: ExitCode.unavailable,
  /** A session was created but the device stopped answering. */
  E_SESSION_LOST: ExitCode.unavailable,
  /** A flow step failed on the device. */
  E_STEP_FAILED: ExitCode.flowFailed,
  /** A job finished with drafts that failed or were skipped. */
  E_JOB_INCOMPLETE: ExitCode.flowFailed,
  // Flow and selector files (all invalid input: exit 2, before any session starts).
  /** The YAML itself does not parse. */
  E_YAML_SYNTAX: ExitCode.invalidInput,
  /** A document or step has the wrong shape (not a map, several step names in one item...). */
  E_FLOW_SHAPE: ExitCode.invalidInput,
  /** No step kind has this name. */
  E_UNKNOWN_STEP: ExitCode.invalidInput,
  /** A field that the step, header or selector does not have. */
  E_UNKNOWN_FIELD: ExitCode.invalidInput,
  /** A required field is missing. */
  E_MISSING_FIELD: ExitCode.invalidInput,
  /** A field has the wrong type or an out-of-range value. */
  E_BAD_VALUE: ExitCode.invalidInput,
  /** A selector name that no selector file defines. */
  E_UNKNOWN_SELECTOR: ExitCode.invalidInput,
  /** A parameter the called flow does not declare, or a variable nobody sets. */
  E_UNKNOWN_PARAM: ExitCode.invalidInput,
  /** A regular expression that does not compile. */
  E_BAD_REGEX: ExitCode.invalidInput,
  /** A duration that does not parse ("5s", "250ms", "2m"). */
  E_BAD_TIMEOUT: ExitCode.invalidInput,
  /** Two flows, selectors or parameters with the same name. */
  E_DUPLICATE_NAME: ExitCode.invalidInput,
  /** runFlow calls that loop back to themselves. */
  E_CYCLIC_FLOW: ExitCode.invalidInput,
  /** Selectors searched `within` each other in a loop. */
  E_CYCLIC_SELECTOR: ExitCode.invalidInput,
  /** runFlow names a file that does not exist. */
  E_FLOW_NOT_FOUND: ExitCode.invalidInput,
  /** An expression (`${...}`, `when.expr`) that does not parse. */
  E_BAD_EXPRESSION: ExitCode.invalidInput,
  /** A host or device path outside where flows may read or write. */
  E_PATH_OUTSIDE: ExitCode.invalidInput,
  /** A file that is not acceptable as input: too large, not UTF-8, not a file. */
  E_BAD_FILE: ExitCode.invalidInput,
  /** Another run holds the lock (same backup folder or device). */
  E_LOCKED: ExitCode.busy,
  // Running a flow.
  /** No alternative of a selector matched within the timeout. */
  E_ELEMENT_NOT_FOUND: ExitCode.flowFailed,
  /** An assertion step failed. */
  E_ASSERTION_FAILED: ExitCode.flowFailed,
  /** A publish tap was refused: the screen did not prove the post is private. */
  E_PRIVACY_UNPROVEN: ExitCode.flowFailed,
  /** The flow does not apply to this device (platform or app version). */
  E_FLOW_NOT_APPLICABLE: ExitCode.flowFailed,
  /** The run was interrupted (SIGINT/SIGTERM or an abort signal). */
  E_INTERRUPTED: ExitCode.interrupted,
  /** A bug: something that should not happen. */
  E_INTERNAL: ExitCode.flowFailed,
} as const;
export type ErrorCode = keyof typeof ErrorCodes;

/** A place in a source file (1-based line and column). */
export interface Span {
  file: string;
  line: number;
  col: number;
}

/** Options for {@link DraftvaultError}. */
export interface DraftvaultErrorOptions {
  /** Where in a flow, selector or config file. */
  span?: Span;
  /** The source lines around the span, with a caret (see flows/frame.ts). */
  frame?: string;
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
  readonly span: Span | undefined;
  readonly frame: string | undefined;

  constructor(code: ErrorCode, message: string, options: DraftvaultErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
    this.span = options.span;
    this.frame = options.frame;
  }

  /** "file:line:col" when the error has a place. */
  get where(): string | undefined {
    return this.span ? `${this.span.file}:${this.span.line}:${this.span.col}` : undefined;
  }

  /** The process exit code this error leads to. */
  get exitCode(): ExitCode {
    return ErrorCodes[this.code];
  }

  /** A plain object for `--json` output and JSON logs. */
  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, hint: this.hint, where: this.where, ...this.details };
  }
}

/** True when `err` is a DraftvaultError, optionally with the given code. */
export function isDraftvaultError(err: unknown, code?: ErrorCode): err is DraftvaultError {
  return err instanceof DraftvaultError && (code === undefined || err.code === code);
}

/**
 * Is this an interrupt (Ctrl-C, SIGTERM, an aborted signal)? The one test every catch uses: an
 * interrupt is never swallowed, retried or turned into "failed, go on".
 */
export function isInterrupt(err: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  if (err instanceof DraftvaultError) return err.code === 'E_INTERRUPTED';
  return (
    err instanceof Error && (err.name === 'AbortError' || (err.cause !== undefined && isInterrupt(err.cause)))
  );
}

/** Rethrow `err` when it is an interrupt; otherwise return it (for `catch (e) { rethrowInterrupt(e) ... }`). */
export function rethrowInterrupt<T>(err: T, signal?: AbortSignal): T {
  if (isInterrupt(err, signal)) throw asInterrupt(signal?.aborted ? (signal.reason ?? err) : err);
  return err;
}

/** An interrupt as the one error users see for it. */
export function asInterrupt(err: unknown): DraftvaultError {
  if (err instanceof DraftvaultError && err.code === 'E_INTERRUPTED') return err;
  return new DraftvaultError('E_INTERRUPTED', 'interrupted', { cause: err });
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
