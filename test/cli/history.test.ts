/**
 * `draftvault history` over real runs on two simulated phones: the table (newest first, one row
 * per run with its counts, exit code and result), `--device` and `--limit`, and `--json`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phone } from '../helpers/backup.js';
import { runCli } from '../helpers/proc.js';

const MISSING = ['--caps', '{"appium:simFaults":{"notInstalled":true}}'];
let env: NodeJS.ProcessEnv;
let home: string;

beforeAll(async () => {
  // One home for the whole file (useTmpDir's is gone after each test): the runs are made once,
  // the tests only read them.
  home = mkdtempSync(join(tmpdir(), 'dv-history-'));
  writeFileSync(join(home, 'draftvault.yaml'), '{}\n');
  const a = phone(home, 'a');
  const b = phone(home, 'b');
  expect((await a.reset(1)).code).toBe(0);
  expect((await b.reset(1)).code).toBe(0);
  env = { ...a.env, DRAFTVAULT_CONFIG: join(home, 'draftvault.yaml') };
  expect((await a.backup([], env)).code).toBe(0); // oldest: a backs up its draft
  expect((await a.backup(MISSING, env)).code).toBe(3);
  expect((await b.backup(MISSING, env)).code).toBe(3); // newest
}, 180_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** The table's rows as cells (columns are separated by two spaces or more). */
async function table(args: string[] = []): Promise<string[][]> {
  const r = await runCli(['history', ...args], env);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout
    .trimEnd()
    .split('\n')
    .map((l) => l.split(/ {2,}/));
}

describe('draftvault history', { timeout: 60_000 }, () => {
  it('prints every run as a table row, newest first', async () => {
    const rows = await table();
    expect(rows[0]).toEqual(['date', 'device', 'found', 'backed up', 'failed', 'duration', 'exit', 'result']);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[4], r[6], r[7]])).toEqual([
      ['sim:b', '0', '0', '0', '3', 'not ready'],
      ['sim:a', '0', '0', '0', '3', 'not ready'],
      ['sim:a', '1', '1', '0', '0', 'ok'],
    ]);
    for (const r of rows.slice(1)) {
      expect(r[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(r[5]).toMatch(/^\d+(\.\d)? s$|^\d+ m \d+ s$/);
    }
    expect(rows.slice(1).map((r) => r[0])).toEqual(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort()
        .reverse(),
    );
  });

  it('--device keeps one phone’s runs, --limit the newest N, both together', async () => {
    const cells = (rows: string[][]) => rows.slice(1).map((r) => `${r[1]} ${r[7]}`);
    expect(cells(await table(['--device', 'sim:a']))).toEqual(['sim:a not ready', 'sim:a ok']);
    expect(cells(await table(['--limit', '1']))).toEqual(['sim:b not ready']);
    expect(cells(await table(['--device', 'sim:a', '--limit', '1']))).toEqual(['sim:a not ready']);
    expect(cells(await table(['--limit', '5']))).toHaveLength(3);
    expect((await runCli(['history', '--device', 'sim:c'], env)).stdout).toBe('no runs yet\n');
  });

  it('--json: the same runs with their report folders', async () => {
    const r = await runCli(['history', '--json', '--device', 'sim:a'], env);
    const runs = JSON.parse(r.stdout);
    expect(runs).toEqual([
      expect.objectContaining({ device: 'sim:a', job: 'backup', result: 'not ready', exitCode: 3 }),
      expect.objectContaining({ device: 'sim:a', result: 'ok', exitCode: 0, found: 1, backedUp: 1 }),
    ]);
    for (const run of runs) expect(run.report).toMatch(/\/reports\/[^/]+-sim-a$/);
  });
});
