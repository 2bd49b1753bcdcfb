/** Load selector files: named selectors (with their places) and pop-up watchers. */
import { isMap, isScalar } from 'yaml';
import { DraftvaultError, type Span } from '../errors.js';
import {
  alternativeSchema,
  type SelectorDef,
  selectorDefSchema,
  selectorFileSchema,
  type Watcher,
} from './selectors.js';
import { errorAt, issueToError, nodeAt, spanOf, type YamlFile } from './yaml.js';

/** A named selector and where it was defined. */
export interface NamedSelector {
  name: string;
  def: SelectorDef;
  span: Span;
}

/** What a selector file holds. */
export interface SelectorFile {
  file: string;
  selectors: NamedSelector[];
  watchers: (Watcher & { span: Span })[];
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
    );
  }
  const res = selectorFileSchema.safeParse(y.js);
  if (!res.success) throw issueToError(y, [], res.error.issues[0]!, keysFor);
  const names = nodeAt(y, ['selectors']);
  const selectors: NamedSelector[] = Object.entries(res.data.selectors).map(([name, def]) => {
    const pair = isMap(names) ? names.items.find((p) => isScalar(p.key) && p.key.value === name) : undefined;
    return { name, def, span: spanOf(y, (pair?.key as never) ?? names) };
  });
  const watchers = res.data.watchers.map((w, i) => ({ ...w, span: spanOf(y, nodeAt(y, ['watchers', i])) }));
  return { file: y.file, selectors, watchers };
}

/** A registry of selectors from several files; a name defined twice is an error. */
export class SelectorRegistry {
  readonly byName = new Map<string, NamedSelector>();
  readonly watchers: (Watcher & { span: Span })[] = [];

  add(f: SelectorFile, text: string): void {
    for (const s of f.selectors) {
      const prev = this.byName.get(s.name);
      if (prev) {
        throw new DraftvaultError('E_DUPLICATE_NAME', `selector "${s.name}" is defined twice`, {
          span: s.span,
          hint: `it is also defined at ${prev.span.file}:${prev.span.line}:${prev.span.col}`,
          details: { text },
        });
      }
      this.byName.set(s.name, s);
    }
    this.watchers.push(...f.watchers);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}
