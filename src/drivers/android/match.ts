/**
 * A selector's alternatives on a saved Android hierarchy, with the lookup the runner would send
 * (the same `toLocator`), under UiAutomator2's rules: UiSelector lookups in the active window
 * only, XPath over the page source (the active window too, without `enableMultiWindows`).
 */
import xpath from 'xpath';
import type { Alternative } from '../../core/selectors.js';
import { toLocator } from '../locators.js';
import { type HNode, type HTree, windowNodes } from './hierarchy.js';
import { findAllUiSelector, type RegexFlavour, UiSelectorSyntaxError } from './uiselector.js';

/** What one alternative finds. */
export interface AltMatch {
  /** Position of the alternative in the list tried. */
  index: number;
  nodes: HNode[];
  /** The node the runner would take (the alternative's `index`, else the first). */
  picked?: HNode;
  /** Set when the checker cannot evaluate it. */
  error?: string;
}

/** The result for a whole selector: the first alternative that finds something, as the runner. */
export interface SelectorMatch {
  winner?: AltMatch;
  tried: AltMatch[];
}

function inside(pool: HNode[], container: HNode | undefined): HNode[] {
  if (!container) return [];
  return pool.filter((n) => {
    for (let p = n.parent; p; p = p.parent) if (p === container) return true;
    return false;
  });
}

/** Nodes one alternative finds (`within` resolved through `resolve`). */
export function matchAlternative(
  t: HTree,
  alt: Alternative,
  f: RegexFlavour,
  resolve: (name: string) => SelectorMatch,
): HNode[] {
  const loc = toLocator(alt, 'android');
  if (!loc || t.active < 0) return [];
  let pool = windowNodes(t, t.active);
  if (alt.within) pool = inside(pool, resolve(alt.within).winner?.picked);
  if (loc.using === '-android uiautomator') return findAllUiSelector(loc.value, pool, f);
  if (loc.using === 'xpath') {
    let found: unknown;
    try {
      found = xpath.select(loc.value, t.root as unknown as Node);
    } catch (err) {
      throw new UiSelectorSyntaxError(`bad xpath: ${(err as Error).message}`);
    }
    const els = new Set(Array.isArray(found) ? found : []);
    return pool.filter((n) => els.has(n.el as unknown as Node));
  }
  throw new UiSelectorSyntaxError(`locator strategy ${loc.using} is not checked here`);
}

/** Try alternatives in order, as the finder does. */
export function matchSelector(
  t: HTree,
  alternatives: readonly Alternative[],
  f: RegexFlavour,
  resolve: (name: string) => SelectorMatch,
): SelectorMatch {
  const tried: AltMatch[] = [];
  for (const [index, alt] of alternatives.entries()) {
    let nodes: HNode[];
    try {
      nodes = matchAlternative(t, alt, f, resolve);
    } catch (err) {
      tried.push({ index, nodes: [], error: (err as Error).message });
      continue;
    }
    const i = alt.index ?? 0;
    const picked = i < 0 ? nodes[nodes.length + i] : nodes[i];
    const m: AltMatch = { index, nodes, picked };
    tried.push(m);
    if (picked) return { winner: m, tried };
  }
  return { tried };
}

/** Does the selector resolve to exactly one node (one match, or an explicit index into several)? */
export function resolvesToOne(m: SelectorMatch, alternatives: readonly Alternative[]): boolean {
  const w = m.winner;
  if (!w?.picked) return false;
  return w.nodes.length === 1 || alternatives[w.index]?.index !== undefined;
}
