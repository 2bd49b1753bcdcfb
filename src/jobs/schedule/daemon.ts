/**
 * `draftvault daemon`: the schedule kept in this process (croner), for hosts with neither a
 * systemd user manager nor cron. At each device's time it starts the same command a timer would
 * (`node bin/draftvault.js backup --device D`, its output appended to a log in the data home),
 * never two at once for one device. On SIGINT/SIGTERM it stops the timers, passes SIGTERM to
 * running backups (they stop within 2 s and resume next time) and ends with the interrupt.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { Cron } from 'croner';
import { ensurePrivateDir } from '../../paths.js';
import { listReports } from '../reports/write.js';
import { cronPattern, runArgv, type ScheduledRun } from './plan.js';

/** How long running backups get to stop after the daemon is interrupted (the CLI exits at 1.5 s). */
const CHILD_GRACE_MS = 1200;

/** Where a device's daemon runs write their output. */
export function daemonLog(r: ScheduledRun): string {
  return join(r.home, 'logs', `daemon-${r.key}.log`);
}

function launch(r: ScheduledRun, env: NodeJS.ProcessEnv): ChildProcess {
  ensurePrivateDir(join(r.home, 'logs'));
  const fd = openSync(daemonLog(r), 'a', 0o600);
  try {
    // A file, not a pipe: a backup outliving an interrupted daemon still has somewhere to write.
    const [node, ...args] = runArgv(r);
    return spawn(node!, args, { cwd: r.cwd, env: { ...env, ...r.env }, stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd);
  }
}

/**
 * Run the schedule until `signal` aborts; `say` gets one line per event. Resolves never; rejects
 * with the signal's reason once running backups have stopped.
 */
export async function runDaemon(o: {
  runs: readonly ScheduledRun[];
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  say: (line: string) => void;
}): Promise<never> {
  const running = new Map<string, ChildProcess>();
  const jobs = o.runs.map(
    (r) =>
      new Cron(cronPattern(r.at, true), { name: `draftvault-${r.key}`, protect: true }, async () => {
        if (o.signal.aborted || running.has(r.key)) return;
        const child = launch(r, o.env);
        running.set(r.key, child);
        o.say(`backup of ${r.device} started (pid ${child.pid}; output in ${daemonLog(r)})`);
        const code = await new Promise<number | null>((res) => {
          child.on('exit', (c, sig) => res(c ?? (sig ? 128 : null)));
          child.on('error', () => res(null));
        });
        running.delete(r.key);
        const last = listReports(r.home).find((x) => x.report.deviceKey === r.key)?.report;
        o.say(
          `backup of ${r.device} finished: exit ${code}${last ? ` (${last.result}); report: ${join(last.reportDir, 'report.html')}` : ''}; next ${jobs
            .find((j) => j.name === `draftvault-${r.key}`)
            ?.nextRun()
            ?.toISOString()}`,
        );
      }),
  );
  for (const [i, j] of jobs.entries())
    o.say(`${o.runs[i]!.device}: daily at ${o.runs[i]!.at}, next ${j.nextRun()?.toISOString()}`);
  await new Promise<void>((resolve) => {
    if (o.signal.aborted) resolve();
    o.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  for (const j of jobs) j.stop();
  const children = [...running.values()];
  for (const c of children) c.kill('SIGTERM');
  await Promise.race([
    Promise.all(
      children.map((c) => new Promise((res) => (c.exitCode !== null ? res(null) : c.on('exit', res)))),
    ),
    new Promise((res) => setTimeout(res, CHILD_GRACE_MS).unref()),
  ]);
  throw o.signal.reason;
}
