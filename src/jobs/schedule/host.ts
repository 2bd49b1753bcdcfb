/**
 * The computer a schedule goes on, as the environment describes it: where systemd user units
 * live (`$XDG_CONFIG_HOME/systemd/user`), where systemd keeps a persistent timer's last run, and
 * the `systemctl` and `crontab` found on `$PATH`. Nothing is global, so tests point HOME,
 * XDG_* and PATH at a temporary home with stand-in programs and the real system is never touched.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { DraftvaultError } from '../../errors.js';

/** What a program printed. */
export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** The scheduler side of this computer. */
export interface SchedulerHost {
  /** `~/.config/systemd/user`. */
  unitDir: string;
  /** `~/.local/share/systemd/timers`: systemd's record of a persistent timer's last run. */
  stampDir: string;
  systemctl?: string;
  crontab?: string;
  run(program: string, args: readonly string[], input?: string): Promise<Ran>;
}

/** Find `name` on PATH. */
function which(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** The host described by `env`. */
export function schedulerHost(env: NodeJS.ProcessEnv): SchedulerHost {
  const home = env.HOME;
  const config = env.XDG_CONFIG_HOME || (home && join(home, '.config'));
  const data = env.XDG_DATA_HOME || (home && join(home, '.local', 'share'));
  if (!config || !data)
    throw new DraftvaultError('E_USAGE', 'HOME is not set: there is no home to put a schedule in', {
      hint: 'run it as the user whose backups these are (HOME set), or use `draftvault daemon`',
    });
  return {
    unitDir: join(config, 'systemd', 'user'),
    stampDir: join(data, 'systemd', 'timers'),
    systemctl: which('systemctl', env),
    crontab: which('crontab', env),
    run: (program, args, input) =>
      new Promise((resolve) => {
        const child = spawn(program, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
        child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
        child.stdin.on('error', () => {});
        child.on('error', (err) => resolve({ code: 127, stdout, stderr: err.message }));
        child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
        child.stdin.end(input ?? '');
      }),
  };
}

/** Is a systemd user manager there to take timers (not only the systemctl program)? */
export async function hasUserSystemd(host: SchedulerHost): Promise<boolean> {
  if (!host.systemctl) return false;
  return (await host.run(host.systemctl, ['--user', 'show-environment'])).code === 0;
}

/** Run `systemctl --user ...`; a failure is E_SCHEDULER_UNAVAILABLE with what it said. */
export async function systemctl(host: SchedulerHost, args: readonly string[]): Promise<Ran> {
  const r = await host.run(host.systemctl ?? 'systemctl', ['--user', ...args]);
  if (r.code !== 0)
    throw new DraftvaultError(
      'E_SCHEDULER_UNAVAILABLE',
      `systemctl --user ${args.join(' ')} failed: ${r.stderr.trim() || `exit ${r.code}`}`,
      {
        hint: 'a user manager must run (log in, or `loginctl enable-linger $USER`); or --using cron, or `draftvault daemon`',
      },
    );
  return r;
}
