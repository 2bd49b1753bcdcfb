/**
 * What a step kind is (schema, docs, run) and what it may use while running. Each kind lives in
 * its own file; `index.ts` registers them and derives the step types from that registry.
 */
import type { z } from 'zod';
import type { Value } from '../core/expr.js';
import type { Alternative } from '../core/selectors.js';
import type { Span } from '../errors.js';

/** A selector: a name from a selector file, or one inline alternative. */
export type SelectorRef = string | Alternative;

/** When a step (or a loop) applies. All given fields must hold. */
export interface Condition {
  visible?: SelectorRef;
  notVisible?: SelectorRef;
  platform?: 'android' | 'ios';
  appVersion?: string;
  expr?: string;
}

/** Bounded retry of a step (p-retry). */
export interface RetryPolicy {
  attempts: number;
  minTimeoutMs: number;
  factor: number;
}

/** A parsed step: its kind, validated args, the fields every step has, and its place in the YAML. */
export interface Step<K extends string = string, A = unknown> {
  kind: K;
  args: A;
  label?: string;
  timeoutMs?: number;
  optional: boolean;
  when?: Condition;
  retry?: RetryPolicy;
  span: Span;
  /** Where its arguments sit in the YAML document (for errors found later). */
  path: PropertyKey[];
}

/** An element found on the device: an opaque reference, so a step cannot act on it directly. */
export interface FoundElement {
  /** The WebDriver element id. */
  readonly id: string;
  /** The selector, in words, for messages. */
  readonly described: string;
  /**
   * Set when the element was not looked up again but remembered from the lookup just before
   * (nothing was sent to the screen since): looks it up afresh if the screen changed after all.
   */
  readonly refind?: () => Promise<FoundElement>;
}

/** A point on the screen, in pixels. */
export interface Point {
  x: number;
  y: number;
}

/** An element's place on the screen, in pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The device, as steps and watchers see it. Every method that can activate a control (taps,
 * presses, gestures, typing Enter) goes through the action gate first; file methods apply the
 * device path policy. Steps never get the WebDriver session itself.
 */
export interface Device {
  readonly platform: 'android' | 'ios';
  /** Tap an element (where a finger would: its centre). */
  tap(el: FoundElement): Promise<void>;
  /** Tap a point of the screen. */
  tapAt(p: Point): Promise<void>;
  /** Press and hold an element or a point. */
  longPress(target: FoundElement | Point, ms: number): Promise<void>;
  /** Move a finger from one point to another (swipes, scrolls). */
  swipe(from: Point, to: Point, ms: number): Promise<void>;
  /** Replace a field's text. A line break in `text` is an Enter key and is gated like a tap. */
  type(el: FoundElement, text: string): Promise<void>;
  /** Empty a field. */
  clear(el: FoundElement): Promise<void>;
  /** Raw W3C pointer actions (every pointer path is checked by the gate). */
  actions(sequences: readonly W3CActionSequence[]): Promise<void>;
  /** A `mobile:` gesture command (clickGesture, longClickGesture, dragGesture, swipeGesture...). */
  mobileGesture(name: string, args: Record<string, unknown>): Promise<void>;
  /** The system Back key. */
  back(): Promise<void>;
  /** Is the on-screen keyboard shown? */
  isKeyboardShown(): Promise<boolean>;
  launchApp(appId: string): Promise<void>;
  stopApp(appId: string): Promise<void>;
  rect(el: FoundElement): Promise<Rect>;
  text(el: FoundElement): Promise<string>;
  attribute(el: FoundElement, name: string): Promise<string | null>;
  windowSize(): Promise<{ width: number; height: number }>;
  screenshot(): Promise<Buffer>;
  /** A PNG of one element (a thumbnail): WebDriver's element screenshot. */
  elementScreenshot(el: FoundElement): Promise<Buffer>;
  /** The page source (UiAutomator2 or XCUITest XML). */
  pageSource(): Promise<string>;
  /** Copy bytes to a phone path (the device path policy applies). */
  pushFile(devicePath: string, bytes: Buffer): Promise<void>;
  /** Read a phone file (the device path policy applies). */
  pullFile(devicePath: string): Promise<Buffer>;
  /** Delete a phone file (the device path policy applies). */
  deleteFile(devicePath: string): Promise<void>;
}

/** One W3C input source with its actions (`{ type: 'pointer', id, parameters, actions }`). */
export interface W3CActionSequence {
  type: string;
  id: string;
  parameters?: Record<string, unknown>;
  actions: Record<string, unknown>[];
}

/** Local files for pushFile/pullFile: the runner never touches the disk itself. */
export interface FileSink {
  read(path: string): Promise<Buffer>;
  write(path: string, bytes: Buffer): Promise<string>;
}

/** What a running step can use. */
export interface StepContext {
  /** The device: every action that can activate a control goes through the action gate. */
  readonly device: Device;
  readonly platform: 'android' | 'ios';
  readonly appId: string;
  readonly signal: AbortSignal;
  /** This step's timeout (its own, else the flow default). */
  readonly timeoutMs: number;
  readonly files: FileSink;
  /** Render `${...}` in a string. */
  text(s: string): string;
  /** Render a string that may be a lone `${expr}` (keeps numbers and booleans). */
  value(s: string): Value;
  setVar(name: string, value: Value): void;
  /** Wait (polling the element itself, with pop-up watchers) until it is there; E_ELEMENT_NOT_FOUND otherwise. */
  find(ref: SelectorRef, timeoutMs?: number, nth?: number): Promise<FoundElement>;
  /** Is it there? Waits up to `timeoutMs` (0: look once). */
  isVisible(ref: SelectorRef, timeoutMs?: number): Promise<boolean>;
  /** Is it there right now? One look, without the pop-up watchers (for a step that clears them itself). */
  present(ref: SelectorRef): Promise<boolean>;
  /** Wait until it is gone; E_ASSERTION_FAILED otherwise. */
  waitGone(ref: SelectorRef, timeoutMs?: number): Promise<void>;
  /**
   * Clear one known pop-up (watchers) if one shows; true when one was cleared. `thorough: false`
   * (a first look) leaves out the watchers that cost a lookup of their own (xpath).
   */
  clearPopups(thorough?: boolean): Promise<boolean>;
  /** How many pop-ups the watchers have cleared so far in this run. */
  popupsCleared(): number;
  /** Run nested steps (repeat, runFlow). */
  runSteps(steps: readonly Step[]): Promise<void>;
  /** Run a flow file with parameters, in its own variable scope. */
  runFlow(file: string, params: Record<string, Value>): Promise<void>;
  /** Evaluate a condition. */
  holds(c: Condition): Promise<boolean>;
  log(message: string): void;
  /**
   * Check a screen of the flow's screens file against a page source (the rules of `flows check`)
   * and report it; returns the result.
   */
  checkScreen(screen: string, pageSource: string): ScreenCheckResult;
  /** Save an artifact (screenshot...) through the run's sink; returns where it went. */
  artifact(name: string, bytes: Buffer | string): Promise<string>;
}

/** What checkScreen found (the shape of `flows check`'s per-file result). */
export interface ScreenCheckResult {
  screen?: string;
  ok: boolean;
  checks: {
    name: string;
    role: string;
    ok: boolean;
    problem?: string;
    count: { device: number; strict: number };
  }[];
}

/** A step kind. */
export interface StepKind<A = unknown> {
  name: string;
  /** One line: what it does (used by `flows schema` and docs). */
  summary: string;
  /** Schema of its argument map (without the fields every step has). */
  args: z.ZodObject & z.ZodType<A>;
  /** How the scalar form (`- tap: nav.profile`) maps to the argument map. */
  shorthand?: (scalar: string | number | boolean | null) => unknown;
  /** Argument keys that hold nested step lists (parsed by the flow parser). */
  nested?: readonly string[];
  /** Its main argument, shown in logs and flow stacks ("tap nav.profile"). */
  main?: (args: A) => SelectorRef | undefined;
  /**
   * The variables it sets in its flow's scope (checked before a run: a `${name}` nobody sets is
   * an error). `outputsOf` gives a called flow's outputs.
   */
  sets?: (args: A, outputsOf: (flowFile: string) => readonly string[]) => string[];
  /** Selector references in its args (validated against the selector files). */
  selectors?: (args: A) => SelectorRef[];
  /**
   * Paths in its args: host files it reads (inside the flow project's folder) or writes (inside
   * the run folder), and phone paths (the device path policy). Literal ones are checked when the
   * flow is loaded; templated ones just before the step acts.
   */
  paths?: (args: A) => { hostRead?: string[]; hostWrite?: string[]; device?: string[] };
  run(ctx: StepContext, args: A, step: Step): Promise<void>;
}

/** Define a step kind with its argument type inferred from the schema. */
export function defineStep<S extends z.ZodObject>(
  kind: Omit<StepKind<z.infer<S>>, 'args'> & { args: S },
): StepKind<z.infer<S>> {
  return kind as unknown as StepKind<z.infer<S>>;
}
