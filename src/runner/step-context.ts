/**
 * The StepContext a step runs with: the gated device, waits through the finder (with pop-up
 * watchers), variables of the current scope, nested steps and flow calls, events. Steps get
 * nothing else: never the WebDriver session, never the disk except through the sinks.
 */
import { resolve as resolvePath } from 'node:path';
import type { Value } from '../core/expr.js';
import { DraftvaultError } from '../errors.js';
import type { Flow } from '../flows/flow.js';
import { checkScreenXml } from '../flows/screen-check.js';
import type { Condition, SelectorRef, Step, StepContext } from '../steps/types.js';
import type { GatedDevice } from './device.js';
import type { Finder } from './finder.js';
import type { RunOptions } from './run-types.js';
import type { Scopes } from './scope.js';

/** What the context reaches in the runner. */
export interface ContextHost {
  readonly o: RunOptions;
  readonly device: GatedDevice;
  readonly finder: Finder;
  readonly scopes: Scopes;
  popupsCleared(): number;
  runSteps(steps: readonly Step[]): Promise<void>;
  /** Check a flow applies to this device, then call it with its parameters. */
  callFlow(flow: Flow, params: Record<string, Value>): Promise<void>;
  holds(c: Condition): Promise<boolean>;
}

/** The context of one step, in the scope that is current when it starts. */
export function stepContext(h: ContextHost, step: Step): StepContext {
  const { o, finder, scopes } = h;
  const flow = scopes.current.flow;
  const timeoutMs = step.timeoutMs ?? flow.timeoutMs;
  const ref = (r: SelectorRef) => scopes.renderRef(r);
  return {
    device: h.device,
    platform: o.facts.platform,
    appId: flow.appId?.[o.facts.platform] ?? o.appId,
    signal: o.signal,
    timeoutMs,
    files: o.files,
    text: (s) => String(scopes.render(s) ?? ''),
    value: (s) => scopes.render(s),
    setVar: (n, v) => scopes.current.vars.set(n, v),
    find: (r, t, nth) => finder.find(ref(r), t ?? timeoutMs, nth),
    isVisible: (r, t) => finder.visible(ref(r), t ?? timeoutMs),
    present: (r) => finder.present(ref(r)),
    clearPopups: (thorough) => finder.clearInterruptions(thorough),
    popupsCleared: () => h.popupsCleared(),
    waitGone: (r, t) => finder.waitGone(ref(r), t ?? timeoutMs),
    runSteps: (steps) => h.runSteps(steps),
    runFlow: (file, params) => {
      const sub = o.project.flows.get(resolvePath(flow.file, '..', file));
      if (!sub) throw new DraftvaultError('E_FLOW_NOT_FOUND', `flow ${file} was not loaded`);
      return h.callFlow(sub, params);
    },
    holds: (c) => h.holds(c),
    log: (message) => o.reporter.emit({ type: 'log', message }),
    checkScreen: (screen, xml) => {
      const book = o.project.screens;
      if (!book) throw new DraftvaultError('E_INTERNAL', 'checkScreen without a screens file');
      const result = checkScreenXml(xml, `screen ${screen}`, book, o.facts, screen);
      o.reporter.emit({ type: 'screenChecked', screen, result });
      return result;
    },
    artifact: (name, data) => o.artifacts.save(name, data),
  };
}
