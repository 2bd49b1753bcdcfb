/**
 * The hostile-input corpus through the real `bin/draftvault.js`, in a child process, for a
 * subset covering every category (YAML, paths, selectors, parameters, devices, --out, caps,
 * config, schedule): the exit code, the error code, the place, a hint, no run folder, the phone
 * unchanged, and no process left behind (no Appium child, not even the warm one). Plus `--out`
 * through a symlink into /proc for flows schema, verify and backup.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CASES,
  caseEnv,
  type Expectation,
  expectation,
  expectCleanError,
  expectNoTrace,
  phoneHash,
} from '../helpers/hostile.js';
import { eventually, runCli } from '../helpers/proc.js';

/**
 * One case of each category of the corpus (all of it runs in-process in hostile.test.ts): YAML
 * syntax and size, paths, selectors, parameters, devices, --out, flows, caps, restore input,
 * config, schedule.
 */
const SUBSET = [201, 206, 213, 230, 243, 259, 265, 271, 273, 284, 287, 304, 329];
// A hung --out check (issue 8: 100% CPU, deaf to signals) must end as a failure, not hang the suite.
const HANG_MS = 30_000;

let home: string;
let hash: string;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'dv-hostile-bin-'));
  const r = await runCli(['sim', 'reset', '--device', 'victim', '--drafts', '1'], {
    DRAFTVAULT_HOME: home,
    DRAFTVAULT_CONFIG: '',
  });
  expect(r.code, r.stderr).toBe(0);
  hash = phoneHash(home);
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Processes still alive that were started for this home (they inherit DRAFTVAULT_HOME). */
function processesOf(dir: string): number[] {
  const mark = `DRAFTVAULT_HOME=${dir}\0`;
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/environ`, 'latin1').includes(mark);
      } catch {
        return false; // gone, or not ours to read
      }
    })
    .map(Number);
}

async function runCase(want: Expectation) {
  const r = await runCli(want.argv, caseEnv(home, want), HANG_MS, home);
  expectCleanError(want, r.code, r.stderr);
  expectNoTrace(home, hash);
  expect(
    await eventually(() => processesOf(home).length === 0),
    `left running: ${processesOf(home).join(', ')}`,
  ).toBe(true);
}

describe('hostile input through bin/draftvault.js', () => {
  const files = SUBSET.map((n) => CASES.find((f) => f.startsWith(`${n}_`)));
  it('the subset names existing cases', () => {
    expect(files.filter((f) => !f)).toEqual([]);
  });

  for (const file of files.filter((f): f is string => !!f)) {
    const want = expectation(file);
    it(`${file}: exit ${want.code}, nothing left behind`, () => runCase(want));
  }

  it('the process scan sees a process of this home (it can fail)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
      env: { ...process.env, DRAFTVAULT_HOME: home },
      stdio: 'ignore',
    });
    try {
      expect(await eventually(() => processesOf(home).includes(child.pid!))).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('--out through a symlink into /proc', () => {
  const link = () => {
    const dir = mkdtempSync(join(tmpdir(), 'dv-hostile-link-'));
    symlinkSync('/proc', join(dir, 'proc-link'));
    return join(dir, 'proc-link');
  };
  for (const argv of [
    ['flows', 'schema', '--out'],
    ['verify', '--device', 'sim:victim', '--out'],
    ['backup', '--device', 'sim:victim', '--out'],
  ]) {
    it(`${argv.slice(0, 2).join(' ')}: E_USAGE, exit 2`, async () => {
      const out = link();
      await runCase({ code: 'E_USAGE', argv: [...argv, join(out, 'x')] });
      rmSync(join(out, '..'), { recursive: true, force: true });
    });
  }
});
