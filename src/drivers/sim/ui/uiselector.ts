/**
 * The part of Android's UiSelector / UiScrollable language people use with
 * `-android uiautomator`: `new UiSelector().text("Post").className("android.widget.Button")`,
 * `.instance(1)`, `.index(0)`, `.childSelector(new UiSelector()...)` (a descendant of each match),
 * `.fromParent(new UiSelector()...)` (a sibling of each match), and
 * `new UiScrollable(new UiSelector().scrollable(true)).scrollIntoView(...)`.
 * Statements separated by `;` are looked up one after another and their matches concatenated,
 * as the UiAutomator2 server does (one request, the union of several selectors). As on the
 * server, `textContains`/`textStartsWith` and the description ones ignore case (the server's
 * UiSelector compares them lower-cased; draftvault's own checker, src/drivers/android/uiselector.ts,
 * reads the same from its bytecode).
 */
import { FLAVOURS, JavaRegexError, javaRegex, type RegexFlavour } from './java-regex.js';
import type { PlacedNode, UiNode } from './node.js';

/** A parsed statement: what it finds in a pool of nodes (the searched window's). */
export interface ParsedUiSelector {
  find: (pool: PlacedNode[]) => PlacedNode[];
  /** Wrapped in UiScrollable(...).scrollIntoView(...). */
  scrollIntoView: boolean;
}

/** Invalid selector text (the driver reports it as "invalid selector"). */
export class UiSelectorError extends Error {}

type Method = (arg: string | number | boolean, f: RegexFlavour) => (n: UiNode) => boolean;

const has = (v: string | undefined, a: unknown, how: 'includes' | 'startsWith') =>
  (v ?? '').toLowerCase()[how](String(a).toLowerCase());

const METHODS: Record<string, Method> = {
  text: (a) => (n) => (n.text ?? '') === a,
  textContains: (a) => (n) => has(n.text, a, 'includes'),
  textStartsWith: (a) => (n) => has(n.text, a, 'startsWith'),
  textMatches: (a, f) => matches(String(a), (n) => n.text, f, true),
  description: (a) => (n) => (n.desc ?? '') === a,
  descriptionContains: (a) => (n) => has(n.desc, a, 'includes'),
  descriptionStartsWith: (a) => (n) => has(n.desc, a, 'startsWith'),
  descriptionMatches: (a, f) => matches(String(a), (n) => n.desc, f, true),
  resourceId: (a) => (n) => (n.id ?? '') === a,
  resourceIdMatches: (a, f) => matches(String(a), (n) => n.id, f, false),
  className: (a) => (n) => n.cls === a,
  classNameMatches: (a, f) => matches(String(a), (n) => n.cls, f, false),
  packageName: (a) => (n) => n.pkg === a,
  clickable: (a) => (n) => !!n.clickable === a,
  scrollable: (a) => (n) => !!n.scrollable === a,
  checkable: (a) => (n) => !!n.checkable === a,
  checked: (a) => (n) => !!n.checked === a,
  enabled: (a) => (n) => (n.enabled ?? true) === a,
  selected: (a) => (n) => !!n.selected === a,
  focused: (a) => (n) => !!n.focused === a,
};

function matches(
  re: string,
  get: (n: UiNode) => string | undefined,
  f: RegexFlavour,
  textual: boolean,
): (n: UiNode) => boolean {
  let r: RegExp;
  try {
    // Java's String.matches: whole value, Java's own inline flags, and (strict flavour, the
    // default) no DOTALL and an ASCII \s (tiktok-ui.md C.14; ui/java-regex.ts).
    r = javaRegex(re, f, textual);
  } catch (err) {
    if (err instanceof JavaRegexError) throw new UiSelectorError(err.message);
    throw err;
  }
  return (n) => r.test(get(n) ?? '');
}

/** One `new UiSelector()` chain: node tests, then the child / sibling refinements, then instance. */
interface Chain {
  tests: ((p: PlacedNode) => boolean)[];
  child?: Chain;
  fromParent?: Chain;
  instance?: number;
}

/**
 * The nodes of `candidates` that `c` selects. `all` is the searched window: a nested chain looks
 * there, so `fromParent(new UiSelector()...childSelector(...))` finds a sibling's descendant, as
 * UiAutomator does (a refinement starts from its node, not from the nodes that led to it).
 */
function run(c: Chain, candidates: PlacedNode[], all: PlacedNode[] = candidates): PlacedNode[] {
  let hits = candidates.filter((p) => c.tests.every((t) => t(p)));
  if (c.child)
    hits = hits.flatMap((h) =>
      run(
        c.child!,
        all.filter((p) => p !== h && isUnder(p, h)),
        all,
      ),
    );
  if (c.fromParent)
    hits = hits.flatMap((h) =>
      run(
        c.fromParent!,
        all.filter((p) => p !== h && p.parent === h.parent),
        all,
      ),
    );
  if (c.instance !== undefined) return hits[c.instance] ? [hits[c.instance]!] : [];
  return hits;
}

const isUnder = (p: PlacedNode, ancestor: PlacedNode) => {
  for (let a = p.parent; a; a = a.parent) if (a === ancestor) return true;
  return false;
};

const LITERAL = /^\s*("(?:[^"\\]|\\.)*"|-?\d+|true|false)\s*\)/;

/** Parse `new UiSelector()` and its calls at the start of `src`; returns the rest. */
function parseChain(src: string, flavour: RegexFlavour): { chain: Chain; rest: string } {
  let s = src.trimStart();
  if (s.startsWith('new UiSelector()')) s = s.slice('new UiSelector()'.length);
  const chain: Chain = { tests: [] };
  for (;;) {
    const m = /^\s*\.?\s*(\w+)\(/.exec(s);
    if (!m) break;
    const name = m[1]!;
    s = s.slice(m[0].length);
    if (name === 'childSelector' || name === 'fromParent') {
      const inner = parseChain(s, flavour);
      chain[name === 'childSelector' ? 'child' : 'fromParent'] = inner.chain;
      s = inner.rest.replace(/^\s*\)/, '');
      continue;
    }
    const lit = LITERAL.exec(s);
    if (!lit) throw new UiSelectorError(`unsupported UiSelector method ${name}`);
    s = s.slice(lit[0].length);
    const raw = lit[1]!;
    const arg = raw.startsWith('"')
      ? // As the UiAutomator2 server: only \" is undone; every other backslash reaches the regex.
        raw.slice(1, -1).replace(/\\"/g, '"')
      : raw === 'true' || raw === 'false'
        ? raw === 'true'
        : Number(raw);
    if (name === 'instance') chain.instance = Number(arg);
    else if (name === 'index') chain.tests.push((p) => p.index === Number(arg));
    else {
      const f = METHODS[name];
      if (!f) throw new UiSelectorError(`unsupported UiSelector method ${name}`);
      const t = f(arg, flavour);
      chain.tests.push((p) => t(p.node));
    }
  }
  return { chain, rest: s };
}

function statement(src: string, flavour: RegexFlavour): ParsedUiSelector {
  const { chain, rest } = parseChain(src, flavour);
  if (rest.trim() !== '')
    throw new UiSelectorError(`cannot parse UiSelector at "${rest.trim().slice(0, 30)}"`);
  return { find: (pool) => run(chain, pool), scrollIntoView: false };
}

/** Split a selector string into its `;`-separated statements (a `;` inside a string literal stays). */
export function uiStatements(src: string): string[] {
  const out: string[] = [];
  let inStr = false;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    // As the server: only \" is an escape inside a string literal.
    if (c === '\\' && inStr && src[i + 1] === '"') i++;
    else if (c === '"') inStr = !inStr;
    else if (c === ';' && !inStr) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out.filter((s) => s.trim() !== '');
}

/** Parse every statement of a `-android uiautomator` selector string (at least one). */
export function parseUiSelectors(src: string, flavour: RegexFlavour = FLAVOURS.strict): ParsedUiSelector[] {
  const statements = uiStatements(src);
  if (statements.length === 0) throw new UiSelectorError('empty UiSelector');
  return statements.map((s) => parseUiSelector(s, flavour));
}

/** Parse one `-android uiautomator` statement. */
export function parseUiSelector(src: string, flavour: RegexFlavour = FLAVOURS.strict): ParsedUiSelector {
  const scroll = /^\s*new\s+UiScrollable\((.*)\)\s*\.\s*scrollIntoView\((.*)\)\s*;?\s*$/s.exec(src);
  if (scroll) return { ...statement(scroll[2]!, flavour), scrollIntoView: true };
  return statement(src.replace(/;\s*$/, ''), flavour);
}
