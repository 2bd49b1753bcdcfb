/**
 * Schema pieces shared by flows and selector files, each failing with its own error code:
 * durations (E_BAD_TIMEOUT), regular expressions (E_BAD_REGEX), app-version ranges and
 * `${...}` templates (E_BAD_EXPRESSION).
 */
import semver from 'semver';
import { z } from 'zod';
import { ExprError, parseExpr, parseTemplate } from './expr.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

/** Parse "250ms", "5s", "1.5s", "2m" or a number of milliseconds. */
export function parseDuration(v: string | number): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)\s*$/.exec(v);
  return m ? Math.round(Number(m[1]) * UNITS[m[2]!]!) : undefined;
}

/** A duration, as milliseconds (at most 30 minutes). */
export const duration = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const ms = parseDuration(v);
  if (ms === undefined || ms > 30 * 60_000) {
    ctx.addIssue({
      code: 'custom',
      message: `"${v}" is not a duration`,
      params: { code: 'E_BAD_TIMEOUT', hint: 'write e.g. 250ms, 5s, 1.5s or 2m (at most 30m)' },
    });
    return z.NEVER;
  }
  return ms;
});

/** A regular expression (JavaScript syntax), checked to compile. */
export const regex = z.string().superRefine((v, ctx) => {
  try {
    new RegExp(v);
  } catch (err) {
    ctx.addIssue({
      code: 'custom',
      message: `invalid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`,
      params: { code: 'E_BAD_REGEX', hint: 'escape special characters such as ( ) [ ] with a backslash' },
    });
  }
});

/** A semver range of app versions, e.g. ">=43.0.0 <48.0.0". */
export const versionRange = z.string().superRefine((v, ctx) => {
  if (semver.validRange(v) === null) {
    ctx.addIssue({
      code: 'custom',
      message: `"${v}" is not a version range`,
      params: { hint: 'e.g. ">=43.0.0 <48.0.0" or "47.x"' },
    });
  }
});

/** A string that may contain `${...}`; the expressions must parse. */
export const template = z.string().superRefine((v, ctx) => {
  try {
    parseTemplate(v);
  } catch (err) {
    if (!(err instanceof ExprError)) throw err;
    ctx.addIssue({
      code: 'custom',
      message: `bad expression at character ${err.offset + 1}: ${err.message}`,
      params: {
        code: 'E_BAD_EXPRESSION',
        hint: 'expressions use variables, numbers, quoted strings and + - * / == != < > && || !',
      },
    });
  }
});

/** A bare expression (no `${}`), e.g. for `when: { expr: "count > 0" }`. */
export const expression = z.string().superRefine((v, ctx) => {
  try {
    parseExpr(v);
  } catch (err) {
    if (!(err instanceof ExprError)) throw err;
    ctx.addIssue({
      code: 'custom',
      message: `bad expression at character ${err.offset + 1}: ${err.message}`,
      params: { code: 'E_BAD_EXPRESSION' },
    });
  }
});

/**
 * Does `version` satisfy `range`? (A version that is not semver never does.) The one matcher of
 * app versions: flows, selector overrides and the preflight's tested-range check all use it.
 */
export function versionMatches(version: string | undefined, range: string | undefined): boolean {
  if (!range) return true;
  if (!version) return false;
  const v = semver.coerce(version);
  return v !== null && semver.satisfies(v, range);
}

/** Is `version` newer than every version `range` allows? (Read as {@link versionMatches} reads it.) */
export function versionAbove(version: string | undefined, range: string): boolean {
  const v = version ? semver.coerce(version) : null;
  return v !== null && semver.gtr(v, range);
}
