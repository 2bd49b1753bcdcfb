/**
 * The part of Android's UiSelector / UiScrollable language people use with
 * `-android uiautomator`: `new UiSelector().text("Post").className("android.widget.Button")`,
 * `.instance(1)`, and `new UiScrollable(new UiSelector().scrollable(true)).scrollIntoView(...)`.
 * Statements separated by `;` are looked up one after another and their matches concatenated,
 * as the UiAutomator2 server does (one request, the union of several selectors).
 */
import { FLAVOURS, JavaRegexError, javaRegex, type RegexFlavour } from './java-regex.js';
import type { UiNode } from './node.js';

/** A parsed selector: node predicates plus an optional instance index. */
export interface ParsedUiSelector {
  test: (n: UiNode) => boolean;
  instance?: number;
  /** Wrapped in UiScrollable(...).scrollIntoView(...). */
  scrollIntoView: boolean;
}

/** Invalid selector text (the driver reports it as "invalid selector"). */
export class UiSelectorError extends Error {}

type Method = (arg: string | number | boolean, f: RegexFlavour) => (n: UiNode) => boolean;

const METHODS: Record<string, Method> = {
  text: (a) => (n) => (n.text ?? '') === a,
  textContains: (a) => (n) => (n.text ?? '').includes(String(a)),
  textStartsWith: (a) => (n) => (n.text ?? '').startsWith(String(a)),
  textMatches: (a, f) => matches(String(a), (n) => n.text, f, true),
  description: (a) => (n) => (n.desc ?? '') === a,
  descriptionContains: (a) => (n) => (n.desc ?? '').includes(String(a)),
  descriptionStartsWith: (a) => (n) => (n.desc ?? '').startsWith(String(a)),
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

const CALL = /\.?\s*(\w+)\(\s*("(?:[^"\\]|\\.)*"|-?\d+|true|false)?\s*\)/y;

function parseChain(src: string, flavour: RegexFlavour): ParsedUiSelector {
  const s = src.trim().replace(/^new\s+UiSelector\(\)/, '');
  const tests: ((n: UiNode) => boolean)[] = [];
  let instance: number | undefined;
  CALL.lastIndex = 0;
  let pos = 0;
  while (pos < s.length) {
    CALL.lastIndex = pos;
    const m = CALL.exec(s);
    if (!m) throw new UiSelectorError(`cannot parse UiSelector at "${s.slice(pos, pos + 30)}"`);
    const [, name, raw] = m;
    const arg =
      raw === undefined
        ? undefined
        : raw.startsWith('"')
          ? // As the UiAutomator2 server: only \" is undone; every other backslash reaches the regex.
            raw.slice(1, -1).replace(/\\"/g, '"')
          : raw === 'true'
            ? true
            : raw === 'false'
              ? false
              : Number(raw);
    if (name === 'instance') instance = Number(arg);
    else {
      const f = METHODS[name!];
      if (!f || arg === undefined) throw new UiSelectorError(`unsupported UiSelector method ${name}`);
      tests.push(f(arg, flavour));
    }
    pos = CALL.lastIndex;
    while (s[pos] === ';' || s[pos] === ' ') pos++;
  }
  return { test: (n) => tests.every((t) => t(n)), instance, scrollIntoView: false };
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
  if (scroll) return { ...parseChain(scroll[2]!, flavour), scrollIntoView: true };
  return parseChain(src.replace(/;\s*$/, ''), flavour);
}
