/**
 * Run a parsed flow on a session: variables, conditions, repeat, retry, optional steps,
 * timeouts, watchers; events to a reporter; files and artifacts through injected sinks (the
 * runner does no file I/O itself). One runner per device; nothing global.
 */
import { resolve as resolvePath } from 'node:path';
import pRetry from 'p-retry';
import { evaluate, parseExpr, parseTemplate, renderTemplate, truthy, type Value } from '../core/expr.js';
import { versionMatches } from '../core/fields.js';
import { alternativesFor, type DeviceFacts, describeAlternative } from '../core/selectors.js';
import { asInterrupt, DraftvaultError, isInterrupt, type Span, toDraftvaultError } from '../errors.js';
import type { Flow } from '../flows/flow.js';
import type { Project } from '../flows/project.js';
import { checkScreenXml } from '../flows/screen-check.js';
import { stepKind } from '../steps/index.js';
import type { Condition, FileSink, SelectorRef, Step, StepContext } from '../steps/types.js';
import { GatedDevice } from './device.js';
import { diagnose, diagnosisLines } from './diagnose.js';
import type { Reporter } from './events.js';
import { Finder, type ResolvedSelector } from './finder.js';

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
   * A flow whose `appVersion:` range leaves out the phone's version: `enforce` (the default)
   * refuses it; `report` emits `flowOutOfRange` and runs it (check-ui, which only reads the phone,
   * must walk a new TikTok version to tell what to fix).
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

/** One variable scope (a flow call); inline groups share their flow's scope. */
class Scope {
  readonly vars = new Map<string, Value>();
  constructor(readonly flow: Flow) {}
}

/** Run the project's entry flow. Never throws for a flow failure: see RunResult. */
export async function runFlow(opts: RunOptions): Promise<RunResult> {
  return new FlowRunner(opts).run();
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

class FlowRunner {
  private commands = 0;
  private popups = 0;
  private readonly finder: Finder;
  private readonly device: GatedDevice;
  private readonly stack: StackFrame[] = [];
  private readonly scopes: Scope[] = [];
  private readonly countCommand = () => {
    this.commands += 1;
  };

  constructor(private readonly o: RunOptions) {
    this.device = new GatedDevice(o.session, { platform: o.facts.platform, deviceRoots: o.deviceRoots });
    this.finder = new Finder({
      session: o.session,
      device: this.device,
      platform: o.facts.platform,
      resolve: (ref) => this.resolveSelector(ref),
      watchers: o.project.selectors.watchers.map((w) => ({
        name: w.name,
        action: w.action,
        selector: this.resolveSelector(w.selector),
      })),
      signal: o.signal,
      pollMs: o.pollMs ?? 100,
      onWatcher: (name, action) => {
        this.popups += 1;
        o.reporter.emit({ type: 'watcher', name, action });
      },
    });
  }

  async run(): Promise<RunResult> {
    const started = Date.now();
    const entry = this.o.project.entry;
    this.o.session.on('command', this.countCommand);
    try {
      this.checkApplicable(entry);
      await this.callFlow(entry, this.o.params ?? {});
      return { ok: true, vars: this.varsOf(), commands: this.commands, durationMs: Date.now() - started };
    } catch (err) {
      const interrupted = isInterrupt(err, this.o.signal);
      const e = interrupted
        ? asInterrupt(this.o.signal.reason ?? err)
        : toDraftvaultError(err, 'E_STEP_FAILED');
      const stack = [...this.stack];
      const saved = interrupted ? undefined : await this.saveArtifacts(e, stack);
      return {
        ok: false,
        error: saved?.source ? explain(e, saved.source, this.o.facts.platform) : e,
        vars: this.varsOf(),
        commands: this.commands,
        durationMs: Date.now() - started,
        stack,
        artifactsDir: saved?.files.length ? this.o.artifacts.dir : undefined,
      };
    } finally {
      this.o.session.off('command', this.countCommand);
    }
  }

  private varsOf(): Record<string, Value> {
    return Object.fromEntries(this.scopes[0]?.vars ?? []);
  }

  private checkApplicable(flow: Flow): void {
    const { platform, appVersion } = this.o.facts;
    if (!flow.platforms.includes(platform)) {
      throw new DraftvaultError('E_FLOW_NOT_APPLICABLE', `flow ${flow.name} is not for ${platform}`, {
        span: flow.span,
      });
    }
    if (flow.appVersion && appVersion && !versionMatches(appVersion, flow.appVersion)) {
      if (this.o.versionRanges === 'report') {
        const { file, range, span } = { file: flow.file, range: flow.appVersion, span: flow.span };
        this.o.reporter.emit({ type: 'flowOutOfRange', flow: flow.name, file, range, appVersion, span });
        return;
      }
      throw new DraftvaultError(
        'E_FLOW_NOT_APPLICABLE',
        `flow ${flow.name} is for app ${flow.appVersion}, the phone has ${appVersion}`,
        {
          span: flow.span,
          hint: 'update the flow (and its appVersion range) for this TikTok version',
        },
      );
    }
  }

  private async callFlow(flow: Flow, params: Record<string, Value>): Promise<void> {
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
      const caller = this.scopes.at(-2);
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
      if (this.scopes.length > 1) this.scopes.pop();
    }
  }

  private get scope(): Scope {
    return this.scopes.at(-1)!;
  }

  private lookup = (path: string[]): Value | undefined => {
    const [head, ...rest] = path;
    if (head === 'env') return this.o.env?.[rest.join('.')] ?? null;
    if (this.scope.vars.has(head!)) return this.scope.vars.get(head!);
    const f = this.o.facts as unknown as Record<string, Value | undefined>;
    return f[head!];
  };

  async runSteps(steps: readonly Step[]): Promise<void> {
    for (const step of steps) {
      this.o.signal.throwIfAborted();
      await this.runStep(step);
    }
  }

  private async runStep(step: Step): Promise<void> {
    const kind = stepKind(step.kind)!;
    const flow = this.scope.flow.name;
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
    const ctx = this.context(step);
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

  private resolveSelector(ref: SelectorRef): ResolvedSelector {
    if (typeof ref !== 'string') return { description: describeAlternative(ref), alternatives: [ref] };
    const named = this.o.project.selectors.byName.get(ref);
    if (!named) throw new DraftvaultError('E_UNKNOWN_SELECTOR', `no selector named "${ref}"`);
    return {
      description: `${ref} (${named.def.description})`,
      alternatives: alternativesFor(named.def, this.o.facts),
      name: ref,
      definedAt: named.span,
    };
  }

  /** Inline selectors may use ${...} too (e.g. textContains: "${marker}"). */
  private renderRef(r: SelectorRef): SelectorRef {
    if (typeof r === 'string') return r;
    const render = (v: string) => String(renderTemplate(parseTemplate(v), this.lookup) ?? '');
    return Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && k !== 'within' ? render(v) : v]),
    ) as SelectorRef;
  }

  async holds(c: Condition): Promise<boolean> {
    const f = this.o.facts;
    if (c.platform && c.platform !== f.platform) return false;
    if (c.appVersion && !versionMatches(f.appVersion, c.appVersion)) return false;
    if (c.expr !== undefined && !truthy(evaluate(parseExpr(c.expr), this.lookup))) return false;
    if (c.visible !== undefined && !(await this.finder.visible(this.renderRef(c.visible), 0))) return false;
    if (
      c.notVisible !== undefined &&
      (await this.finder.findNow(this.resolveSelector(this.renderRef(c.notVisible))))
    )
      return false;
    return true;
  }

  private context(step: Step): StepContext {
    const o = this.o;
    const timeoutMs = step.timeoutMs ?? this.scope.flow.timeoutMs;
    const flowFile = this.scope.flow.file;
    const render = (s: string) => renderTemplate(parseTemplate(s), this.lookup);
    const ref = (r: SelectorRef) => this.renderRef(r);
    const ctx: StepContext = {
      device: this.device,
      platform: o.facts.platform,
      appId: this.scope.flow.appId?.[o.facts.platform] ?? o.appId,
      signal: o.signal,
      timeoutMs,
      files: o.files,
      text: (s) => String(render(s) ?? ''),
      value: render,
      setVar: (n, v) => this.scope.vars.set(n, v),
      find: (r, t, nth) => this.finder.find(ref(r), t ?? timeoutMs, nth),
      isVisible: (r, t) => this.finder.visible(ref(r), t ?? timeoutMs),
      clearPopups: () => this.finder.clearInterruptions(),
      popupsCleared: () => this.popups,
      waitGone: (r, t) => this.finder.waitGone(ref(r), t ?? timeoutMs),
      runSteps: (steps) => this.runSteps(steps),
      runFlow: (file, params) => {
        const sub = o.project.flows.get(resolvePath(flowFile, '..', file));
        if (!sub) throw new DraftvaultError('E_FLOW_NOT_FOUND', `flow ${file} was not loaded`);
        this.checkApplicable(sub);
        return this.callFlow(sub, params);
      },
      holds: (c) => this.holds(c),
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
    return ctx;
  }

  /** Save what shows the failure; the page source comes back for the diagnosis. */
  private async saveArtifacts(
    e: DraftvaultError,
    stack: StackFrame[],
  ): Promise<{ files: string[]; source?: string }> {
    const files: string[] = [];
    let source: string | undefined;
    const tryIt = async (name: string, get: () => Promise<Buffer | string>) => {
      try {
        files.push(await this.o.artifacts.save(name, await get()));
      } catch {
        // The device may be gone; save what can be saved.
      }
    };
    await tryIt('failure-screenshot.png', () => this.device.screenshot());
    await tryIt('failure-page-source.xml', async () => {
      source = await this.o.session.getPageSource();
      return source;
    });
    await tryIt('failure-stack.json', async () => JSON.stringify({ error: e.toJSON(), stack }, null, 2));
    if (this.o.appiumLogTail) await tryIt('failure-appium-log.txt', this.o.appiumLogTail);
    this.o.reporter.emit({ type: 'artifacts', dir: this.o.artifacts.dir, files });
    return { files, source };
  }
}

/** A not-found error with its diagnosis on the failure screen: counts, where to edit, near misses. */
function explain(e: DraftvaultError, source: string, platform: 'android' | 'ios'): DraftvaultError {
  const d = diagnose(e, source, platform);
  if (!d) return e;
  return new DraftvaultError(e.code, e.message, {
    span: e.span,
    hint: diagnosisLines(d).join('\n  '),
    cause: e.cause,
    details: { ...e.details, diagnosis: d },
  });
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
