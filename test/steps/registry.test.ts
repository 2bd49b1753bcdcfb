/**
 * Every registered step kind has a test in test/steps/ that runs it on the simulated phone:
 * written there as a flow step (`- kind` or `{ kind: ...`). A new kind without one fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STEPS } from '../../src/steps/index.js';

const DIR = import.meta.dirname;

/** Step kinds written as flow steps in `text` (a list item or an inline map key). */
function stepsIn(text: string, kinds: readonly string[]): string[] {
  return kinds.filter((k) => new RegExp(`(?:-\\s+|\\{\\s*)${k}(?=[:\\s'",}\\]]|$)`, 'm').test(text));
}

const tests = readdirSync(DIR)
  .filter((f) => f.endsWith('.test.ts') && f !== 'registry.test.ts')
  .map((f) => readFileSync(join(DIR, f), 'utf8'))
  .join('\n');

describe('test/steps covers the step registry', () => {
  it('every registered step kind runs in a test of test/steps', () => {
    const kinds = Object.keys(STEPS);
    const covered = stepsIn(tests, kinds);
    expect(kinds.filter((k) => !covered.includes(k))).toEqual([]);
  });

  it('the check can fail: a kind written only in prose or a name is not counted', () => {
    const prose =
      '/** tapIt and tap. */\nit("longPress works", () => runSteps(sim, "st-long", "  - log: hi"));';
    expect(stepsIn(prose, ['tap', 'longPress', 'noSuchStep', 'log'])).toEqual(['log']);
    expect(stepsIn("'  - noSuchStep: x'", ['noSuchStep'])).toEqual(['noSuchStep']);
  });
});
