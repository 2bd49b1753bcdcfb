/**
 * Variables and selectors while a flow runs: one scope per flow call (inline groups share their
 * flow's), `${...}` rendered against it, the device facts and `env`; named selectors resolved to
 * the alternatives that apply to this device.
 */
import { parseTemplate, renderTemplate, type Value } from '../core/expr.js';
import { alternativesFor, describeAlternative } from '../core/selectors.js';
import { DraftvaultError } from '../errors.js';
import type { Flow } from '../flows/flow.js';
import type { SelectorRef } from '../steps/types.js';
import type { ResolvedSelector } from './finder.js';
import type { RunOptions } from './run-types.js';

/** One variable scope (a flow call). */
export class Scope {
  readonly vars = new Map<string, Value>();
  constructor(readonly flow: Flow) {}
}

/** The stack of scopes of a run, and what reads them. */
export class Scopes {
  private readonly stack: Scope[] = [];

  constructor(private readonly o: Pick<RunOptions, 'env' | 'facts' | 'project'>) {}

  push(scope: Scope): void {
    this.stack.push(scope);
  }

  /** Leave a flow call (the entry flow's scope stays: its variables are the run's result). */
  pop(): void {
    if (this.stack.length > 1) this.stack.pop();
  }

  get current(): Scope {
    return this.stack.at(-1)!;
  }

  /** The scope of the flow that called the current one. */
  get caller(): Scope | undefined {
    return this.stack.at(-2);
  }

  /** The entry flow's variables. */
  vars(): Record<string, Value> {
    return Object.fromEntries(this.stack[0]?.vars ?? []);
  }

  readonly lookup = (path: string[]): Value | undefined => {
    const [head, ...rest] = path;
    if (head === 'env') return this.o.env?.[rest.join('.')] ?? null;
    if (this.current.vars.has(head!)) return this.current.vars.get(head!);
    const f = this.o.facts as unknown as Record<string, Value | undefined>;
    return f[head!];
  };

  /** Render a string that may hold `${...}`. */
  render(s: string): Value {
    return renderTemplate(parseTemplate(s), this.lookup);
  }

  /** Inline selectors may use ${...} too (e.g. textContains: "${marker}"). */
  renderRef(r: SelectorRef): SelectorRef {
    if (typeof r === 'string') return r;
    return Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        typeof v === 'string' && k !== 'within' ? String(this.render(v) ?? '') : v,
      ]),
    ) as SelectorRef;
  }

  /** A selector name or inline alternative, as the alternatives that apply to this device. */
  readonly resolveSelector = (ref: SelectorRef): ResolvedSelector => {
    if (typeof ref !== 'string') return { description: describeAlternative(ref), alternatives: [ref] };
    const named = this.o.project.selectors.byName.get(ref);
    if (!named) throw new DraftvaultError('E_UNKNOWN_SELECTOR', `no selector named "${ref}"`);
    return {
      description: `${ref} (${named.def.description})`,
      alternatives: alternativesFor(named.def, this.o.facts),
      name: ref,
      definedAt: named.span,
    };
  };
}
