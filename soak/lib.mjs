/**
 * What the soak needs around the real CLI: a seeded random source, a backup run that can be
 * SIGKILLed (or have its Appium server SIGKILLed) at a chosen moment, and the simulated phone's
 * state. Every run is a real `bin/draftvault.js` process, so a kill is a real kill.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'draftvault.js');

/** mulberry32: the same seed gives the same kill schedule and fault values on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)) };
}

/** Is a process with this pid alive? */
export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Lines in a file (0 when it does not exist): the journal's progress. */
export function lineCount(path) {
  if (!existsSync(path)) return 0;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim()).length;
}

/** Every `appium.pid` the runs of this data home wrote (one per Appium server started). */
export function appiumPids(home) {
  const runs = join(home, 'runs');
  if (!existsSync(runs)) return [];
  return readdirSync(runs)
    .map((d) => join(runs, d, 'appium.pid'))
    .filter((f) => existsSync(f))
    .map((f) => ({ pid: Number(readFileSync(f, 'utf8').trim()), at: statSync(f).mtimeMs }));
}

/** The CLI processes running now. */
const LIVE = new Set();

/** Stop every CLI process the soak started that still runs (an interrupted soak calls this). */
export function stopAll() {
  for (const c of LIVE) c.kill('SIGTERM');
}

/** Run `draftvault ...args` in data home `home`; resolves with code, signal, output and pid. */
export function cli(home, args, { env = {}, timeoutMs = 180_000, onSpawn } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DRAFTVAULT_HOME: home, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    LIVE.add(child);
    child.on('exit', () => LIVE.delete(child));
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout.setEncoding('utf8').on('data', (s) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
    onSpawn?.(child, exited);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, pid: child.pid, hung });
    });
  });
}

/**
 * A backup run that is SIGKILLed at a moment: `kill.after` journal lines written by this run
 * (0: counted from the start), then `kill.ms` more; `kill.target` is the runner itself or its
 * Appium server alone. Resolves with the run's result and whether the kill landed.
 */
export function backupRun(p, { caps, env, kill, timeoutMs } = {}) {
  const args = ['backup', '--device', `sim:${p.device}`, '--out', p.out, '--json'];
  if (caps) args.push('--caps', JSON.stringify(caps));
  let landed = false;
  const journal = join(p.out, p.device, 'journal.jsonl');
  const startLines = lineCount(journal);
  const known = new Set(appiumPids(p.home).map((x) => x.pid));
  return cli(p.home, args, {
    env,
    timeoutMs,
    onSpawn: kill
      ? (child, exited) => {
          let done = false;
          exited.then(() => (done = true));
          (async () => {
            // The Appium server alone: the run's own server (the pid file this run writes).
            const server = () => appiumPids(p.home).find((x) => !known.has(x.pid) && alive(x.pid));
            while (!done && kill.target === 'appium' && !server()) await sleep(20);
            while (!done && lineCount(journal) - startLines < kill.after) await sleep(20);
            await sleep(kill.ms);
            if (done) return;
            if (kill.target === 'runner') {
              landed = child.kill('SIGKILL');
              return;
            }
            // No server left (it exited meanwhile): nothing to kill. Never a default pid: kill(-1)
            // signals every process this user may signal (as root: the whole machine).
            const pid = server()?.pid;
            if (!pid || pid <= 1) return;
            try {
              process.kill(pid, 'SIGKILL');
              landed = true;
            } catch {}
          })();
        }
      : undefined,
  }).then((r) => ({ ...r, landed }));
}

/** A simulated phone `device` with its backup root, in data home `home`. */
export function simPhone(home, device, out = join(home, 'backups')) {
  return {
    home,
    device,
    out,
    folder: join(out, device),
    reset: (drafts, seed) =>
      cli(home, ['sim', 'reset', '--device', device, '--drafts', String(drafts), '--seed', String(seed)]),
    state: async () => JSON.parse((await cli(home, ['sim', 'state', '--device', device, '--json'])).stdout),
  };
}

/** The error line a stopped run printed (`draftvault: ... [E_CODE]`), or undefined. */
export function stopMessage(stderr) {
  return stderr
    .split('\n')
    .reverse()
    .find((l) => /^draftvault: .*\[E_[A-Z_]+\]$/.test(l));
}
