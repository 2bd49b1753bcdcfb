/**
 * The flow expression language: small and safe (no JavaScript is ever evaluated).
 *
 * Values: numbers, 'strings' or "strings", true/false, null, and variables (`count`,
 * `params.caption`, `env.HOME`). Operators: `!` `-` (unary), `* / %`, `+ -` (`+` joins strings),
 * `< <= > >=`, `== !=`, `&&`, `||`, `cond ? a : b`, parentheses. Strings interpolate with `${expr}`.
 */

/** A parsed expression. */
export type Expr =
  | { kind: 'lit'; value: Value }
  | { kind: 'var'; path: string[] }
  | { kind: 'unary'; op: '!' | '-'; arg: Expr }
  | { kind: 'binary'; op: string; left: Expr; right: Expr }
  | { kind: 'cond'; test: Expr; then: Expr; else: Expr };

/** What expressions compute. */
export type Value = string | number | boolean | null;

/** A syntax error with its offset in the source. */
export class ExprError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)|(==|!=|<=|>=|&&|\|\||[-+*/%<>!()?:]))/y;

interface Tok {
  type: 'num' | 'str' | 'id' | 'op';
  text: string;
  at: number;
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m)
      throw new ExprError(
        `unexpected "${src.slice(pos).trim()[0]}"`,
        pos + (src.slice(pos).length - src.slice(pos).trimStart().length),
      );
    const at = TOKEN.lastIndex - m[0].trimStart().length;
    if (m[1] !== undefined) out.push({ type: 'num', text: m[1], at });
    else if (m[2] !== undefined) out.push({ type: 'str', text: m[2], at });
    else if (m[3] !== undefined) out.push({ type: 'id', text: m[3], at });
    else out.push({ type: 'op', text: m[4]!, at });
    pos = TOKEN.lastIndex;
  }
  return out;
}

const BINARY: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

/** Parse an expression (throws ExprError with an offset). */
export function parseExpr(src: string): Expr {
  const toks = tokenize(src);
  let i = 0;
  const primary = (): Expr => {
    const t = toks[i++];
    if (!t) throw new ExprError('the expression ends too early', src.length);
    if (t.type === 'num') return { kind: 'lit', value: Number(t.text) };
    if (t.type === 'str') return { kind: 'lit', value: t.text.slice(1, -1).replace(/\\(.)/g, '$1') };
    if (t.type === 'id') {
      if (t.text === 'true' || t.text === 'false') return { kind: 'lit', value: t.text === 'true' };
      if (t.text === 'null') return { kind: 'lit', value: null };
      return { kind: 'var', path: t.text.split('.') };
    }
    if (t.text === '(') {
      const e = conditional();
      if (toks[i++]?.text !== ')') throw new ExprError('missing ")"', toks[i - 1]?.at ?? src.length);
      return e;
    }
    if (t.text === '!' || t.text === '-') return { kind: 'unary', op: t.text, arg: primary() };
    throw new ExprError(`unexpected "${t.text}"`, t.at);
  };
  const binary = (minPrec: number): Expr => {
    let left = primary();
    for (;;) {
      const t = toks[i];
      const prec = t && t.type === 'op' ? BINARY[t.text] : undefined;
      if (prec === undefined || prec <= minPrec) return left;
      i++;
      left = { kind: 'binary', op: t!.text, left, right: binary(prec) };
    }
  };
  const conditional = (): Expr => {
    const test = binary(0);
    if (toks[i]?.text !== '?') return test;
    i++;
    const then = conditional();
    if (toks[i]?.text !== ':') throw new ExprError('"?" without its ":"', toks[i]?.at ?? src.length);
    i++;
    return { kind: 'cond', test, then, else: conditional() };
  };
  const e = conditional();
  if (i < toks.length) throw new ExprError(`unexpected "${toks[i]!.text}"`, toks[i]!.at);
  return e;
}

/** Every variable an expression reads (for validation before running). */
export function variablesOf(e: Expr): string[][] {
  if (e.kind === 'var') return [e.path];
  if (e.kind === 'unary') return variablesOf(e.arg);
  if (e.kind === 'binary') return [...variablesOf(e.left), ...variablesOf(e.right)];
  if (e.kind === 'cond') return [...variablesOf(e.test), ...variablesOf(e.then), ...variablesOf(e.else)];
  return [];
}

/** Evaluate with a variable lookup (undefined → null). */
export function evaluate(e: Expr, lookup: (path: string[]) => Value | undefined): Value {
  switch (e.kind) {
    case 'lit':
      return e.value;
    case 'var':
      return lookup(e.path) ?? null;
    case 'cond':
      return truthy(evaluate(e.test, lookup)) ? evaluate(e.then, lookup) : evaluate(e.else, lookup);
    case 'unary': {
      const v = evaluate(e.arg, lookup);
      return e.op === '!' ? !truthy(v) : -Number(v);
    }
    case 'binary': {
      if (e.op === '&&') return truthy(evaluate(e.left, lookup)) && truthy(evaluate(e.right, lookup));
      if (e.op === '||') return truthy(evaluate(e.left, lookup)) || truthy(evaluate(e.right, lookup));
      const a = evaluate(e.left, lookup);
      const b = evaluate(e.right, lookup);
      switch (e.op) {
        case '==':
          return a === b || (a !== null && b !== null && String(a) === String(b));
        case '!=':
          return !(a === b || (a !== null && b !== null && String(a) === String(b)));
        case '+':
          return typeof a === 'number' && typeof b === 'number' ? a + b : `${a ?? ''}${b ?? ''}`;
        case '-':
          return Number(a) - Number(b);
        case '*':
          return Number(a) * Number(b);
        case '/':
          return Number(a) / Number(b);
        case '%':
          return Number(a) % Number(b);
        case '<':
          return Number(a) < Number(b);
        case '<=':
          return Number(a) <= Number(b);
        case '>':
          return Number(a) > Number(b);
        case '>=':
          return Number(a) >= Number(b);
      }
      throw new ExprError(`unknown operator ${e.op}`, 0);
    }
  }
}

/** Truthiness: false, null, 0, "" and "false" are false. */
export function truthy(v: Value): boolean {
  return !(v === false || v === null || v === 0 || v === '' || v === 'false');
}

/** A string with `${...}` parts, parsed once. */
export type Template = (string | Expr)[];

/** Parse "Hello ${name}" (throws ExprError with the offset inside the string). */
export function parseTemplate(s: string): Template {
  const parts: Template = [];
  let pos = 0;
  for (;;) {
    const open = s.indexOf('${', pos);
    if (open < 0) break;
    const close = s.indexOf('}', open);
    if (close < 0) throw new ExprError('"$\u007b" without a closing "}"', open);
    if (open > pos) parts.push(s.slice(pos, open));
    try {
      parts.push(parseExpr(s.slice(open + 2, close)));
    } catch (err) {
      if (err instanceof ExprError) throw new ExprError(err.message, open + 2 + err.offset);
      throw err;
    }
    pos = close + 1;
  }
  if (pos < s.length) parts.push(s.slice(pos));
  return parts;
}

/** Render a template: a lone `${expr}` keeps its type; otherwise parts are joined as text. */
export function renderTemplate(t: Template, lookup: (path: string[]) => Value | undefined): Value {
  if (t.length === 1 && typeof t[0] !== 'string') return evaluate(t[0]!, lookup);
  return t.map((p) => (typeof p === 'string' ? p : String(evaluate(p, lookup) ?? ''))).join('');
}
