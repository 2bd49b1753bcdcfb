/**
 * What `inspect` says about a screen: its interactive elements, a suggested selector for each
 * (text or content-desc first, readable ids next, obfuscated ids last and marked
 * version-specific, each checked to find exactly that node), and which named selectors of the
 * project find it.
 */
import type { Alternative, DeviceFacts } from '../../core/selectors.js';
import { alternativesFor } from '../../core/selectors.js';
import { type HNode, type HTree, parseBounds, windowNodes } from '../../drivers/android/hierarchy.js';
import { matchAlternative, matchSelector, type SelectorMatch } from '../../drivers/android/match.js';
import { FLAVOURS } from '../../drivers/android/uiselector.js';
import type { SelectorRegistry } from '../../flows/selector-file.js';

/** A suggested selector for one element. */
export interface Suggestion {
  alternative: Alternative;
  /** What it is built on. */
  kind: 'text' | 'desc' | 'id' | 'class';
  /** True for an obfuscated id: it changes with almost every TikTok version. */
  versionSpecific: boolean;
  /** The alternative as YAML, ready to paste under a selector's `any:`. */
  yaml: string;
}

/** One element of the screen. */
export interface InspectElement {
  n: number;
  className: string;
  text: string;
  desc: string;
  id: string;
  bounds: [number, number, number, number];
  clickable: boolean;
  suggested?: Suggestion;
  /** Named selectors that find this element, with how many nodes each finds on the screen. */
  named: { name: string; count: number }[];
}

/** An obfuscated TikTok id is two or three characters (`qrb`, `d0z`); readable ones are words. */
export function isObfuscatedId(short: string): boolean {
  return /^[a-z0-9_]{1,3}$/i.test(short);
}

const yamlValue = (v: string | number) => (typeof v === 'number' ? String(v) : JSON.stringify(v));

function toYaml(a: Alternative): string {
  const fields = Object.entries(a).map(([k, v]) => `${k}: ${yamlValue(v as string | number)}`);
  return `- { ${fields.join(', ')} }`;
}

function interesting(n: HNode): boolean {
  const a = n.attrs;
  return (
    a.clickable === 'true' ||
    !!a.text ||
    !!a['content-desc'] ||
    /EditText|Switch|CheckBox/.test(a.class ?? '')
  );
}

/** The first candidate that finds exactly this node; else the first that finds it, with its index. */
function suggest(t: HTree, node: HNode): Suggestion | undefined {
  const a = node.attrs;
  const short = (a['resource-id'] ?? '').replace(/^.*:id\//, '');
  const candidates: [Suggestion['kind'], Alternative, boolean][] = [];
  if (a.text) candidates.push(['text', { text: a.text }, false]);
  if (a['content-desc']) candidates.push(['desc', { desc: a['content-desc'] }, false]);
  if (short && !isObfuscatedId(short)) candidates.push(['id', { id: short }, false]);
  candidates.push(['class', { className: a.class ?? '' }, false]);
  if (short && isObfuscatedId(short)) candidates.push(['id', { id: short }, true]);
  let fallback: Suggestion | undefined;
  for (const [kind, alt, versionSpecific] of candidates) {
    let found: HNode[];
    try {
      found = matchAlternative(t, alt, FLAVOURS.strict, () => ({ tried: [] }));
    } catch {
      continue;
    }
    const at = found.indexOf(node);
    if (at < 0) continue;
    const alternative = found.length === 1 ? alt : { ...alt, index: at === found.length - 1 ? -1 : at };
    const s = { alternative, kind, versionSpecific, yaml: toYaml(alternative) };
    if (found.length === 1) return s;
    fallback ??= s;
  }
  return fallback;
}

/** Analyse a screen against the project's named selectors. */
export function analyzeScreen(t: HTree, selectors: SelectorRegistry, facts: DeviceFacts): InspectElement[] {
  const memo = new Map<string, SelectorMatch>();
  const resolve = (name: string): SelectorMatch => {
    const hit = memo.get(name);
    if (hit) return hit;
    const sel = selectors.byName.get(name)!;
    const m = matchSelector(t, alternativesFor(sel.def, facts), FLAVOURS.device, resolve);
    memo.set(name, m);
    return m;
  };
  for (const name of selectors.names()) resolve(name);
  const nodes = t.active < 0 ? [] : windowNodes(t, t.active).filter(interesting);
  return nodes.map((node, i) => ({
    n: i + 1,
    className: node.attrs.class ?? '',
    text: node.attrs.text ?? '',
    desc: node.attrs['content-desc'] ?? '',
    id: node.attrs['resource-id'] ?? '',
    bounds: parseBounds(node.attrs.bounds),
    clickable: node.attrs.clickable === 'true',
    suggested: suggest(t, node),
    named: [...memo.entries()]
      .filter(([, m]) => m.winner?.nodes.includes(node))
      .map(([name, m]) => ({ name, count: m.winner!.nodes.length })),
  }));
}
