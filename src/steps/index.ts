/**
 * The step registry. Adding a step kind: write src/steps/<name>.ts, add it here; the types, the
 * parser, `flows validate` and `flows schema` follow from this object.
 */
import { assertNotVisible } from './assertNotVisible.js';
import { assertVisible } from './assertVisible.js';
import { back } from './back.js';
import { checkScreen } from './checkScreen.js';
import { clearText } from './clearText.js';
import { deleteFile } from './deleteFile.js';
import { dismissPopups } from './dismissPopups.js';
import { inputText } from './inputText.js';
import { launchApp } from './launchApp.js';
import { log } from './log.js';
import { longPress } from './longPress.js';
import { pullFile } from './pullFile.js';
import { pushFile } from './pushFile.js';
import { readText } from './readText.js';
import { repeat } from './repeat.js';
import { runFlow } from './runFlow.js';
import { screenshot } from './screenshot.js';
import { scrollUntilVisible } from './scrollUntilVisible.js';
import { setVar } from './setVar.js';
import { stopApp } from './stopApp.js';
import { swipe } from './swipe.js';
import { tap } from './tap.js';
import type { Step, StepKind } from './types.js';
import { waitFor } from './waitFor.js';

export const STEPS = {
  launchApp,
  stopApp,
  tap,
  longPress,
  inputText,
  clearText,
  back,
  swipe,
  scrollUntilVisible,
  waitFor,
  assertVisible,
  assertNotVisible,
  readText,
  screenshot,
  pushFile,
  pullFile,
  deleteFile,
  dismissPopups,
  checkScreen,
  setVar,
  log,
  runFlow,
  repeat,
} as const;

/** Step kind names. */
export type StepName = keyof typeof STEPS;

/** The arguments of each step kind, derived from its schema. */
export type StepArgs<K extends StepName> = (typeof STEPS)[K] extends StepKind<infer A> ? A : never;

/** Any parsed step, as a union discriminated by `kind`. */
export type AnyStep = { [K in StepName]: Step<K, StepArgs<K>> }[StepName];

/** Look up a step kind by name. */
export function stepKind(name: string): StepKind | undefined {
  return Object.hasOwn(STEPS, name) ? (STEPS[name as StepName] as StepKind) : undefined;
}
