/**
 * The fault matrix: each cell (one fault, or a pair) on a fresh simulated phone per seed. The
 * first run has the faults; it must end fully backed up, or stop cleanly: an exit code with a
 * `draftvault: ... [E_CODE]` message, nothing public, nothing lost. Then the faults are gone (the
 * phone is back, the disk has room) and one more run must finish everything, resuming what the
 * journal left open. The backup disk fills up for real: the backup root is a small tmpfs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { combine } from './faults.mjs';
import { checkBackup, originalsOf } from './invariants.mjs';
import { backupRun, rng, simPhone, stopMessage } from './lib.mjs';

/** Room for the bookkeeping files and about one video (tmpfs counts 4 KiB pages). */
const FULL_DISK = '28k';

/** What must hold right after a run that stopped. */
const STOPPED_CHECKS = new Set([
  'nothing lost (backed up, still a draft, or open in the journal)',
  'no duplicate post',
  'zero public posts',
]);

/** Can this process mount a size-limited tmpfs (root, and the kernel lets it)? */
export function tmpfsWorks(dir) {
  if (process.getuid?.() !== 0) return false;
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The tmpfs folders mounted now (so an interrupted soak can unmount them). */
const MOUNTED = new Set();
const mount = (dir, size) => {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  MOUNTED.add(dir);
};
const remount = (dir, size) => execFileSync('mount', ['-o', `remount,size=${size}`, dir]);
const umount = (dir) => {
  execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  MOUNTED.delete(dir);
};

/** Unmount every tmpfs the matrix still has mounted (an interrupted soak calls this). */
export function unmountAll() {
  for (const dir of MOUNTED) umount(dir);
}

/** One cell on one seed. */
export async function runCell({ work, faults, seed, drafts = 4, tmpfs = true }) {
  const name = faults.map((f) => f.name).join(' + ');
  const dir = join(work, `${faults.map((f) => f.name).join('+')}-${seed}`);
  const r = rng(seed * 7919 + faults.length);
  const { caps, disk } = combine(faults.map((f) => f.activate(r)));
  const row = { cell: name, seed, runs: 0, outcome: '', lost: 0, public: 0, failed: [] };
  if (disk && !tmpfs) return { ...row, outcome: 'not run: no size-limited folder (tmpfs needs root)' };
  const home = join(dir, 'home');
  const out = disk ? join(dir, 'disk') : join(home, 'backups');
  mkdirSync(out, { recursive: true });
  const p = simPhone(home, 'matrix', out);
  const env = {};
  if (disk) {
    // Preflight would (rightly) refuse a disk this small: ask it for room for one small video.
    const config = join(dir, 'draftvault.yaml');
    writeFileSync(config, 'preflight:\n  expectedVideos: 1\n  videoBytes: 1000\n');
    env.DRAFTVAULT_CONFIG = config;
    mount(out, FULL_DISK);
  }
  try {
    await p.reset(drafts, seed);
    const originals = originalsOf(await p.state());
    const pids = [];
    const first = await backupRun(p, { caps, env, timeoutMs: 240_000 });
    row.runs += 1;
    pids.push(first.pid);
    const fail = (why) => {
      row.outcome = `FAILED: ${why}`;
    };
    const settle = async (done) => {
      const phone = await p.state();
      const checks = checkBackup({ folder: p.folder, home, originals, phone, done, pids });
      // A stopped run may leave what the next one cleans (a pull cut short): judged after it.
      const judged = done ? checks : checks.filter((c) => STOPPED_CHECKS.has(c.name));
      row.failed.push(...judged.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`));
      row.public = phone.posts.filter((x) => x.privacy !== 'only_you').length;
      return phone;
    };
    if (first.hung) fail('the run did not end (killed after 240 s)');
    else if (first.code === 0) {
      await settle(true);
      row.outcome = 'backed up';
    } else {
      const msg = stopMessage(first.stderr);
      await settle(false);
      if (!msg) fail(`exit ${first.code ?? first.signal} without a message`);
      const pending = await openInJournal(p.folder);
      if (disk) remount(out, '16m');
      // The faults are gone: the phone keeps its faults in its state, so switch them off.
      const healthy = { 'appium:simFaults': {}, 'appium:simTimeScale': 0 };
      const second = await backupRun(p, { caps: healthy, env, timeoutMs: 240_000 });
      row.runs += 1;
      pids.push(second.pid);
      await settle(true);
      const resumed = second.code === 0 ? JSON.parse(second.stdout).drafts.map((d) => d.marker) : [];
      const notResumed = pending.filter((m) => !resumed.includes(m));
      if (second.code !== 0)
        fail(`the next run exited ${second.code ?? second.signal}: ${stopMessage(second.stderr) ?? ''}`);
      else if (notResumed.length) fail(`the next run did not resume ${notResumed.join(', ')}`);
      else if (msg)
        row.outcome = `stopped (exit ${first.code}, ${msg.match(/\[(E_[A-Z_]+)\]$/)[1]}), next run resumed${pending.length ? ` ${pending.length} open` : ''}`;
    }
    const manifestPath = join(p.folder, 'manifest.json');
    const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')).entries : [];
    const have = new Set(manifest.map((e) => e.sha256));
    row.lost = originals.filter((o) => !have.has(o.sha256)).length;
    if (row.failed.length && !row.outcome.startsWith('FAILED')) fail(row.failed.join('; '));
    return row;
  } finally {
    if (disk) umount(out);
  }
}

async function openInJournal(folder) {
  const { Journal } = await import('../dist/jobs/journal.js');
  const path = join(folder, 'journal.jsonl');
  return existsSync(path) ? Journal.open(path, 'soak').pending() : [];
}

/** Every cell on its seeds (`seedsOf(cell)`, default all), `jobs` at a time. `log(row)` is told each finished cell. */
export async function runMatrix({
  work,
  cells,
  seeds,
  seedsOf = () => seeds,
  drafts,
  jobs = 2,
  tmpfs,
  log = () => {},
}) {
  const todo = cells.flatMap((faults) => seedsOf(faults).map((seed) => ({ faults, seed })));
  const rows = new Array(todo.length);
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const i = next++;
      rows[i] = await runCell({ work, ...todo[i], drafts, tmpfs });
      log(rows[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, todo.length) }, worker));
  return rows;
}
