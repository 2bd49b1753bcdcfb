/**
 * Run a parsed flow on a session: variables, conditions, repeat, retry, optional steps,
 * timeouts, watchers; events to a reporter; files and artifacts through injected sinks (the
 * runner does no file I/O itself). One runner per device; nothing global.
 */
import pRetry from 'p-retry';
import type { Value } from '../core/expr.js';
import { asInterrupt, DraftvaultError, isInterrupt, type Span, toDraftvaultError } from '../errors.js';
import type { Flow } from '../flows/flow.js';
import { stepKind } from '../steps/index.js';
import type { Condition, Step } from '../steps/types.js';
import { explain, saveFailureArtifacts } from './artifacts.js';
import { checkApplicable, holds } from './conditions.js';
import { GatedDevice } from './device.js';
import { Finder } from './finder.js';
import { describeStep, type RunOptions, type RunResult, type StackFrame } from './run-types.js';
import { Scope, Scopes } from './scope.js';
import { type ContextHost, stepContext } from './step-context.js';

export {
  type ArtifactSink,
  describeStep,
  type RunOptions,
  type RunResult,
  type StackFrame,
} from './run-types.js';

/** The gated device of a session, for callers that run several flows on it. */
export function gatedDevice(o: Pick<RunOptions, 'session' | 'facts' | 'deviceRoots'>): GatedDevice {
  return new GatedDevice(o.session, { platform: o.facts.platform, deviceRoots: o.deviceRoots });
}

/** Run the project's entry flow. Never throws for a flow failure: see RunResult. */
export async function runFlow(opts: RunOptions): Promise<RunResult> {
  return new FlowRunner(opts).run();
}

class FlowRunner implements ContextHost {
  private commands = 0;
  private popups = 0;
  readonly finder: Finder;
  readonly device: GatedDevice;
  readonly scopes: Scopes;
  private readonly stack: StackFrame[] = [];
  readonly popupsCleared = () => this.popups;
  private readonly countCommand = () => {
    this.commands += 1;
  };

  constructor(readonly o: RunOptions) {
    this.device = o.device ?? gatedDevice(o);
    this.scopes = new Scopes(o);
    const resolve = this.scopes.resolveSelector;
    this.finder = new Finder({
      session: o.session,
      device: this.device,
      platform: o.facts.platform,
      resolve,
      watchers: o.project.selectors.watchers.map((w) => ({
        name: w.name,
        action: w.action,
        selector: resolve(w.selector),
      })),
      signal: o.signal,
      pollMs: o.pollMs ?? 100,
      memory: this.device.memory,
      onWatcher: (name, action) => {
        this.popups += 1;
        o.reporter.emit({ type: 'watcher', name, action });
      },
    });
  }

  async run(): Promise<RunResult> {
    const started = Date.now();
    this.o.session.on('command', this.countCommand);
    try {
      await this.callFlow(this.o.project.entry, this.o.params ?? {});
      return {
        ok: true,
        vars: this.scopes.vars(),
        commands: this.commands,
        durationMs: Date.now() - started,
      };
    } catch (err) {
      const interrupted = isInterrupt(err, this.o.signal);
      const e = interrupted
        ? asInterrupt(this.o.signal.reason ?? err)
        : toDraftvaultError(err, 'E_STEP_FAILED');
      const stack = [...this.stack];
      const saved = interrupted ? undefined : await saveFailureArtifacts(this.o, this.device, e, stack);
      return {
        ok: false,
        error: saved?.source ? explain(e, saved.source, this.o.facts.platform) : e,
        vars: this.scopes.vars(),
        commands: this.commands,
        durationMs: Date.now() - started,
        stack,
        artifactsDir: saved?.files.length ? this.o.artifacts.dir : undefined,
      };
    } finally {
      this.o.session.off('command', this.countCommand);
    }
  }

  async callFlow(flow: Flow, params: Record<string, Value>): Promise<void> {
    checkApplicable(
      flow,
      this.o.facts,
      this.o.versionRanges === 'report'
        ? (range, appVersion) =>
            this.o.reporter.emit({
              type: 'flowOutOfRange',
              flow: flow.name,
              file: flow.file,
              range,
              appVersion,
              span: flow.span,
            })
        : undefined,
    );
    const scope = new Scope(flow);
    for (const [k, decl] of Object.entries(flow.params)) scope.vars.set(k, params[k] ?? decl.default ?? null);
    this.scopes.push(scope);
    const started = Date.now();
    const before = this.commands;
    const depth = this.stack.length;
    this.o.reporter.emit({ type: 'flowStarted', flow: flow.name, file: flow.file, depth });
    let ok = false;
    try {
      await this.runSteps(flow.steps);
      ok = true;
      const caller = this.scopes.caller;
      for (const out of flow.outputs) caller?.vars.set(out, scope.vars.get(out) ?? null);
    } finally {
      this.o.reporter.emit({
        type: 'flowFinished',
        flow: flow.name,
        ok,
        durationMs: Date.now() - started,
        commands: this.commands - before,
        depth,
      });
      this.scopes.pop();
    }
  }

  async runSteps(steps: readonly Step[]): Promise<void> {
    for (const step of steps) {
      this.o.signal.throwIfAborted();
      await this.runStep(step);
    }
  }

  private async runStep(step: Step): Promise<void> {
    const kind = stepKind(step.kind)!;
    const flow = this.scopes.current.flow.name;
    const name = describeStep(step);
    const depth = this.stack.length + 1;
    const started = Date.now();
    const before = this.commands;
    const finish = (status: 'passed' | 'skipped' | 'failed' | 'failedOptional', e?: DraftvaultError) =>
      this.o.reporter.emit({
        type: 'stepFinished',
        flow,
        step: name,
        span: step.span,
        depth,
        status,
        durationMs: Date.now() - started,
        commands: this.commands - before,
        error: e && { code: e.code, message: e.message, hint: e.hint },
      });
    this.o.reporter.emit({ type: 'stepStarted', flow, step: name, span: step.span, depth });
    if (step.when && !(await this.holds(step.when))) return finish('skipped');
    this.stack.push({ flow, step: name, at: where(step.span) });
    const ctx = stepContext(this, step);
    try {
      const attempt = () => kind.run(ctx, step.args, step);
      if (step.retry) {
        const r = step.retry;
        await pRetry(attempt, {
          retries: r.attempts - 1,
          minTimeout: r.minTimeoutMs,
          factor: r.factor,
          signal: this.o.signal,
          shouldRetry: ({ error }) => !isInvalidInput(error),
        });
      } else await attempt();
      this.stack.pop();
      finish('passed');
    } catch (err) {
      const e = toDraftvaultError(err, 'E_STEP_FAILED');
      // `optional` forgives a failed step, never an interrupt or a refused publish.
      if (step.optional && !isInterrupt(err, this.o.signal) && e.code !== 'E_PRIVACY_UNPROVEN') {
        this.stack.pop();
        return finish('failedOptional', e);
      }
      finish('failed', e);
      throw err;
    }
  }

  holds(c: Condition): Promise<boolean> {
    return holds(c, { facts: this.o.facts, scopes: this.scopes, finder: this.finder });
  }
}

function where(s: Span): string {
  return `${s.file}:${s.line}:${s.col}`;
}

/** Never retried: invalid input (retrying cannot fix it), interrupts, and refused publishes. */
function isInvalidInput(err: unknown): boolean {
  return (
    isInterrupt(err) ||
    (err instanceof DraftvaultError && (err.exitCode === 2 || err.code === 'E_PRIVACY_UNPROVEN'))
  );
}
