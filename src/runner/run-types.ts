/**
 * What a flow run takes and gives back: its options, its result and the flow stack at a failure,
 * and how a step is named in events and stacks.
 */
import type { Value } from '../core/expr.js';
import { type DeviceFacts, describeAlternative } from '../core/selectors.js';
import type { DraftvaultError } from '../errors.js';
import type { Project } from '../flows/project.js';
import { stepKind } from '../steps/index.js';
import type { FileSink, Step } from '../steps/types.js';
import type { GatedDevice } from './device.js';
import type { Reporter } from './events.js';

/** Where failure artifacts go (a run folder, in practice). */
export interface ArtifactSink {
  readonly dir: string;
  save(name: string, data: Buffer | string): Promise<string>;
}

/** Everything a run needs. */
export interface RunOptions {
  session: WebdriverIO.Browser;
  project: Project;
  facts: DeviceFacts & { device: string };
  appId: string;
  params?: Record<string, Value>;
  reporter: Reporter;
  files: FileSink;
  artifacts: ArtifactSink;
  signal: AbortSignal;
  env?: Record<string, string | undefined>;
  pollMs?: number;
  /** The end of the Appium log, for failure artifacts. */
  appiumLogTail?: () => Promise<string>;
  /** Device folders steps may use (default: the media folders; config adds more). */
  deviceRoots?: readonly string[];
  /**
   * The session's gated device, when the caller runs several flows on one session (made once
   * per session: see `gatedDevice` in run.ts); else one is made for this run.
   */
  device?: GatedDevice;
  /**
   * A flow whose `appVersion:` range leaves out the phone's version: `enforce` (the default)
   * refuses it; `report` emits `flowOutOfRange` and runs it (check-ui only reads the phone).
   */
  versionRanges?: 'enforce' | 'report';
}

/** A frame of the flow stack at a failure. */
export interface StackFrame {
  flow: string;
  step: string;
  at: string;
}

/** The outcome of a run. */
export interface RunResult {
  ok: boolean;
  error?: DraftvaultError;
  vars: Record<string, Value>;
  commands: number;
  durationMs: number;
  /** Where the failure happened, outermost first. */
  stack?: StackFrame[];
  /** The folder holding failure artifacts. */
  artifactsDir?: string;
}

/** Describe a step for events and stacks: its label, else its kind and main argument. */
export function describeStep(step: Step): string {
  if (step.label) return step.label;
  const main = stepKind(step.kind)?.main?.(step.args as never);
  const shown =
    main === undefined
      ? ''
      : typeof main === 'string'
        ? ` ${main}`
        : ` ${describeAlternative(main as never)}`;
  return `${step.kind}${shown}`;
}
