/**
 * Where draftvault finds its own install and keeps its data.
 *
 * Nothing here is global state: every function takes the environment it reads, so tests and
 * parallel runs (one per device) can point at their own folders.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The draftvault package root (the folder with package.json and node_modules). */
export function packageRoot(): string {
  // dist/paths.js and src/paths.ts both sit one level below the root.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'node_modules'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('draftvault: cannot find its package root (package.json beside node_modules)');
}

/**
 * The data folder: `$DRAFTVAULT_HOME`, else `.draftvault/` in the current directory.
 * A relative default keeps a fresh clone self-contained (`npm start` writes beside the code).
 */
export function dataHome(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return resolve(cwd, env.DRAFTVAULT_HOME ?? '.draftvault');
}

/** Create `dir` (and parents) private to the user, and return it. */
export function ensurePrivateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** A new folder for one run: `<home>/runs/<UTC stamp>-<label>`; it receives logs and artifacts. */
export function newRunDir(label: string, home: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let dir = join(home, 'runs', `${stamp}-${label}`);
  for (let n = 2; existsSync(dir); n++) dir = join(home, 'runs', `${stamp}-${label}-${n}`);
  return ensurePrivateDir(dir);
}
