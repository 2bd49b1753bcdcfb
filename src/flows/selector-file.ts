/** Load selector files: named selectors (with their places) and pop-up watchers, checked. */
import { isMap, isScalar } from 'yaml';
import {
  type Alternative,
  alternativeSchema,
  type SelectorDef,
  selectorDefSchema,
  selectorFileSchema,
  type Watcher,
} from '../core/selectors.js';
import type { Span } from '../errors.js';
import { didYouMean, errorAt, issueToError, nodeAt, spanOf, type YamlFile } from './yaml.js';

/** A named selector and where it was defined. */
export interface NamedSelector {
  name: string;
  def: SelectorDef;
  span: Span;
  /** The file it came from (for errors placed inside it). */
  yaml: YamlFile;
}

/** What a selector file holds. */
export interface SelectorFile {
  file: string;
  selectors: NamedSelector[];
  watchers: (Watcher & { span: Span; yaml: YamlFile; index: number })[];
}

function keysFor(path: PropertyKey[]): string[] {
  if (path.length === 0) return ['selectors', 'watchers'];
  if (typeof path.at(-1) === 'number' && path[0] === 'watchers') return ['name', 'selector', 'action'];
  if (typeof path.at(-1) === 'number') return Object.keys(alternativeSchema.shape);
  if (path.length === 2) return Object.keys(selectorDefSchema.shape);
  return [];
}

/** Parse a selector file (already YAML-parsed). */
export function parseSelectorFile(y: YamlFile): SelectorFile {
  if (y.js === null || typeof y.js !== 'object' || Array.isArray(y.js)) {
    throw errorAt(
      y,
      y.doc.contents ?? undefined,
      'E_FLOW_SHAPE',
      'a selector file is a map with "selectors" (and optional "watchers")',
      'start with "selectors:" and name each selector under it',
    );
  }
  const res = selectorFileSchema.safeParse(y.js);
  if (!res.success) throw issueToError(y, [], res.error.issues[0]!, keysFor);
  const names = nodeAt(y, ['selectors']);
  const selectors: NamedSelector[] = Object.entries(res.data.selectors).map(([name, def]) => {
    const pair = isMap(names) ? names.items.find((p) => isScalar(p.key) && p.key.value === name) : undefined;
    return { name, def, span: spanOf(y, (pair?.key as never) ?? names), yaml: y };
  });
  const watchers = res.data.watchers.map((w, index) => ({
    ...w,
    span: spanOf(y, nodeAt(y, ['watchers', index])),
    yaml: y,
    index,
  }));
  return { file: y.file, selectors, watchers };
}

/** Every alternative of a selector with its place in the file (platform lists and overrides). */
function placedAlternatives(s: NamedSelector): { alt: Alternative; path: PropertyKey[] }[] {
  const out: { alt: Alternative; path: PropertyKey[] }[] = [];
  const add = (list: Alternative[] | undefined, path: PropertyKey[]) => {
    for (const [i, alt] of (list ?? []).entries()) out.push({ alt, path: [...path, i] });
  };
  const base = ['selectors', s.name];
  for (const k of ['android', 'ios', 'any'] as const) add(s.def[k], [...base, k]);
  s.def.overrides?.forEach((o, oi) => {
    for (const k of ['android', 'ios', 'any'] as const) add(o[k], [...base, 'overrides', oi, k]);
  });
  return out;
}

/** A registry of selectors from several files; a name defined twice is an error. */
export class SelectorRegistry {
  readonly byName = new Map<string, NamedSelector>();
  readonly watchers: SelectorFile['watchers'] = [];

  add(f: SelectorFile): void {
    for (const s of f.selectors) {
      const prev = this.byName.get(s.name);
      if (prev) {
        throw errorAt(
          s.yaml,
          nodeAt(s.yaml, ['selectors', s.name], true),
          'E_DUPLICATE_NAME',
          `selector "${s.name}" is defined twice`,
          `it is also defined at ${prev.span.file}:${prev.span.line}:${prev.span.col}`,
        );
      }
      this.byName.set(s.name, s);
    }
    this.watchers.push(...f.watchers);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /**
   * Check what spans selectors: every `within` names a selector, `within` chains never loop,
   * every watcher names a selector. Placed at the offending value.
   */
  check(): void {
    for (const w of this.watchers) {
      if (this.byName.has(w.selector)) continue;
      const s = didYouMean(w.selector, this.names());
      throw errorAt(
        w.yaml,
        nodeAt(w.yaml, ['watchers', w.index, 'selector']),
        'E_UNKNOWN_SELECTOR',
        `watcher "${w.name}" uses unknown selector "${w.selector}"`,
        s ? `did you mean "${s}"?` : 'name a selector defined under "selectors:"',
      );
    }
    for (const s of this.byName.values()) {
      for (const { alt, path } of placedAlternatives(s)) {
        if (!alt.within || this.byName.has(alt.within)) continue;
        const sug = didYouMean(alt.within, this.names());
        throw errorAt(
          s.yaml,
          nodeAt(s.yaml, [...path, 'within']),
          'E_UNKNOWN_SELECTOR',
          `selector "${s.name}" is within unknown selector "${alt.within}"`,
          sug ? `did you mean "${sug}"?` : 'name a selector defined under "selectors:"',
        );
      }
    }
    this.checkCycles();
  }

  private checkCycles(): void {
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (name: string, chain: string[]): void => {
      if (state.get(name) === 'done') return;
      const s = this.byName.get(name)!;
      state.set(name, 'visiting');
      for (const { alt, path } of placedAlternatives(s)) {
        if (!alt.within) continue;
        if (state.get(alt.within) === 'visiting') {
          const loop = [...chain, name, alt.within].slice(Math.max(0, chain.indexOf(alt.within)));
          throw errorAt(
            s.yaml,
            nodeAt(s.yaml, [...path, 'within']),
            'E_CYCLIC_SELECTOR',
            `selectors are searched within each other in a loop: ${loop.join(' within ')}`,
            'a selector cannot be inside itself, directly or through others',
          );
        }
        visit(alt.within, [...chain, name]);
      }
      state.set(name, 'done');
    };
    for (const name of this.byName.keys()) visit(name, []);
  }
}

/** Check a selector file on its own (`flows validate selectors.yaml`). */
export function checkSelectorFile(f: SelectorFile): void {
  const r = new SelectorRegistry();
  r.add(f);
  r.check();
}
