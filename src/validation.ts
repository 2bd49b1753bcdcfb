/**
 * Schema problems in our own words. Every place that validates input with zod (capabilities,
 * config, flows) reports issues through here, so no library wording reaches the user.
 */
import type { z } from 'zod';

/** One problem: where (a dotted path) and what, in plain words. */
export interface Problem {
  path: (string | number)[];
  message: string;
}

function list(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** Describe one zod issue; `missing` says whether the value was absent from the input. */
export function describeIssue(issue: z.core.$ZodIssue, missing = false): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${list(issue.values)}`;
    case 'invalid_type':
      return missing ? 'is required' : `must be ${article(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `must have at least ${issue.minimum} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `must have at most ${issue.maximum} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : `must be at most ${issue.maximum}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${list(issue.keys)}`;
    case 'invalid_format':
      // A pattern with a message of ours says what the value must be.
      if (issue.format === 'regex' && !/^Invalid/.test(issue.message)) return `must be ${issue.message}`;
      return `is not a valid ${issue.format}`;
    case 'invalid_union':
      return 'matches none of the allowed forms';
    default:
      return issue.message;
  }
}

function article(t: string): string {
  if (t === 'int') return 'a whole number';
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

/** The value at `path` inside `input` (undefined when absent). */
export function valueIn(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** All problems of a failed parse of `input`. */
export function problemsOf(error: z.ZodError, input: unknown): Problem[] {
  return error.issues.map((i) => ({
    path: i.path as (string | number)[],
    message: describeIssue(i, valueIn(input, i.path) === undefined),
  }));
}
