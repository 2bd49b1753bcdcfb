/**
 * The layer rule of `npm run lint` (.dependency-cruiser.cjs) fails on an upward import: a small
 * tree in test/fixtures/layers where the core imports the CLI; and the real tree passes.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/proc.js';

const run = promisify(execFile);
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

async function cruise(cwd: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(DEPCRUISE, ['--config', CONFIG, 'src'], { cwd });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

describe('layers that only point down', () => {
  it('an upward import (the core importing the CLI) fails the lint rule, named', async () => {
    const r = await cruise(join(ROOT, 'test', 'fixtures', 'layers'));
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/error no-upward-from-core: src\/core\/word\.ts → src\/cli\/main\.ts/);
    // The downward imports of the same tree are fine: only that one edge is reported (and its cycle).
    expect(r.out).not.toMatch(/no-upward-from-(cli|jobs)/);
  });

  it('the project itself passes', async () => {
    const r = await cruise(ROOT);
    expect(r.out).toMatch(/no dependency violations found/);
    expect(r.code).toBe(0);
  });
});
