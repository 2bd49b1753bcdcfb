/**
 * The hostile-input corpus: every file in test/fixtures/hostile/ says on its first lines what
 * must happen (`# expect: CODE [file:]line:col` or `CODE -` when the error has no place, `# run:`
 * the command line, `# config:` a config file). Each case must exit with its code's exit code,
 * print the code, the place and a hint, and have no side effect: no run folder (so no Appium and
 * no session), no backup folder, and the simulated phone unchanged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import {
  CASES,
  caseEnv,
  expectation,
  expectCleanError,
  expectNoTrace,
  phoneHash,
} from '../helpers/hostile.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

let home: string;
let hash: string;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'dv-hostile-'));
  const out = new Capture();
  const code = await main(['sim', 'reset', '--device', 'victim', '--drafts', '1'], {
    stdout: out,
    stderr: out,
    env: { ...process.env, DRAFTVAULT_HOME: home, DRAFTVAULT_CONFIG: '' },
  });
  expect(code, out.text).toBe(0);
  hash = phoneHash(home);
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
      const code = await main(want.argv, { stdout, stderr, env: caseEnv(home, want), cwd: home });
      expectCleanError(want, code, stderr.text);
      expectNoTrace(home, hash);
    });
  }
});
