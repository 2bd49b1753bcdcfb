/**
 * The hostile-input corpus (test/fixtures/hostile/): each file says on its first lines what must
 * happen (`# expect: CODE [file:]line:col` or `CODE -`, `# run:` the command line, `# config:` a
 * config file). Read in-process by hostile.test.ts and through bin/draftvault.js by hostile-bin.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type ErrorCode, ErrorCodes } from '../../src/errors.js';

export const FIX = join(import.meta.dirname, '..', 'fixtures', 'hostile');
/** The corpus's case files, in order. */
export const CASES = readdirSync(FIX)
  .filter((f) => /^\d{3}_.*\.(yaml|cli)$/.test(f))
  .sort();

/** What one case must do. */
export interface Expectation {
  code: ErrorCode;
  place?: { file: string; line: number; col: number };
  argv: string[];
  config?: string;
}

/** Split a `# run:` line on spaces, keeping JSON arguments whole. */
function splitArgs(line: string): string[] {
  return line.trim().split(/\s+(?=(?:[^"]*"[^"]*")*[^"]*$)/);
}

/** The expectation a case file states. */
export function expectation(file: string): Expectation {
  const head = readFileSync(join(FIX, file), 'latin1').split('\n');
  const m = /^# expect: (E_[A-Z_]+) (-|(?:(\S+):)?(\d+):(\d+))$/.exec(head[0] ?? '');
  if (!m)
    throw new Error(`${file}: the first line must be "# expect: CODE [file:]line:col" or "# expect: CODE -"`);
  const run = head.find((l) => l.startsWith('# run: '))?.slice(7) ?? 'run {file}';
  const config = head.find((l) => l.startsWith('# config: '))?.slice(10);
  return {
    code: m[1] as ErrorCode,
    place: m[2] === '-' ? undefined : { file: m[3] ?? file, line: Number(m[4]), col: Number(m[5]) },
    argv: splitArgs(run).map((a) => a.replaceAll('{file}', join(FIX, file)).replaceAll('{fix}', FIX)),
    config,
  };
}

/** The environment of a case: everything it could write points into `home`. */
export function caseEnv(home: string, want: Expectation): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DRAFTVAULT_HOME: home,
    DRAFTVAULT_CONFIG: want.config ? join(FIX, want.config) : '',
    // The schedule commands write under HOME: a case that wrongly got through writes here.
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.data'),
  };
}

/** The case's exit code, its error code, its place and a hint, and no stack trace or raw error. */
export function expectCleanError(want: Expectation, code: number | null, err: string): void {
  expect(code, err).toBe(ErrorCodes[want.code]);
  expect(err).toContain(`[${want.code}]`);
  if (want.place) {
    const at = `${want.place.file}:${want.place.line}:${want.place.col}`;
    expect(err, `the error must point at ${at}`).toMatch(
      new RegExp(`(^|[/\\s])${at.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`, 'm'),
    );
  }
  expect(err, 'every error says what to do').toMatch(/^\s+hint: \S/m);
  expect(err).not.toMatch(/Invalid input|ZodError|YAMLParseError|at .*\.js:\d+/);
}

/** The phone `victim` under `home`, as a hash of its state file. */
export function phoneHash(home: string): string {
  return createHash('sha256')
    .update(readFileSync(join(home, 'sim', 'victim', 'state.json')))
    .digest('hex');
}

/** No side effect: nothing started, nothing created, the phone as it was (`hash`). */
export function expectNoTrace(home: string, hash: string): void {
  expect(existsSync(join(home, 'runs')), 'no run folder (no Appium, no session)').toBe(false);
  expect(existsSync(join(home, 'backups')), 'no backup folder').toBe(false);
  expect(phoneHash(home), 'the simulated phone is unchanged').toBe(hash);
  expect(readdirSync(join(home, 'sim'))).toEqual(['victim']);
  expect(readdirSync(home).sort(), 'no devices, reports, logs or schedule').toEqual(['sim']);
}
