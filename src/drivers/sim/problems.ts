/**
 * The simulator's own wording for zod issues, so no library text reaches whoever sent a bad
 * capability or option ("appium:simProfile must be one of ...", "appium:simFaults unknown key ...").
 */
import type { z } from 'zod';

/** One problem: where (the path inside the checked object) and what, in plain words. */
export interface Problem {
  /** Path of the offending value, e.g. `["simFaults", "popupRate"]`; empty for the whole object. */
  path: (string | number)[];
  /** What is wrong with it, e.g. `must be at least 0`. */
  message: string;
}

const quoted = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

function sizeWords(origin: string, bound: 'least' | 'most', n: unknown): string {
  const unit = origin === 'array' ? ' items' : origin === 'string' ? ' characters' : '';
  return `must ${unit ? 'have' : 'be'} at ${bound} ${String(n)}${unit}`;
}

function typeWords(expected: string): string {
  if (expected === 'int') return 'a whole number';
  return `${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`;
}

function absent(input: unknown, path: readonly PropertyKey[]): boolean {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return true;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v === undefined;
}

function wording(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${quoted(issue.values)}`;
    case 'invalid_type':
      return absent(input, issue.path) ? 'is required' : `must be ${typeWords(issue.expected)}`;
    case 'too_small':
      return sizeWords(issue.origin, 'least', issue.minimum);
    case 'too_big':
      return sizeWords(issue.origin, 'most', issue.maximum);
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${quoted(issue.keys)}`;
    case 'invalid_format':
      // A regex's own message says what is allowed; other formats are named.
      return issue.format === 'regex' ? issue.message : `is not a valid ${issue.format}`;
    case 'invalid_union':
      return 'matches none of the allowed forms';
    default:
      return issue.message;
  }
}

/** Every problem of a failed parse of `input`, in the simulator's words. */
export function problemsOf(error: z.ZodError, input: unknown): Problem[] {
  return error.issues.map((issue) => ({
    path: issue.path as (string | number)[],
    message: wording(issue, input),
  }));
}
