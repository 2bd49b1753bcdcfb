/** Backup tests drive the real CLI (a real process, so SIGKILL is real) against simulated phones. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CliResult, runCli } from './proc.js';

/** What `sim state --json` reports. */
export interface SimSummary {
  drafts: { id: string; caption: string; sha256: string }[];
  posts: { id: string; privacy: string; status: string; caption: string }[];
  gallery: { path: string }[];
}

/** A simulated phone plus a backup folder, in one DRAFTVAULT_HOME. */
export function phone(home: string, device: string) {
  const env = { DRAFTVAULT_HOME: home };
  const out = join(home, 'backups');
  return {
    env,
    out,
    folder: join(out, device),
    reset: (drafts: number, extra: string[] = []) =>
      runCli(['sim', 'reset', '--device', device, '--drafts', String(drafts), ...extra], env),
    state: async (): Promise<SimSummary> =>
      JSON.parse((await runCli(['sim', 'state', '--device', device, '--json'], env)).stdout) as SimSummary,
    backup: (args: string[] = [], moreEnv: NodeJS.ProcessEnv = {}, timeoutMs = 300_000): Promise<CliResult> =>
      runCli(
        ['backup', '--device', `sim:${device}`, '--out', out, '--json', ...args],
        { ...env, ...moreEnv },
        timeoutMs,
      ),
    manifest: () =>
      JSON.parse(readFileSync(join(out, device, 'manifest.json'), 'utf8')) as {
        entries: { file: string; sha256: string; marker: string; caption: string; size: number }[];
      },
  };
}
