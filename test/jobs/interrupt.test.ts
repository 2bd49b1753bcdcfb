/**
 * Ctrl-C and SIGTERM at any phase of a backup: exit 130 without waiting for the phone, no Appium
 * left running, a journal the next run reads and finishes from (nothing posted twice, nothing
 * public, every draft backed up once).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/jobs/journal.js';
import { phone } from '../helpers/backup.js';
import { alive, eventually, spawnCli, startCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

/** Every Appium server a run folder under `home` recorded. */
function appiumPids(home: string): number[] {
  const runs = join(home, 'runs');
  if (!existsSync(runs)) return [];
  return readdirSync(runs)
    .map((d) => join(runs, d, 'appium.pid'))
    .filter(existsSync)
    .map((f) => Number(readFileSync(f, 'utf8').trim()));
}

/** The run log of the (first) run under `home`. */
function runLog(home: string): string {
  const runs = join(home, 'runs');
  const first = existsSync(runs) ? readdirSync(runs)[0] : undefined;
  const file = first ? join(runs, first, 'run.jsonl') : '';
  return file && existsSync(file) ? readFileSync(file, 'utf8') : '';
}

const PHASES = [
  // [name, signal, what on stdout means the phase is reached, simulator capabilities]
  ['while Appium starts', 'SIGINT', null, {}],
  ['in the middle of a flow', 'SIGTERM', /drafts left on the phone/, {}],
  ['while a slow command is on the phone', 'SIGINT', 'stepStarted', { 'appium:simLatencyMs': 3000 }],
  [
    'while waiting for the upload',
    'SIGINT',
    /: upload/,
    { 'appium:simTimeScale': 1, 'appium:simFaults': { slowUploadFactor: 2 } },
  ],
] as const;

describe('interrupting a backup', { timeout: 240_000 }, () => {
  for (const [name, signal, ready, caps] of PHASES) {
    it(`${signal} ${name}: exit 130 at once, no Appium left, the next run finishes`, async () => {
      const home = tmp();
      const p = phone(home, 'intr');
      await p.reset(2);
      const args = ['backup', '--device', 'sim:intr', '--out', p.out, '--caps', JSON.stringify(caps)];
      const child =
        ready instanceof RegExp ? (await startCli(args, p.env, ready)).child : spawnCli(args, p.env);
      if (ready === null) {
        // Before anything is printed: Appium is still starting (its run folder appears first).
        await eventually(() => existsSync(join(home, 'runs')), 10_000);
      } else if (typeof ready === 'string') {
        // The first step has started: its first command (3 s on this phone) is in flight.
        await eventually(() => runLog(home).includes(`"type":"${ready}"`), 60_000);
      }
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      const sent = Date.now();
      child.kill(signal);
      expect(await exited).toBe(130);
      // Within 2 s, whatever is in flight: a 3 s command on the phone is abandoned, not awaited.
      expect(Date.now() - sent).toBeLessThan(2000);
      for (const pid of appiumPids(home))
        expect(await eventually(() => !alive(pid), 3000), `Appium ${pid} outlived the run`).toBe(true);
      if (existsSync(join(p.folder, 'journal.jsonl'))) Journal.open(join(p.folder, 'journal.jsonl'), 'check');
      const again = await p.backup();
      expect(again.code, again.stderr).toBe(0);
      const st = await p.state();
      expect(st.drafts).toHaveLength(0);
      expect(st.posts.map((x) => x.privacy)).toEqual(['only_you', 'only_you']);
      expect(new Set(p.manifest().entries.map((e) => e.sha256)).size).toBe(2);
    });
  }
});
