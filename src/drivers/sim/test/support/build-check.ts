/**
 * Vitest global setup: Appium loads the driver from build/, not from the sources, so a test run
 * on a missing or stale build would test old code. Fail at once, saying how to fix it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PACKAGE_DIR } from './appium.js';

function newestSource(dir: string): { path: string; mtimeMs: number } {
  let newest = { path: '', mtimeMs: 0 };
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (['build', 'node_modules', 'test', 'vitest.config.ts'].includes(e.name)) continue;
    const path = join(dir, e.name);
    const found = e.isDirectory()
      ? newestSource(path)
      : e.name.endsWith('.ts')
        ? { path, mtimeMs: statSync(path).mtimeMs }
        : newest;
    if (found.mtimeMs > newest.mtimeMs) newest = found;
  }
  return newest;
}

export default function setup(): void {
  const fix = 'run `npm run build` in src/drivers/sim (or the root `npm test`, which builds first)';
  let built: number;
  try {
    built = statSync(join(PACKAGE_DIR, 'build', 'index.js')).mtimeMs;
  } catch {
    throw new Error(`draftvault-sim-driver is not built (no build/index.js): ${fix}`);
  }
  const src = newestSource(PACKAGE_DIR);
  if (src.mtimeMs > built) {
    throw new Error(
      `draftvault-sim-driver's build/ is older than ${relative(PACKAGE_DIR, src.path)}: ${fix}`,
    );
  }
}
