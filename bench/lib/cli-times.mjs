/**
 * The command line's own costs: `draftvault --version`, and a cold start (a fresh process, the
 * embedded Appium server, a session) to the first device command, read from the server's log.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resetPhone } from 'draftvault-sim-driver/api';
import { simHome } from '../../dist/drivers/sim-adapter/index.js';
import { packageRoot } from '../../dist/paths.js';

const BIN = join(packageRoot(), 'bin', 'draftvault.js');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall time of `draftvault --version` in a fresh process. */
export async function versionTime({ quick }) {
  const times = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`--version exited ${r.status}: ${r.stderr}`);
  }
  return { ms: median(times), runs: times.length };
}

/** Appium's log timestamps: `2026-12-02 07:12:57:225` in local time. */
function logTime(line) {
  const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d):(\d{3})/.exec(line);
  return m ? new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7]).getTime() : undefined;
}

/**
 * From spawning `draftvault backup --limit 1` to the first command the server receives for the
 * device session (the first request after the session was created).
 */
export async function coldStart({ quick, work }) {
  const out = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    const name = `cold-${i}`;
    await resetPhone(simHome(), { name, drafts: 1, seed: 7 });
    const t0 = Date.now();
    const child = spawn(
      process.execPath,
      [BIN, 'backup', '--device', `sim:${name}`, '--out', join(work, 'cold', name), '--json'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: process.env,
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const code = await new Promise((r) => child.on('exit', r));
    if (code !== 0) throw new Error(`cold start run exited ${code}: ${stderr.slice(-400)}`);
    const runs = join(process.env.DRAFTVAULT_HOME, 'runs');
    const dir = readdirSync(runs)
      .filter((d) => d.includes('backup'))
      .sort()
      .at(-1);
    const lines = readFileSync(join(runs, dir, 'appium.log'), 'utf8').split('\n');
    const first = lines.find((l) => /\[HTTP\] --> \w+ \/session\/[^/\s]+\//.test(l));
    const created = lines.find((l) => /\[HTTP\] --> POST \/session\s/.test(l));
    out.push({ firstCommandMs: logTime(first) - t0, sessionRequestMs: logTime(created) - t0 });
  }
  return {
    firstCommandMs: median(out.map((x) => x.firstCommandMs)),
    sessionRequestMs: median(out.map((x) => x.sessionRequestMs)),
    runs: out.length,
  };
}
