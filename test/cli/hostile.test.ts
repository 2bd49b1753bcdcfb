/**
 * The hostile-input corpus: every file in test/fixtures/hostile/ says on its first lines what
 * must happen (`# expect: CODE [file:]line:col` or `CODE -` when the error has no place, `# run:`
 * the command line, `# config:` a config file). Each case must exit with its code's exit code,
 * print the code, the place and a hint, and have no side effect: no run folder (so no Appium and
 * no session), no backup folder, and the simulated phone unchanged.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { type ErrorCode, ErrorCodes } from '../../src/errors.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'hostile');
const CASES = readdirSync(FIX)
  .filter((f) => /^\d{3}_.*\.(yaml|cli)$/.test(f))
  .sort();

interface Expectation {
  code: ErrorCode;
  place?: { file: string; line: number; col: number };
  argv: string[];
  config?: string;
}

/** Split a `# run:` line on spaces, keeping JSON arguments whole. */
function splitArgs(line: string): string[] {
  return line.trim().split(/\s+(?=(?:[^"]*"[^"]*")*[^"]*$)/);
}

function expectation(file: string): Expectation {
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

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

let home: string;
let phoneHash: string;
const phoneState = () =>
  createHash('sha256')
    .update(readFileSync(join(home, 'sim', 'victim', 'state.json')))
    .digest('hex');

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'dv-hostile-'));
  const out = new Capture();
  const code = await main(['sim', 'reset', '--device', 'victim', '--drafts', '1'], {
    stdout: out,
    stderr: out,
    env: { ...process.env, DRAFTVAULT_HOME: home, DRAFTVAULT_CONFIG: '' },
  });
  expect(code, out.text).toBe(0);
  phoneHash = phoneState();
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('hostile input: a clear error, its exit code, no side effects', () => {
  it('has at least 60 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  for (const file of CASES) {
    const want = expectation(file);
    it(`${file}: ${want.code}${want.place ? ` at ${want.place.file}:${want.place.line}:${want.place.col}` : ''}`, async () => {
      const stdout = new Capture();
      const stderr = new Capture();
      const env: NodeJS.ProcessEnv = { ...process.env, DRAFTVAULT_HOME: home, DRAFTVAULT_CONFIG: '' };
      // The schedule commands write under HOME: a case that wrongly got through writes here.
      Object.assign(env, {
        HOME: home,
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_DATA_HOME: join(home, '.data'),
      });
      if (want.config) env.DRAFTVAULT_CONFIG = join(FIX, want.config);
      const code = await main(want.argv, { stdout, stderr, env, cwd: home });
      const err = stderr.text;
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
      // No side effect: nothing started, nothing created, the phone untouched.
      expect(existsSync(join(home, 'runs')), 'no run folder (no Appium, no session)').toBe(false);
      expect(existsSync(join(home, 'backups')), 'no backup folder').toBe(false);
      expect(phoneState(), 'the simulated phone is unchanged').toBe(phoneHash);
      expect(readdirSync(join(home, 'sim'))).toEqual(['victim']);
      expect(readdirSync(home).sort(), 'no devices, reports, logs or schedule').toEqual(['sim']);
    });
  }
});
