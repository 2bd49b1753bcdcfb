/**
 * App versions are matched against `appVersion:` ranges in one place (core/fields.ts), so the
 * runner (which refuses a flow), selector overrides and the preflight (which warns before the
 * run) can never disagree about a version.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { versionAbove, versionMatches } from '../../src/core/fields.js';
import { ROOT } from '../helpers/proc.js';

/** Every draftvault source file (the simulator package imports nothing from draftvault). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return p === join(ROOT, 'src', 'drivers', 'sim') ? [] : sources(p);
    return /\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('one app-version matcher', () => {
  it('only core/fields.ts reads versions with semver', () => {
    const users = sources(join(ROOT, 'src'))
      .filter((f) => /from ['"]semver['"]/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(users).toEqual(['src/core/fields.ts']);
  });

  it('matches and compares versions the same way, coerced; a version that is not semver matches nothing', () => {
    const range = '>=43.0.0 <48.0.0';
    expect(versionMatches('43.1.4', range)).toBe(true);
    expect(versionMatches('47.0.3.1', range)).toBe(true);
    expect(versionMatches('48.0.0', range)).toBe(false);
    expect(versionAbove('48.0.0', range)).toBe(true);
    expect(versionAbove('42.9.9', range)).toBe(false);
    expect(versionAbove('45.0.0', range)).toBe(false);
    expect(versionMatches('nightly-build', range)).toBe(false);
    expect(versionAbove('nightly-build', range)).toBe(false);
    expect(versionMatches(undefined, range)).toBe(false);
    expect(versionMatches('anything', undefined)).toBe(true);
  });
});
