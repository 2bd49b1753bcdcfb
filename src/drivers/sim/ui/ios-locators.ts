/**
 * `-ios predicate string` (the NSPredicate subset people use: ==, !=, CONTAINS, BEGINSWITH,
 * ENDSWITH, LIKE, MATCHES, IN, [c]/[d] flags, AND/OR/NOT, parentheses) and `-ios class chain`
 * (segments separated by "/", "**" for any depth, `[index]`, `[\`predicate\`]` and `[$predicate$]`
 * filters, e.g. "**" + "/XCUIElementTypeButton[`label == \"Post\"`]").
 */
import { iosAttrs, iosType, iosVisible } from './ios-xml.js';
import type { PlacedNode } from './node.js';

/** A predicate or chain that cannot be parsed. */
export class IosLocatorError extends Error {}

type Pred = (p: PlacedNode) => boolean;

const KEYS = new Set([
  'type',
  'elementType',
  'name',
  'identifier',
  'label',
  'value',
  'enabled',
  'isEnabled',
  'visible',
  'isVisible',
  'accessible',
  'selected',
]);

function attr(p: PlacedNode, key: string): string | boolean {
  const n = p.node;
  switch (key) {
    case 'type':
    case 'elementType':
      return iosType(n, p.parent?.node.cls);
    case 'name':
    case 'identifier':
      return iosAttrs(n).name;
    case 'label':
      return iosAttrs(n).label;
    case 'value':
      return iosAttrs(n).value;
    case 'enabled':
    case 'isEnabled':
      return n.enabled ?? true;
    case 'visible':
    case 'isVisible':
      return iosVisible(p);
    case 'accessible':
      return true;
    case 'selected':
      return !!(n.selected || n.checked);
    default:
      throw new IosLocatorError(`unknown predicate key "${key}"`);
  }
}

const TOKEN =
  /\s*(\(|\)|==|!=|=|&&|\|\||!|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\{[^}]*\}|\[[cd]+\]|-?\d+(?:\.\d+)?|[A-Za-z_][\w.]*)/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new IosLocatorError(`cannot parse predicate at "${src.slice(pos, pos + 20)}"`);
    out.push(m[1]!);
    pos = TOKEN.lastIndex;
  }
  return out;
}

function literal(tok: string | undefined): string | boolean | number | string[] {
  if (tok === undefined) throw new IosLocatorError('predicate ends too early');
  if (/^['"]/.test(tok)) return tok.slice(1, -1).replace(/\\(.)/g, '$1');
  if (/^(true|YES)$/i.test(tok)) return true;
  if (/^(false|NO)$/i.test(tok)) return false;
  if (/^-?\d/.test(tok)) return Number(tok);
  if (tok.startsWith('{'))
    return tok
      .slice(1, -1)
      .split(',')
      .map((s) => s.trim().replace(/^['"]|['"]$/g, ''));
  throw new IosLocatorError(`expected a value, got "${tok}"`);
}

function compare(op: string, flags: string, a: string | boolean, b: ReturnType<typeof literal>): boolean {
  const norm = (v: unknown) => {
    let s = String(v);
    if (flags.includes('c')) s = s.toLowerCase();
    if (flags.includes('d')) s = s.normalize('NFD').replace(/\p{M}/gu, '');
    return s;
  };
  const x = norm(a);
  switch (op) {
    case '==':
    case '=':
      return typeof b === 'boolean' ? a === b : x === norm(b);
    case '!=':
      return typeof b === 'boolean' ? a !== b : x !== norm(b);
    case 'CONTAINS':
      return x.includes(norm(b));
    case 'BEGINSWITH':
      return x.startsWith(norm(b));
    case 'ENDSWITH':
      return x.endsWith(norm(b));
    case 'LIKE': {
      const re = norm(b)
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
      return new RegExp(`^${re}$`, 's').test(x);
    }
    case 'MATCHES':
      return new RegExp(`^(?:${String(b)})$`, flags.includes('c') ? 'is' : 's').test(String(a));
    case 'IN':
      return (Array.isArray(b) ? b : [String(b)]).map(norm).includes(x);
    default:
      throw new IosLocatorError(`unknown operator "${op}"`);
  }
}

/** Parse an NSPredicate string into a node test. */
export function parsePredicate(src: string): Pred {
  const toks = tokenize(src);
  let i = 0;
  const peek = () => toks[i];
  const upper = () => peek()?.toUpperCase();
  const or = (): Pred => {
    let left = and();
    while (upper() === 'OR' || peek() === '||') {
      i++;
      const l = left;
      const r = and();
      left = (p) => l(p) || r(p);
    }
    return left;
  };
  const and = (): Pred => {
    let left = not();
    while (upper() === 'AND' || peek() === '&&') {
      i++;
      const l = left;
      const r = not();
      left = (p) => l(p) && r(p);
    }
    return left;
  };
  const not = (): Pred => {
    if (upper() === 'NOT' || peek() === '!') {
      i++;
      const inner = not();
      return (p) => !inner(p);
    }
    if (peek() === '(') {
      i++;
      const inner = or();
      if (toks[i++] !== ')') throw new IosLocatorError('missing ")"');
      return inner;
    }
    if (upper() === 'TRUEPREDICATE') {
      i++;
      return () => true;
    }
    const key = toks[i++];
    if (!key || !/^[A-Za-z_]/.test(key))
      throw new IosLocatorError(`expected an attribute name, got "${key ?? ''}"`);
    const op = toks[i++]?.toUpperCase() ?? '';
    const flags = peek()?.startsWith('[') ? toks[i++]!.slice(1, -1) : '';
    const value = literal(toks[i++]);
    if (!KEYS.has(key)) throw new IosLocatorError(`unknown predicate key "${key}"`);
    return (p) => compare(op, flags, attr(p, key), value);
  };
  const pred = or();
  if (i < toks.length) throw new IosLocatorError(`unexpected "${toks[i]}" in predicate`);
  return pred;
}

/** Evaluate a class chain over placed nodes (pre-order); returns matches in document order. */
export function classChain(src: string, placed: PlacedNode[]): PlacedNode[] {
  const segments = splitChain(src);
  const root = placed[0];
  if (!root) return [];
  let current: PlacedNode[] = [root];
  let anyDepth = false;
  for (const seg of segments) {
    if (seg === '**') {
      anyDepth = true;
      continue;
    }
    const m = /^(\*|XCUIElementType\w+)((?:\[[^\]]*\]|\[`[^`]*`\]|\[\$[^$]*\$\])*)$/.exec(seg.trim());
    if (!m) throw new IosLocatorError(`cannot parse class chain segment "${seg}"`);
    const [, type, filters] = m;
    const next: PlacedNode[] = [];
    for (const c of current) {
      let cands = placed.filter(
        (p) =>
          (anyDepth ? isBelow(p, c) : p.parent === c) &&
          (type === '*' || iosType(p.node, p.parent?.node.cls) === type),
      );
      for (const f of filters!.match(/\[`[^`]*`\]|\[\$[^$]*\$\]|\[[^\]]*\]/g) ?? []) {
        const body = f.slice(1, -1);
        if (body.startsWith('`')) {
          const pred = parsePredicate(body.slice(1, -1));
          cands = cands.filter(pred);
        } else if (body.startsWith('$')) {
          const pred = parsePredicate(body.slice(1, -1));
          cands = cands.filter((p) => placed.some((d) => isBelow(d, p) && pred(d)));
        } else {
          const k = Number(body);
          if (!Number.isInteger(k) || k === 0)
            throw new IosLocatorError(`bad index [${body}] in class chain`);
          const pick = k > 0 ? cands[k - 1] : cands[cands.length + k];
          cands = pick ? [pick] : [];
        }
      }
      next.push(...cands);
    }
    current = [...new Set(next)];
    anyDepth = false;
  }
  return placed.filter((p) => current.includes(p));
}

/** Split on "/" outside `…` and $…$ predicates. */
function splitChain(src: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (const ch of src) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '`' || ch === '$') quote = ch;
    else if (ch === '/') {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.filter((s) => s !== '');
}

function isBelow(p: PlacedNode, ancestor: PlacedNode): boolean {
  for (let q = p.parent; q; q = q.parent) if (q === ancestor) return true;
  return false;
}
