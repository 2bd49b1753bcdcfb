/**
 * `-android uiautomator` selectors evaluated on a saved hierarchy, the way the UiAutomator2
 * server evaluates them on a phone (notes/uiautomator2.md, read from the server's bytecode):
 * `;` separates statements whose matches are concatenated (findElements); string literals undo
 * only `\"`; `*Matches` must match the whole value; `textContains`/`textStartsWith` (and the
 * description ones) ignore case; the search covers the active window only.
 *
 * Regex flavour: the server compiles text/description patterns with DOTALL and Android's ICU
 * regex treats `\s` as Unicode (no-break spaces included); tiktok-ui.md Appendix C says desktop
 * Java semantics (no DOTALL, ASCII `\s`). Sources disagree, so both are available: a selector
 * is only trusted when it gives the same answer under both. The translation itself is the
 * simulator's (draftvault-sim-driver/api `javaRegex`), so the phone we test on and this checker
 * read a pattern the same way.
 */
import {
  FLAVOURS,
  JavaRegexError,
  type RegexFlavour,
  javaRegex as simJavaRegex,
} from 'draftvault-sim-driver/api';
import type { HNode } from './hierarchy.js';

export { FLAVOURS, type RegexFlavour };

/** A selector the checker cannot evaluate (the phone may still accept it). */
export class UiSelectorSyntaxError extends Error {}

type Pred = (n: HNode) => boolean;

/** One statement: predicates on the node, optional child/sibling refinements, an instance. */
interface Statement {
  preds: Pred[];
  child?: Statement;
  fromParent?: Statement;
  instance?: number;
}

/** A Java pattern as a JavaScript RegExp: the simulator's translation (one implementation). */
export function javaRegex(src: string, f: RegexFlavour, textual: boolean): RegExp {
  try {
    return simJavaRegex(src, f, textual);
  } catch (err) {
    if (err instanceof JavaRegexError) throw new UiSelectorSyntaxError(err.message);
    throw err;
  }
}

const attr = (n: HNode, k: string) => n.attrs[k] ?? '';
const bool = (n: HNode, k: string) => attr(n, k) === 'true';

function method(name: string, arg: string | number | boolean | Statement, f: RegexFlavour): Pred {
  const s = typeof arg === 'string' ? arg : '';
  const lower = s.toLowerCase();
  switch (name) {
    case 'text':
      return (n) => attr(n, 'text') === s;
    case 'textContains':
      return (n) => attr(n, 'text').toLowerCase().includes(lower);
    case 'textStartsWith':
      return (n) => attr(n, 'text').toLowerCase().startsWith(lower);
    case 'textMatches': {
      const r = javaRegex(s, f, true);
      return (n) => r.test(attr(n, 'text'));
    }
    case 'description':
      return (n) => attr(n, 'content-desc') === s;
    case 'descriptionContains':
      return (n) => attr(n, 'content-desc').toLowerCase().includes(lower);
    case 'descriptionStartsWith':
      return (n) => attr(n, 'content-desc').toLowerCase().startsWith(lower);
    case 'descriptionMatches': {
      const r = javaRegex(s, f, true);
      return (n) => r.test(attr(n, 'content-desc'));
    }
    case 'resourceId':
      return (n) => attr(n, 'resource-id') === s;
    case 'resourceIdMatches': {
      const r = javaRegex(s, f, false);
      return (n) => r.test(attr(n, 'resource-id'));
    }
    case 'className':
      return (n) => attr(n, 'class') === s;
    case 'classNameMatches': {
      const r = javaRegex(s, f, false);
      return (n) => r.test(attr(n, 'class'));
    }
    case 'packageName':
      return (n) => attr(n, 'package') === s;
    case 'index':
      return (n) => attr(n, 'index') === String(arg);
    case 'checkable':
    case 'checked':
    case 'clickable':
    case 'enabled':
    case 'focusable':
    case 'focused':
    case 'scrollable':
    case 'selected':
      return (n) => bool(n, name) === arg;
    case 'longClickable':
      return (n) => bool(n, 'long-clickable') === arg;
    default:
      throw new UiSelectorSyntaxError(`UiSelector method ${name}() is not checked here`);
  }
}

/** Split on `;` outside string literals. */
function statements(src: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inStr = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inStr && c === '\\' && src[i + 1] === '"') {
      cur += '\\"';
      i += 1;
      continue;
    }
    if (c === '"') inStr = !inStr;
    if (c === ';' && !inStr) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Parse one `new UiSelector()...` (or UiScrollable...scrollIntoView(sel)) statement. */
function parseStatement(src: string, f: RegexFlavour): { st: Statement; rest: string } {
  let s = src.trimStart();
  const scroll = /^new\s+UiScrollable\(/.exec(s);
  if (scroll) {
    // A static hierarchy cannot scroll: the target selector is what is searched.
    const at = s.search(/\.scroll(Into|TextInto|DescriptionInto)View\(/);
    if (at < 0) throw new UiSelectorSyntaxError('UiScrollable without scrollIntoView is not checked here');
    const inner = s.slice(s.indexOf('(', at) + 1);
    const { st, rest } = parseStatement(inner, f);
    return { st, rest: rest.replace(/^\s*\)/, '') };
  }
  if (!s.startsWith('new UiSelector()'))
    throw new UiSelectorSyntaxError(`expected "new UiSelector()" at "${s.slice(0, 30)}"`);
  s = s.slice('new UiSelector()'.length);
  const st: Statement = { preds: [] };
  for (;;) {
    const m = /^\s*\.\s*(\w+)\(\s*/.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
    const name = m[1]!;
    let arg: string | number | boolean | Statement;
    if (s.startsWith('"')) {
      let end = 1;
      while (end < s.length && !(s[end] === '"' && s[end - 1] !== '\\')) end++;
      arg = s.slice(1, end).replace(/\\"/g, '"');
      s = s.slice(end + 1);
    } else if (s.startsWith('new ')) {
      const inner = parseStatement(s, f);
      arg = inner.st;
      s = inner.rest;
    } else {
      const lit = /^(true|false|-?\d+)/.exec(s);
      if (!lit) throw new UiSelectorSyntaxError(`cannot read the argument of ${name}()`);
      arg = lit[1] === 'true' ? true : lit[1] === 'false' ? false : Number(lit[1]);
      s = s.slice(lit[0].length);
    }
    s = s.replace(/^\s*\)/, '');
    if (name === 'instance') st.instance = Number(arg);
    else if (name === 'childSelector') st.child = arg as Statement;
    else if (name === 'fromParent') st.fromParent = arg as Statement;
    else st.preds.push(method(name, arg, f));
  }
  return { st, rest: s };
}

function descendants(n: HNode): HNode[] {
  const out: HNode[] = [];
  const walk = (x: HNode) => {
    for (const c of x.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(n);
  return out;
}

function evaluate(st: Statement, pool: HNode[]): HNode[] {
  let hits = pool.filter((n) => st.preds.every((p) => p(n)));
  if (st.child) hits = hits.flatMap((h) => evaluate(st.child!, descendants(h)));
  if (st.fromParent)
    hits = hits.flatMap((h) =>
      evaluate(st.fromParent!, h.parent ? h.parent.children.filter((c) => c !== h) : []),
    );
  if (st.instance !== undefined) return hits[st.instance] ? [hits[st.instance]!] : [];
  return hits;
}

/** findElements with a `-android uiautomator` string over `pool` (the active window's nodes). */
export function findAllUiSelector(src: string, pool: HNode[], f: RegexFlavour): HNode[] {
  const out: HNode[] = [];
  for (const s of statements(src)) {
    for (const n of evaluate(parseStatement(s, f).st, pool)) if (!out.includes(n)) out.push(n);
  }
  return out;
}
