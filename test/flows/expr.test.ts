import { describe, expect, it } from 'vitest';
import {
  ExprError,
  evaluate,
  parseExpr,
  parseTemplate,
  renderTemplate,
  variablesOf,
} from '../../src/core/expr.js';

const vars: Record<string, unknown> = { count: 3, caption: 'beach', on: true, params: { x: 'y' } };
const lookup = (p: string[]) =>
  p.reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], vars) as never;
const ev = (s: string) => evaluate(parseExpr(s), lookup);

describe('expression language', () => {
  it('computes with precedence, comparisons, logic and strings', () => {
    expect(ev('1 + 2 * 3')).toBe(7);
    expect(ev('(1 + 2) * 3')).toBe(9);
    expect(ev('count - 1 > 1 && on')).toBe(true);
    expect(ev('!on || count == 3')).toBe(true);
    expect(ev("caption + ' day'")).toBe('beach day');
    expect(ev('count != "3"')).toBe(false);
    expect(ev('params.x == "y"')).toBe(true);
    expect(ev('missing')).toBe(null);
    expect(ev('-count % 2')).toBe(-1);
    expect(ev("caption == '' ? 'none' : caption + '!'")).toBe('beach!');
    expect(ev('count > 5 ? 1 : count > 2 ? 2 : 3')).toBe(2);
  });

  it('lists the variables it reads', () => {
    expect(variablesOf(parseExpr('a + b.c * (d > 1)'))).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('renders templates, keeping the type of a lone expression', () => {
    expect(renderTemplate(parseTemplate('n=${count + 1}!'), lookup)).toBe('n=4!');
    expect(renderTemplate(parseTemplate('${count + 1}'), lookup)).toBe(4);
    expect(renderTemplate(parseTemplate('plain'), lookup)).toBe('plain');
  });

  it('reports syntax errors with their offset, and never runs JavaScript', () => {
    for (const [src, at] of [
      ['1 +', 3],
      ['a ** 2', 3],
      ['process.exit(1)', 12],
      ['"unterminated', 0],
    ] as const) {
      const err = (() => {
        try {
          parseExpr(src);
        } catch (e) {
          return e;
        }
      })();
      expect(err, src).toBeInstanceOf(ExprError);
      expect((err as ExprError).offset, src).toBe(at);
    }
    expect(() => parseTemplate('x ${1 +} y')).toThrow(ExprError);
    expect(() => parseTemplate('x ${open')).toThrow(ExprError);
  });
});
